package org.serverlessloyalty.shared.earning.event.port;

import java.util.List;
import org.serverlessloyalty.shared.earning.event.model.EventRule;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The store's earning rules of the event types (EVENT, CUSTOM_EVENT, GEOLOCATION, QRCODE, REFERRAL), active or not:
 * the rules domain's repository seen as event earning needs it. May be a short-lived cache: a rule changed a moment
 * ago may award its old points once more, never more than its limit (the limit is the store's counter).
 */
public interface EventRuleSource {

    List<EventRule> eventRules(StoreCode store);
}

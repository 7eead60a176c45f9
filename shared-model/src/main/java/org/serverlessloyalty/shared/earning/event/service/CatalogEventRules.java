package org.serverlessloyalty.shared.earning.event.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.serverlessloyalty.shared.earning.event.model.EventRule;
import org.serverlessloyalty.shared.earning.event.model.EventRuleType;
import org.serverlessloyalty.shared.earning.event.model.GeoPoint;
import org.serverlessloyalty.shared.earning.event.model.ReferralReward;
import org.serverlessloyalty.shared.earning.event.model.UsageLimit;
import org.serverlessloyalty.shared.earning.event.model.UsagePeriod;
import org.serverlessloyalty.shared.earning.event.port.EventRuleSource;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.service.EarningRuleCatalog;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** The store's event-type rules read from the rules domain's catalog (its short per-instance cache). */
public final class CatalogEventRules implements EventRuleSource {

    private final EarningRuleCatalog catalog;

    public CatalogEventRules(EarningRuleCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<EventRule> eventRules(StoreCode store) {
        List<EventRule> found = new ArrayList<>();
        for (EarningRule rule : catalog.rules(store)) {
            EventRule view = view(rule);
            if (view != null) {
                found.add(view);
            }
        }
        return found;
    }

    /** The rule as event earning sees it; null for a rule of a transaction type. */
    static EventRule view(EarningRule r) {
        RuleTerms terms = r.terms();
        if (terms instanceof RuleTerms.Event e) {
            return rule(r, EventRuleType.EVENT, e.eventName(), e.pointsAmount(), null, null, null, null, null);
        }
        if (terms instanceof RuleTerms.CustomEvent c) {
            return rule(r, EventRuleType.CUSTOM_EVENT, c.eventName(), c.pointsAmount(), limit(c.limit()), null, null,
                    null, null);
        }
        if (terms instanceof RuleTerms.Geolocation g) {
            return rule(r, EventRuleType.GEOLOCATION, null, g.pointsAmount(), limit(g.limit()),
                    new GeoPoint(g.latitude().doubleValue(), g.longitude().doubleValue()), g.radiusKm(), null, null);
        }
        if (terms instanceof RuleTerms.QrCode q) {
            return rule(r, EventRuleType.QRCODE, null, q.pointsAmount(), limit(q.limit()), null, null, q.code(), null);
        }
        if (terms instanceof RuleTerms.Referral ref) {
            return rule(r, EventRuleType.REFERRAL, ref.eventName().value(), ref.pointsAmount(), null, null, null, null,
                    ReferralReward.parse(ref.rewardType().value()).orElseThrow());
        }
        return null;
    }

    private static UsageLimit limit(org.serverlessloyalty.shared.earning.model.UsageLimit limit) {
        if (limit == null || !limit.active()) {
            return null;
        }
        return new UsageLimit(UsagePeriod.parse(limit.period().value()).orElseThrow(), limit.limit());
    }

    private static EventRule rule(EarningRule r, EventRuleType type, String eventName, BigDecimal points,
                                  UsageLimit limit, GeoPoint place, BigDecimal radius, String code,
                                  ReferralReward reward) {
        return new EventRule(r.id(), r.name(), type, eventName, points, limit, place, radius, code, reward, r.active(),
                r.allTimeActive(), r.startAt(), r.endAt(), r.levels(), r.segments());
    }
}

package org.serverlessloyalty.shared.earning.port;

import java.math.BigDecimal;
import org.serverlessloyalty.shared.points.model.StoreZone;

/**
 * Awards a built-in event's points (rule E11: the largest {@code pointsAmount} of the matching active event rules):
 * {@code oloy.account.created}, {@code oloy.transaction.customer_first_transaction},
 * {@code oloy.customer.logged_in}, {@code oloy.customer.newsletter_subscription}. Each award is exactly once per
 * occasion: {@code occasion} names it (the member for account created, the transaction for first transaction),
 * and the same occasion awarded again changes nothing.
 */
public interface EventEarning {

    /** @return the points awarded, zero when no rule matched or this occasion was awarded already */
    BigDecimal award(StoreZone store, String memberId, String eventName, String occasion);
}

package org.serverlessloyalty.shared.earning.port;

import java.math.BigDecimal;
import org.serverlessloyalty.shared.points.model.StoreZone;

/**
 * Awards event rules' points (rule E11: the largest {@code pointsAmount} of the matching active rules, not the sum).
 * Each award happens exactly once per occasion: the same occasion awarded again changes nothing.
 */
public interface EventEarning {

    /**
     * A built-in event: {@code oloy.account.created} (occasion: the member id), {@code oloy.customer.logged_in},
     * {@code oloy.customer.newsletter_subscription}.
     *
     * @return the points awarded, zero when no rule matched or this occasion was awarded already
     */
    BigDecimal award(StoreZone store, String memberId, String eventName, String occasion);

    /**
     * A member's sell transaction was registered and assigned to them: {@code oloy.transaction.customer_first_transaction}
     * when {@code first}, and the referral rules' {@code first_purchase} / {@code every_purchase} for the member who
     * invited them. The occasion is the transaction.
     */
    void purchased(StoreZone store, String memberId, String transactionId, boolean first);
}

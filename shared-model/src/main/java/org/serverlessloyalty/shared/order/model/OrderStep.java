package org.serverlessloyalty.shared.order.model;

import org.serverlessloyalty.shared.giftcode.model.CodeValue;

/**
 * One write of an order's plan and the limit it must hold (docs/architecture.md, "Decisions in the domain, writes
 * in the adapter"). The domain decides the steps; the adapter writes each as one item of a single transaction and
 * checks each limit there, so a limit holds whatever runs at the same time. A step whose limit did not hold comes
 * back in {@code PlanResult.Refused}, and the domain says what that means for the order.
 */
public sealed interface OrderStep {

    /** Records the trusted order. Holds: no trusted order of this id was recorded (a replay changes nothing). */
    record RecordOrder(OrderReport report, String contentHash) implements OrderStep {
    }

    /**
     * Keeps the beacon's report beside the order. Holds: the beacon has not reported this id yet (the first one
     * stays). It touches no other item, so it can neither block nor replace the trusted order.
     */
    record RecordBeaconReport(OrderReport report, String contentHash) implements OrderStep {
    }

    /**
     * Takes one use of a code. Holds: the code exists, is not voided, and has uses left
     * ({@code usedCount < numberOfUsage}, when it has a number of uses).
     */
    record TakeCodeUse(CodeValue code) implements OrderStep {
    }

    /** Counts that use against the shopper. Holds: the shopper has used the code fewer than {@code limit} times. */
    record TakeCustomerUse(CodeValue code, String customerGuid, int limit) implements OrderStep {
    }

    /**
     * Marks the bought reward a code was issued for used by this order ({@code used}, {@code usedAt},
     * {@code usedForTransactionId} = the order; issue 11), beside the code's use. Holds: the reward exists (a code
     * whose reward is gone is NOT_FOUND). A reward an earlier order already marked keeps its first use's date.
     */
    record MarkRewardUsed(CodeValue code, String memberId, String couponId) implements OrderStep {
    }

    /** Records what the order did with one code. Holds nothing: the item is the order's own. */
    record RecordRedemption(Redemption redemption) implements OrderStep {
    }

    /** Moves the order to CANCELLED or REFUNDED. Holds: it is still PAID, so its uses are given back once. */
    record ReleaseOrder(OrderStatus status) implements OrderStep {
        public ReleaseOrder {
            if (!status.releases()) {
                throw new IllegalArgumentException("An order is released by CANCELLED or REFUNDED, not " + status);
            }
        }
    }

    /** Gives back a use of a code the order took. Holds: the code counts at least one use. */
    record GiveBackCodeUse(CodeValue code) implements OrderStep {
    }

    /**
     * Gives back the bought reward the order marked used with the code's use (issue 11): unused again, as its code
     * is. Holds: the reward is still marked used by this order ({@code usedForTransactionId}); a reward marked by
     * another transaction (a multi-use code, the till) is left as it is, and the step is dropped from the next plan.
     */
    record GiveBackReward(CodeValue code, String memberId, String couponId) implements OrderStep {
    }

    /** Gives back the shopper's use of a code the order took. Holds: the shopper counts at least one use. */
    record GiveBackCustomerUse(CodeValue code, String customerGuid) implements OrderStep {
    }
}

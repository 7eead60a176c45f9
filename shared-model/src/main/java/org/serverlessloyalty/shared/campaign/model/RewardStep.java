package org.serverlessloyalty.shared.campaign.model;

import java.time.Instant;

/**
 * One write of a change to bought rewards and the limit it must hold. A mark-as-used request (A18, A19) is one plan
 * executed as one transaction: every row changes, or none does (C26).
 */
public sealed interface RewardStep {

    String memberId();

    String couponId();

    /**
     * Marks the reward used (C27: {@code usageDate}, {@code usedForTransactionId}). Holds: it is still unused and not
     * cancelled, as read when the plan was made. {@code delivery}: set deliveryStatus to that value (C27, section 4 item
     * 14: only for campaigns with fulfillment tracking); null leaves it unchanged.
     */
    record MarkUsed(String memberId, String couponId, Instant at, String transactionId, DeliveryStatus delivery)
            implements RewardStep {
    }

    /** Marks the reward unused again (admin only, C26/C28). Holds: it is used. */
    record MarkUnused(String memberId, String couponId) implements RewardStep {
    }

    /**
     * Takes one use of the reward's gift code, so a reward marked used cannot then be used at checkout. Holds: the
     * code is this reward's, not voided, and has a use left.
     */
    record TakeCodeUse(String memberId, String couponId, String code) implements RewardStep {
    }

    /** Gives back the use a mark took (admin {@code used=0}). Holds: the code is this reward's and counts a use. */
    record GiveBackCodeUse(String memberId, String couponId, String code) implements RewardStep {
    }
}

package org.serverlessloyalty.shared.earning.port;

import org.serverlessloyalty.shared.earning.model.Earned;
import org.serverlessloyalty.shared.points.model.StoreZone;

/**
 * Gives the coupon of an {@code instant_reward} rule that applied to a member's sale (1.B.3, issue 11). Exactly once
 * per (transaction, rule) whatever is retried; a shortage (no coupons left, a limit) is not the transaction's
 * failure: the implementation logs and counts it and returns.
 */
public interface InstantRewards {

    void issue(StoreZone store, String memberId, String transactionId, Earned.InstantReward reward);

    /** No reward campaigns (unit tests of transactions that have no instant reward rule). */
    InstantRewards NONE = (store, memberId, transactionId, reward) -> { };
}

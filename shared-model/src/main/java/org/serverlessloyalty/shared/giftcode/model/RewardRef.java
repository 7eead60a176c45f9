package org.serverlessloyalty.shared.giftcode.model;

/**
 * The bought reward a code was issued for (issue 11, docs/campaigns.md "Coupons are gift codes"): the order that
 * uses the code marks that reward used in its own transaction.
 */
public record RewardRef(String memberId, String couponId) {
}

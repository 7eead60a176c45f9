package org.serverlessloyalty.shared.campaign.model;

/**
 * A bought reward as read for a change, with what its gift code allows.
 *
 * @param purchase    the reward
 * @param giftCode    whether the store's gift code item of {@code purchase.code()} is this reward's own (its
 *                    {@code REWARD_COUPON_ID} names this coupon): only then does marking it used take a use of the
 *                    code, so the code and the reward never disagree (docs/campaigns.md "Coupons are gift codes")
 */
public record BoughtReward(Purchase purchase, boolean giftCode) {
}

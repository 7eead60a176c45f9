package org.serverlessloyalty.shared.campaign.model;

/**
 * A request to buy (A12-A14).
 *
 * @param quantity      coupons wanted (C20: all or none); forced to 1 for percentage codes (C16 step 3)
 * @param withoutPoints admin only (C16): no points taken, the rewards record cost 0
 * @param transactionId admin only: the transaction a percentage_discount_code is for (C7); null otherwise
 */
public record BuyOrder(BuyRole role, String memberId, CampaignId campaignId, int quantity, boolean withoutPoints,
                       String transactionId) {

    public BuyOrder {
        if (quantity < 1) {
            throw new IllegalArgumentException("a purchase buys at least one coupon");
        }
        if (role != BuyRole.ADMIN && (withoutPoints || transactionId != null)) {
            throw new IllegalArgumentException("only the admin buys without points or for a transaction");
        }
    }
}

package org.serverlessloyalty.shared.campaign.model;

/**
 * One row of a mark-as-used request (A18 admin, A19 customer): which bought reward, and whether it is now used.
 *
 * @param row           the row's index in the request, for the error message that names it (C26)
 * @param customerId    the member who owns the reward (A19: the token's member)
 * @param used          the value asked for; null when the row did not say (C26: "Missing data in rows")
 * @param transactionId what it was used for ({@code usedForTransactionId}, C27); null when not told
 */
public record CouponUsage(int row, String customerId, String campaignId, String couponId, String code, Boolean used,
                          String transactionId) {

    /** C26: every row names the member, the campaign, the coupon, its code and the value. */
    public boolean complete() {
        return present(customerId) && present(campaignId) && present(couponId) && present(code) && used != null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

package org.serverlessloyalty.shared.campaign.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One coupon a member got from a campaign (Open Loyalty's "campaign bought" / "campaign purchase"): written by the
 * purchase's transaction, then changed only by mark-as-used, delivery status and the order that uses its code.
 *
 * @param couponId             the coupon's id, returned by buy with its code (section 4 item 5); a version 7 UUID,
 *                             so a member's purchases sort in purchase order
 * @param code                 the gift code it grants (the store's gift code of that value, see
 *                             docs/campaigns.md "Coupons are gift codes"); empty for cashback
 * @param costInPoints         points taken (0 when bought {@code withoutPoints}); cashback: the points redeemed
 * @param activeSince          when it can be used (C21: purchase + daysInactive days); null = from the purchase
 * @param activeTo             when it stops being usable (C21); null = for ever
 * @param usedAt               when it was marked used or its code was used by an order; null while unused
 * @param usedForTransactionId the transaction or order it was used for, when known
 * @param transactionId        the transaction a percentage_discount_code was bought for (C7)
 * @param balanceAfter         the member's available points right after the purchase ({@code currentPointsAmount})
 * @param rewardAmount         cashback: the money the points were worth (C30); null otherwise
 * @param cancelled            cancelled (a return): never usable again
 */
public record Purchase(
        String couponId,
        CampaignId campaignId,
        String memberId,
        String code,
        RewardType reward,
        String campaignName,
        Instant purchasedAt,
        BigDecimal costInPoints,
        BigDecimal taxPriceValue,
        Instant activeSince,
        Instant activeTo,
        boolean used,
        Instant usedAt,
        String usedForTransactionId,
        DeliveryStatus deliveryStatus,
        String transactionId,
        BigDecimal balanceAfter,
        BigDecimal rewardAmount,
        boolean cancelled) {

    /** C23, derived at {@code now}: cancelled, else expired once activeTo has passed, else inactive until activeSince. */
    public PurchaseStatus status(Instant now) {
        if (cancelled) {
            return PurchaseStatus.CANCELLED;
        }
        if (activeTo != null && !now.isBefore(activeTo)) {
            return PurchaseStatus.EXPIRED;
        }
        if (activeSince != null && now.isBefore(activeSince)) {
            return PurchaseStatus.INACTIVE;
        }
        return PurchaseStatus.ACTIVE;
    }

    /** C23: {@code canBeUsed} = active now and not used. */
    public boolean canBeUsed(Instant now) {
        return !used && status(now) == PurchaseStatus.ACTIVE;
    }
}

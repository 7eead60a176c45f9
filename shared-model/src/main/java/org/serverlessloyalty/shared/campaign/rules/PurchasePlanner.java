package org.serverlessloyalty.shared.campaign.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.serverlessloyalty.shared.campaign.model.BuyOrder;
import org.serverlessloyalty.shared.campaign.model.BuyOutcome;
import org.serverlessloyalty.shared.campaign.model.BuyRefusal;
import org.serverlessloyalty.shared.campaign.model.BuyRole;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCounters;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.PurchaseStep;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.PoolCode;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.rules.Fifo;
import org.serverlessloyalty.shared.points.rules.TransferPlanner;

/**
 * Decides a reward purchase (C16-C22, C7, section 4 items 1, 4, 5) as the writes of ONE transaction, each holding the
 * limit that makes the decision right whatever runs concurrently, or as a refusal that writes nothing. Pure: the
 * service reads the campaign (with its counters), the member's usage, the first free pool codes and the member's
 * points account, asks, and executes the plan; a limit that no longer holds at commit means something changed since
 * the read, and the service reads and asks again. Only what the read shows as a real shortage is ever refused.
 *
 * <p>Checks in C16's order: (1) bought manually, else 400; (2) active, and for seller and customer also visible and
 * targeting the member (section 4 item 4), else 404; (3) quantity (forced to 1 for percentage codes) and, for a
 * percentage code, its transaction (C7); (4) limits (C18); (5) status may spend, else "Not allowed"; (6) points,
 * else "Not enough points"; (7) the coupons (C19), all {@code quantity} of them or none (section 4 item 1, unlike
 * C20's partial issue).
 */
public final class PurchasePlanner {

    /**
     * What the purchase is decided on, all read as committed.
     *
     * @param memberIssued  the member's coupons of this campaign so far (their usage item; 0 when none)
     * @param freeCodes     the first never-issued pool codes in pool order, at least {@code quantity} when there are
     * @param firstCode     the pool's first code, issued or not (a single-coupon campaign gives it to everyone)
     * @param account       the member's lots and blocks; {@code accountVersion} their version at that read
     * @param transaction   a percentage code's transaction, when the order names one that exists
     * @param maxItems      the writes one transaction may hold for the purchase (less the idempotency record's)
     */
    public record Situation(StoreZone store, String locale, PointsSettings settings, Campaign campaign,
                            CampaignCounters counters, MemberRef member, Audience audience, long memberIssued,
                            List<PoolCode> freeCodes, Optional<PoolCode> firstCode, List<PointsTransfer> account,
                            long accountVersion, Optional<BoughtFor> transaction, Instant now, int maxItems) {
        public Situation {
            freeCodes = List.copyOf(freeCodes);
            account = List.copyOf(account);
        }
    }

    /** A transaction a percentage code is bought for (C7): whose it is and what it was worth. */
    public record BoughtFor(String transactionId, String memberId, BigDecimal grossValue) {
    }

    public sealed interface Decision {
        /** Write {@code steps} as one transaction; once committed the member has {@code purchases}. */
        record Write(List<PurchaseStep> steps, List<Purchase> purchases) implements Decision {
            public Write {
                steps = List.copyOf(steps);
                purchases = List.copyOf(purchases);
            }
        }

        /** Nothing to write: answer this. */
        record Answer(BuyOutcome outcome) implements Decision {
        }
    }

    private PurchasePlanner() {
    }

    /** The writes one coupon needs at most: its pool code's delete, its reward, its gift code. */
    public static final int ITEMS_PER_COUPON = 3;

    /**
     * @param couponIds a new id for each coupon (a version 7 UUID: a member's rewards sort in purchase order)
     */
    public static Decision buy(Situation s, BuyOrder order, Supplier<String> couponIds) {
        Campaign c = s.campaign();
        Instant now = s.now();
        // (1) C6, C8.
        if (!c.reward().boughtManually()) {
            return refuse(BuyRefusal.NOT_BOUGHT_MANUALLY);
        }
        // (2) C11, C16: the admin skips visibility; section 4 item 4: seller and customer also need targeting; C7:
        // a percentage code is never visible, so only the admin buys it.
        if (!c.activeAt(now)) {
            return refuse(BuyRefusal.NOT_FOUND);
        }
        if (order.role() != BuyRole.ADMIN && (!c.visibleAt(now) || !targets(c, s.audience()))) {
            return refuse(BuyRefusal.NOT_FOUND);
        }
        // (3) Quantity, forced to 1 for a percentage code; a percentage code's transaction (C7).
        boolean percentage = c.reward() == RewardType.PERCENTAGE_DISCOUNT_CODE;
        int quantity = percentage ? 1 : order.quantity();
        BigDecimal percentageValue = null;
        if (percentage) {
            if (order.transactionId() == null || order.transactionId().isBlank()) {
                return refuse(BuyRefusal.TRANSACTION_REQUIRED);
            }
            if (s.transaction().isEmpty() || !order.memberId().equals(s.transaction().get().memberId())) {
                return refuse(BuyRefusal.INVALID_TRANSACTION);
            }
            percentageValue = percentageCode(s.transaction().get().grossValue(), c.transactionPercentageValue());
            if (percentageValue.signum() <= 0) {
                return refuse(BuyRefusal.GENERATED_VALUE_ZERO);
            }
        }
        boolean multiCode = c.reward().pooled() && !c.singleCoupon();
        // (4) C18, counted in coupons issued; percentage codes have no limits.
        if (c.reward().pooled()) {
            if (!c.unlimited()) {
                if (c.limit() != null && s.counters().issued() + quantity > c.limit()) {
                    return refuse(BuyRefusal.LIMIT_EXCEEDED);
                }
                if (c.limitPerUser() != null && s.memberIssued() + quantity > c.limitPerUser()) {
                    return refuse(BuyRefusal.LIMIT_PER_CUSTOMER_EXCEEDED);
                }
            } else if (multiCode && s.freeCodes().size() < quantity) {
                return refuse(BuyRefusal.NO_COUPONS_LEFT);
            }
        }
        // (5) The member's status may spend (the store's customerStatusesSpending).
        if (!s.settings().spendingStatuses().contains(s.member().status())) {
            return refuse(BuyRefusal.NOT_ALLOWED);
        }
        // (6) C16: points for all the coupons (cost × quantity), unless the admin buys without points.
        // C7: a percentage code's cost is ignored (it is bought for a transaction, not with points).
        BigDecimal unitCost = order.withoutPoints() || percentage || c.costInPoints() == null ? BigDecimal.ZERO
                : c.costInPoints().setScale(Points.SCALE, RoundingMode.HALF_UP);
        BigDecimal total = unitCost.multiply(BigDecimal.valueOf(quantity));
        Points balance = Fifo.balance(s.account(), now);
        if (balance.value().compareTo(total) < 0) {
            return refuse(BuyRefusal.NOT_ENOUGH_POINTS);
        }
        // (7) C19: the codes, all of them or none, first free codes first.
        List<String> codes = new ArrayList<>();
        List<PurchaseStep> steps = new ArrayList<>();
        if (percentage) {
            codes.add(percentageValue.toPlainString());
        } else if (multiCode) {
            if (s.freeCodes().size() < quantity) {
                return refuse(BuyRefusal.NO_COUPONS_LEFT);
            }
            for (PoolCode code : s.freeCodes().subList(0, quantity)) {
                codes.add(code.code());
                steps.add(new PurchaseStep.TakeFreeCode(code.seq(), code.code()));
            }
        } else {
            if (s.firstCode().isEmpty()) {
                return refuse(BuyRefusal.NO_COUPONS_LEFT);
            }
            for (int i = 0; i < quantity; i++) {
                codes.add(s.firstCode().get().code());
            }
        }
        String name = c.name(s.locale());
        boolean sharedCode = !percentage && !multiCode;
        int codeWrites = percentage ? 0 : sharedCode ? (CodeValue.isValid(codes.get(0)) ? 1 : 0)
                : (int) codes.stream().filter(CodeValue::isValid).count();
        int ownItems = steps.size() + 2 + quantity + codeWrites;
        if (total.signum() > 0) {
            // One spending transfer for the whole purchase: one transaction cannot draw twice on the same lot, so a
            // quantity-N purchase takes its N costs in one transfer naming every code (C20 made N transfers; C22).
            String comment = name + (quantity == 1 ? ", coupon: " + codes.get(0) : ", coupons: " + String.join(", ", codes));
            TransferPlanner.Context ctx = new TransferPlanner.Context(s.store(), s.settings(), now,
                    s.maxItems() - ownItems - 1);
            TransferPlanner.Decision spend = TransferPlanner.spend(ctx, s.member(),
                    new SpendPoints(s.member().memberId(), total, comment, Issuer.SYSTEM, null), s.account(),
                    TransferId.newAt(now));
            if (spend instanceof TransferPlanner.Decision.Answer answer) {
                Refusal why = answer.outcome() instanceof TransferOutcome.Refused r ? r.refusal() : null;
                if (why != null && why.message().startsWith("these points come from")) {
                    return refuse(BuyRefusal.TOO_MANY_AT_ONCE);
                }
                return refuse(BuyRefusal.NOT_ENOUGH_POINTS);
            }
            ((TransferPlanner.Decision.Write) spend).plan().steps().forEach(step -> steps.add(new PurchaseStep.Spend(step)));
            // The lots drawn are the oldest that count only while no older lot gained points since the read (P8).
            steps.add(new PurchaseStep.Spend(new LedgerStep.CheckVersion(s.member().memberId(), s.accountVersion())));
        }
        if (ownItems > s.maxItems()) {
            return refuse(BuyRefusal.TOO_MANY_AT_ONCE);
        }
        BigDecimal after = balance.value().subtract(total).max(BigDecimal.ZERO);
        Long limit = c.reward().pooled() && !c.unlimited() && c.limit() != null ? Long.valueOf(c.limit()) : null;
        steps.add(new PurchaseStep.CountCampaign(c.version(), quantity, limit, multiCode ? quantity : 0,
                s.memberIssued() == 0));
        steps.add(new PurchaseStep.CountMember(s.member().memberId(), s.memberIssued(), quantity));
        // C21: the reward's dates.
        Instant activeSince = positive(c.daysInactive()) ? now.plus(c.daysInactive(), ChronoUnit.DAYS) : null;
        Instant activeTo = positive(c.daysValid())
                ? now.plus((long) nonNull(c.daysInactive()) + c.daysValid(), ChronoUnit.DAYS) : null;
        List<Purchase> purchases = new ArrayList<>();
        boolean sharedWritten = false;
        for (String code : codes) {
            Purchase p = new Purchase(couponIds.get(), c.id(), s.member().memberId(), code, c.reward(), name, now,
                    unitCost, c.taxPriceValue(), activeSince, activeTo, false, null, null, DeliveryStatus.ORDERED,
                    percentage ? order.transactionId() : null, after, null, false);
            purchases.add(p);
            steps.add(new PurchaseStep.Record(p));
            if (!percentage && CodeValue.isValid(code) && !(sharedCode && sharedWritten)) {
                steps.add(new PurchaseStep.IssueCode(giftCode(s, c, p, sharedCode), p.memberId(), p.couponId(),
                        sharedCode));
                sharedWritten = sharedCode;
            }
        }
        return new Decision.Write(steps, purchases);
    }

    /** Section 4 item 4 (C12's audience): the member's level is targeted, or one of their segments is. */
    public static boolean targets(Campaign c, Audience audience) {
        if (audience == null) {
            return false;
        }
        if (audience.levelId() != null && c.levels().contains(audience.levelId())) {
            return true;
        }
        return c.segments().stream().anyMatch(audience.segmentIds()::contains);
    }

    /** C7: {@code round(grossValue × pct / 100, 0)}, half up as PHP's round. */
    static BigDecimal percentageCode(BigDecimal grossValue, Integer percent) {
        if (grossValue == null || percent == null) {
            return BigDecimal.ZERO;
        }
        return grossValue.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 0,
                RoundingMode.HALF_UP);
    }

    /**
     * The coupon as a gift code of the store (docs/campaigns.md "Coupons are gift codes"): the campaign's reward value,
     * free delivery as free shipping; single use and personal to the member, or for a single-coupon campaign one
     * code shared by every buyer (as many uses as the campaign's limit); usable from the first whole day of the
     * reward's activity to the last whole day before it expires, in the store's zone (a code's dates are days).
     */
    static GiftCode giftCode(Situation s, Campaign c, Purchase p, boolean shared) {
        ZoneId zone = s.store().zone();
        LocalDate activeFrom = p.activeSince() == null ? null : firstWholeDay(p.activeSince(), zone);
        LocalDate expiration = p.activeTo() == null ? null : p.activeTo().atZone(zone).toLocalDate().minusDays(1);
        BigDecimal value = c.rewardValue() == null ? BigDecimal.ZERO : c.rewardValue();
        DiscountType type = c.reward() == RewardType.FREE_DELIVERY_CODE ? DiscountType.FREESHIPPING : DiscountType.VALUE;
        Integer uses = shared ? (c.unlimited() ? null : c.limit()) : Integer.valueOf(1);
        GiftCodeTerms.CodeUser user = shared ? null
                : new GiftCodeTerms.CodeUser(s.member().email(), s.member().memberId());
        GiftCodeTerms terms = new GiftCodeTerms(value, type, null, true, p.campaignName(), p.campaignName(), expiration,
                activeFrom, uses, shared ? null : Integer.valueOf(1), List.of(), List.of(), true, c.id().value(), user);
        return new GiftCode(c.store(), CodeValue.of(p.code()), terms, 0, p.purchasedAt());
    }

    private static LocalDate firstWholeDay(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return day.atStartOfDay(zone).toInstant().equals(at) ? day : day.plusDays(1);
    }

    private static boolean positive(Integer days) {
        return days != null && days > 0;
    }

    private static int nonNull(Integer days) {
        return days == null ? 0 : days;
    }

    private static Decision refuse(BuyRefusal refusal) {
        return new Decision.Answer(new BuyOutcome.Refused(refusal));
    }
}

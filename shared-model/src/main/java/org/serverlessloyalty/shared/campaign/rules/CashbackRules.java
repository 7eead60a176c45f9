package org.serverlessloyalty.shared.campaign.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.PurchaseStep;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.rules.Fifo;
import org.serverlessloyalty.shared.points.rules.TransferPlanner;

/**
 * Cashback (A22, A23; rules C30, C31 and section 4 item 6): which campaign turns a member's points into money, what
 * they are worth, and the redeem's plan, which spends the points in the same transaction as it records the reward
 * (Open Loyalty 3.2 recorded the reward and spent nothing).
 */
public final class CashbackRules {

    /** Open Loyalty's messages, verbatim. */
    public static final String NOT_AVAILABLE = "cashback not available";
    public static final String NOT_VALID = "cashback not valid";
    public static final String NOT_ENOUGH_POINTS = "Not enough points";
    public static final String NOT_ALLOWED = "Not allowed";

    private CashbackRules() {
    }

    /**
     * C30: among the store's cashback campaigns active now (C11) and targeting the member (their level or one of
     * their segments, C12), the one with the highest {@code pointValue}; on a tie the oldest, so the answer is stable.
     */
    public static Optional<Campaign> campaignFor(List<Campaign> campaigns, Audience audience, Instant now) {
        return campaigns.stream()
                .filter(c -> c.reward() == RewardType.CASHBACK && c.pointValue() != null)
                .filter(c -> c.activeAt(now) && CampaignUsage.targets(c, audience))
                .max(Comparator.comparing(Campaign::pointValue)
                        .thenComparing(Campaign::createdAt, Comparator.reverseOrder()));
    }

    /** C30: {@code round(pointsAmount × pointValue, 2)}. */
    public static BigDecimal rewardAmount(BigDecimal points, BigDecimal pointValue) {
        return points.multiply(pointValue).setScale(2, RoundingMode.HALF_UP);
    }

    /** What the member would get: the simulation's answer, or why there is none. */
    public sealed interface Quote {
        record Offer(Campaign campaign, BigDecimal pointsAmount, BigDecimal pointValue, BigDecimal rewardAmount)
                implements Quote {
        }

        record Refused(String message) implements Quote {
        }
    }

    /** A22: the campaign of C30, and whether the member has the points now (available ≥ pointsAmount). */
    public static Quote quote(List<Campaign> campaigns, Audience audience, List<PointsTransfer> account,
                              BigDecimal points, Instant now) {
        Optional<Campaign> campaign = campaignFor(campaigns, audience, now);
        if (campaign.isEmpty()) {
            return new Quote.Refused(NOT_AVAILABLE);
        }
        if (Fifo.balance(account, now).value().compareTo(points) < 0) {
            return new Quote.Refused(NOT_ENOUGH_POINTS);
        }
        BigDecimal pointValue = campaign.get().pointValue();
        return new Quote.Offer(campaign.get(), points, pointValue, rewardAmount(points, pointValue));
    }

    /** The redeem's decision: refuse, or write these steps as one transaction. */
    public sealed interface Redeem {
        record Refused(String message) implements Redeem {
        }

        record Write(Purchase purchase, BigDecimal pointValue, List<PurchaseStep> steps) implements Redeem {
        }
    }

    /**
     * A23: the member redeems {@code points} at the value the simulation showed. The client echoes
     * {@code pointValue} and {@code rewardAmount}: when either differs from what C30 gives now (the campaign changed,
     * or the client made them up) → "cashback not valid", nothing written. The plan spends the points (section 4
     * item 6: C31's bug fixed) from the lots read at {@code accountVersion}, counts the reward on the campaign and the
     * member, and records it (coupon code empty, C21: always active, no dates), all in one transaction.
     *
     * @param memberIssued the member's cashback rewards of that campaign so far (their usage item)
     */
    public static Redeem redeem(StoreZone store, PointsSettings settings, MemberRef member, Audience audience,
                                List<Campaign> campaigns, List<PointsTransfer> account, long accountVersion,
                                long memberIssued, BigDecimal points, BigDecimal pointValue, BigDecimal rewardAmount,
                                String locale, Instant now, Supplier<String> couponIds, int maxItems) {
        Quote quote = quote(campaigns, audience, account, points, now);
        if (quote instanceof Quote.Refused refused) {
            return new Redeem.Refused(refused.message());
        }
        Quote.Offer offer = (Quote.Offer) quote;
        if (pointValue == null || rewardAmount == null || offer.pointValue().compareTo(pointValue) != 0
                || offer.rewardAmount().compareTo(rewardAmount) != 0) {
            return new Redeem.Refused(NOT_VALID);
        }
        if (!settings.spendingStatuses().contains(member.status())) {
            return new Redeem.Refused(NOT_ALLOWED);
        }
        Campaign c = offer.campaign();
        String name = c.name(locale);
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        List<PurchaseStep> steps = new ArrayList<>();
        // C22: the spend's comment for a cashback, issuer system.
        TransferPlanner.Decision spend = TransferPlanner.spend(
                new TransferPlanner.Context(store, settings, at, maxItems - 4), member,
                new SpendPoints(member.memberId(), points, name + ", cashback", Issuer.SYSTEM, null), account,
                TransferId.newAt(at));
        if (spend instanceof TransferPlanner.Decision.Answer) {
            return new Redeem.Refused(NOT_ENOUGH_POINTS);
        }
        ((TransferPlanner.Decision.Write) spend).plan().steps().forEach(s -> steps.add(new PurchaseStep.Spend(s)));
        // The lots drawn were the oldest that count only while no older lot gained points since the read (P8).
        steps.add(new PurchaseStep.Spend(new LedgerStep.CheckVersion(member.memberId(), accountVersion)));
        steps.add(new PurchaseStep.CountCampaign(c.version(), 1, null, 0, memberIssued == 0));
        steps.add(new PurchaseStep.CountMember(member.memberId(), memberIssued, 1));
        BigDecimal after = Fifo.balance(account, at).value().subtract(points).max(BigDecimal.ZERO);
        Purchase purchase = new Purchase(couponIds.get(), c.id(), member.memberId(), "", RewardType.CASHBACK, name, at,
                points, c.taxPriceValue(), null, null, false, null, null, DeliveryStatus.ORDERED, null, after,
                offer.rewardAmount(), false);
        steps.add(new PurchaseStep.Record(purchase));
        return new Redeem.Write(purchase, offer.pointValue(), steps);
    }
}

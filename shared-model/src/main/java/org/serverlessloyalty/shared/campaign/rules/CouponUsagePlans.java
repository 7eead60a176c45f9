package org.serverlessloyalty.shared.campaign.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.BoughtReward;
import org.serverlessloyalty.shared.campaign.model.CouponUsage;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.RewardStep;

/**
 * Mark-as-used decisions (A18, A19; C26–C28), pure: the whole request is judged against the rewards as read, and
 * either refused with Open Loyalty's message naming the first bad row, or turned into one plan that the adapter
 * executes as one transaction (all-or-nothing). A row asking for the value the reward already has is a silent no-op
 * (C26) and writes nothing.
 */
public final class CouponUsagePlans {

    /** Open Loyalty's messages (§1.A A18, A19), verbatim. */
    public static final String EMPTY = "Invalid data provided";
    public static final String MISSING = "Missing data in rows";
    public static final String NOT_ALLOWED = "Not allowed";

    /**
     * Two steps per row (the reward and its code) in one TransactWriteItems of at most 100 items: a request marks at
     * most 50 coupons, which a client splits (Open Loyalty has no cap, but it has no transaction either).
     */
    public static final int MAX_ROWS = 50;

    private CouponUsagePlans() {
    }

    /** The answer: a refusal (nothing written) or the steps to write (empty when every row is a no-op). */
    public sealed interface Decision {
    }

    public record Refused(String message) implements Decision {
    }

    public record Plan(List<RewardStep> steps) implements Decision {
        public Plan {
            steps = List.copyOf(steps);
        }
    }

    /**
     * The request's shape, before anything is read: C26 empty and missing data, the row cap, and C28 (a customer may
     * not mark a coupon unused).
     */
    public static Optional<String> refusedAsSent(List<CouponUsage> rows, boolean customer) {
        if (rows.isEmpty()) {
            return Optional.of(EMPTY);
        }
        if (rows.stream().anyMatch(r -> !r.complete())) {
            return Optional.of(MISSING);
        }
        if (rows.size() > MAX_ROWS) {
            return Optional.of("At most " + MAX_ROWS + " coupons per request");
        }
        if (customer && rows.stream().anyMatch(r -> !r.used())) {
            return Optional.of(NOT_ALLOWED);
        }
        return Optional.empty();
    }

    /**
     * The plan for complete rows, each looked up by {@code found} (row index → the member's reward of that coupon id,
     * if any). A reward matches a row when its campaign and code are the row's (C26). {@code used=1} needs a reward
     * that can be used now (C23: active and not used; one already used is a no-op); {@code used=0} needs a reward.
     *
     * @param fulfillmentTracking per campaign id: section 4 item 14, deliveryStatus becomes ordered on use (C27) only
     *                            when the campaign tracks fulfilment
     */
    public static Decision decide(List<CouponUsage> rows, Map<Integer, Optional<BoughtReward>> found, Instant now,
                                  Map<String, Boolean> fulfillmentTracking) {
        List<RewardStep> steps = new ArrayList<>();
        for (CouponUsage row : rows) {
            Optional<BoughtReward> reward = found.getOrDefault(row.row(), Optional.empty())
                    .filter(r -> r.purchase().campaignId().value().equals(row.campaignId())
                            && r.purchase().code() != null
                            && r.purchase().code().strip().equalsIgnoreCase(row.code().strip()));
            if (row.used()) {
                if (reward.isEmpty() || !(reward.get().purchase().used() || reward.get().purchase().canBeUsed(now))) {
                    return new Refused("No purchase available with given code in row " + row.row());
                }
                Purchase p = reward.get().purchase();
                if (p.used()) {
                    continue; // C26: already used, a silent no-op
                }
                boolean tracked = fulfillmentTracking.getOrDefault(row.campaignId(), false);
                steps.add(new RewardStep.MarkUsed(p.memberId(), p.couponId(), now, row.transactionId(),
                        tracked ? DeliveryStatus.ORDERED : null));
                if (reward.get().giftCode()) {
                    steps.add(new RewardStep.TakeCodeUse(p.memberId(), p.couponId(), p.code()));
                }
            } else {
                if (reward.isEmpty()) {
                    return new Refused("No purchase found with given code in row " + row.row());
                }
                Purchase p = reward.get().purchase();
                if (!p.used()) {
                    continue;
                }
                steps.add(new RewardStep.MarkUnused(p.memberId(), p.couponId()));
                if (reward.get().giftCode()) {
                    steps.add(new RewardStep.GiveBackCodeUse(p.memberId(), p.couponId(), p.code()));
                }
            }
        }
        // The same coupon twice in one request would be two writes of one item, which a transaction refuses.
        long distinct = steps.stream().map(s -> s.getClass().getSimpleName() + s.memberId() + "#" + s.couponId())
                .distinct().count();
        if (distinct != steps.size()) {
            return new Refused("A coupon appears twice in the request");
        }
        return new Plan(steps);
    }
}

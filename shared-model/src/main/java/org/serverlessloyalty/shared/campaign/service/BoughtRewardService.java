package org.serverlessloyalty.shared.campaign.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.BoughtReward;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CouponUsage;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.RewardStep;
import org.serverlessloyalty.shared.campaign.port.BoughtRewards;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.campaign.rules.CouponUsagePlans;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * What happens to bought rewards after their purchase (A18–A20): reads the rewards a request names, lets
 * {@link CouponUsagePlans} decide, executes the plan as one transaction. A refused plan means a reward changed
 * between the read and the write (another mark, an order using its code): it is read and decided again, so the
 * answer is always about the rewards as they are ({@link Contention#retry}).
 */
public final class BoughtRewardService {

    private final BoughtRewards rewards;
    private final CampaignRepository campaigns;
    private final Clock clock;

    public BoughtRewardService(BoughtRewards rewards, CampaignRepository campaigns, Clock clock) {
        this.rewards = rewards;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** The outcome of a mark-as-used request: the rows as asked (Open Loyalty echoes them), or its refusal. */
    public sealed interface MarkResult {
    }

    public record Marked(List<CouponUsage> rows) implements MarkResult {
    }

    public record Refused(String message) implements MarkResult {
    }

    /**
     * A18 ({@code customer=false}) and A19 ({@code customer=true}, every row's customerId already the token's
     * member): all rows change in one transaction, or none.
     */
    public MarkResult markUsed(StoreCode store, List<CouponUsage> rows, boolean customer) {
        Optional<String> refused = CouponUsagePlans.refusedAsSent(rows, customer);
        if (refused.isPresent()) {
            return new Refused(refused.get());
        }
        Map<String, Boolean> tracking = new HashMap<>();
        return Contention.retry("Mark coupons used in store " + store.value(), () -> {
            Instant now = clock.instant();
            Map<Integer, Optional<BoughtReward>> found = new LinkedHashMap<>();
            for (CouponUsage row : rows) {
                Optional<BoughtReward> reward = rewards.find(store, row.customerId(), row.couponId());
                found.put(row.row(), reward);
                reward.ifPresent(r -> tracking.computeIfAbsent(row.campaignId(), id -> fulfillmentTracking(store, id)));
            }
            CouponUsagePlans.Decision decision = CouponUsagePlans.decide(rows, found, now, tracking);
            if (decision instanceof CouponUsagePlans.Refused r) {
                return Optional.of(new Refused(r.message()));
            }
            List<RewardStep> steps = ((CouponUsagePlans.Plan) decision).steps();
            if (steps.isEmpty()) {
                return Optional.of(new Marked(rows));
            }
            PlanResult<RewardStep> result = rewards.execute(store, steps);
            if (result instanceof PlanResult.Committed<RewardStep>) {
                return Optional.of(new Marked(rows));
            }
            if (result instanceof PlanResult.Refused<RewardStep> r && codeOnly(r.failed())) {
                // The rewards were as read but their gift code refused: voided by the merchant or out of uses.
                return Optional.of(new Refused(codeRefusal(rows, r.failed().get(0))));
            }
            // Contended, or a reward changed since the read: decide again on what is there now.
            return Optional.empty();
        });
    }

    /** A20 (C29): false when the member has no such reward. */
    public boolean changeDelivery(StoreCode store, String memberId, String couponId, DeliveryStatus status) {
        return rewards.changeDelivery(store, memberId, couponId, status);
    }

    private static boolean codeOnly(List<RewardStep> failed) {
        return !failed.isEmpty() && failed.stream().allMatch(s -> s instanceof RewardStep.TakeCodeUse
                || s instanceof RewardStep.GiveBackCodeUse);
    }

    private static String codeRefusal(List<CouponUsage> rows, RewardStep failed) {
        int row = rows.stream().filter(r -> r.couponId().equals(failed.couponId())).mapToInt(CouponUsage::row)
                .findFirst().orElse(0);
        return failed instanceof RewardStep.TakeCodeUse
                ? "No purchase available with given code in row " + row
                : "No purchase found with given code in row " + row;
    }

    private boolean fulfillmentTracking(StoreCode store, String campaignId) {
        return campaigns.find(store, new CampaignId(campaignId))
                .map(c -> c.campaign().fulfillmentTracking()).orElse(false);
    }
}

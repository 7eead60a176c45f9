package org.serverlessloyalty.shared.campaign.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCounters;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.RewardType;

/**
 * What a member may buy, before buying (C12, C14, C25, A11, A16, A26): pure, from the campaign's counters and the
 * member's usage as read. Only the purchase's transaction holds the limits; these answers may be outdated a moment
 * later, as Open Loyalty's are.
 */
public final class Availability {

    private Availability() {
    }

    /**
     * C25: min(usageLeft, limitPerUser − issued to the member), floored at 0; unlimited (or a type without limits)
     * → usageLeft.
     */
    public static long usageLeftForCustomer(Campaign c, CampaignCounters counters, long memberIssued) {
        long left = CampaignUsage.usageLeft(c, counters);
        if (!c.reward().pooled() || c.unlimited() || c.limitPerUser() == null) {
            return left;
        }
        return Math.max(0, Math.min(left, c.limitPerUser() - memberIssued));
    }

    /** C14: the member's points cover the cost and the campaign is active now (limits and status are not looked at). */
    public static boolean canBeBoughtByCustomer(Campaign c, BigDecimal points, Instant now) {
        BigDecimal cost = c.costInPoints() == null ? BigDecimal.ZERO : c.costInPoints();
        return points.compareTo(cost) >= 0 && c.activeAt(now);
    }

    /**
     * C12: in a member's available list when the active flag is on (not the activity window: a campaign about to
     * start is listed with {@code will_be_active_from}), it is visible now (not cashback or percentage), it targets
     * the member, and it has coupons left for them (a custom campaign skips that in the admin's list).
     */
    public static boolean listed(Campaign c, CampaignCounters counters, long memberIssued, boolean targeted,
                                 boolean adminList, Instant now) {
        if (!c.active() || !c.visibleAt(now) || !targeted) {
            return false;
        }
        if (adminList && c.reward() == RewardType.CUSTOM_CAMPAIGN_CODE) {
            return true;
        }
        return CampaignUsage.usageLeft(c, counters) > 0 && usageLeftForCustomer(c, counters, memberIssued) > 0;
    }

    /** A campaign A26 is asked about, as read: null campaign when the store has none with that id. */
    public record Candidate(Campaign campaign, CampaignCounters counters, long memberIssued, boolean targeted) {
    }

    /** One entry of A26's answer, in the order asked. */
    public record Entry(CampaignId campaignId, boolean usageLimitAvailable) {
    }

    /**
     * @param finalUsageLimitAvailable every entry is available
     * @param balancePointsAvailable   points + additionalPoints cover the cost of every entry asked
     */
    public record Validation(List<Entry> entries, boolean finalUsageLimitAvailable, boolean balancePointsAvailable) {
    }

    /**
     * A26: each entry is one usage; the k-th entry of a campaign is available when the campaign can be bought now by
     * this caller (active; bought manually; for a customer visible and targeting them, section 4 item 4) and the
     * member has at least k coupons of it left (C25).
     */
    public static Validation validate(List<CampaignId> asked, Map<CampaignId, Candidate> candidates, BigDecimal points,
                                      BigDecimal additionalPoints, boolean customer, Instant now) {
        Map<CampaignId, Integer> seen = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        boolean all = true;
        for (CampaignId id : asked) {
            int k = seen.merge(id, 1, Integer::sum);
            Candidate c = candidates.get(id);
            boolean ok = c != null && c.campaign() != null && c.campaign().reward().boughtManually()
                    && c.campaign().activeAt(now)
                    && (!customer || (c.campaign().visibleAt(now) && c.targeted()))
                    && usageLeftForCustomer(c.campaign(), c.counters(), c.memberIssued()) >= k;
            if (c != null && c.campaign() != null && c.campaign().costInPoints() != null) {
                cost = cost.add(c.campaign().costInPoints());
            }
            entries.add(new Entry(id, ok));
            all &= ok;
        }
        boolean covered = points.add(additionalPoints).compareTo(cost) >= 0;
        return new Validation(entries, all, covered);
    }
}

package org.serverlessloyalty.shared.campaign.rules;

import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCounters;
import org.serverlessloyalty.shared.earning.model.Audience;

/** What the catalogue shows about a campaign's use and audience: C24 and C12, decided from its counters. */
public final class CampaignUsage {

    /** Open Loyalty's PHP_INT_MAX: what {@code usageLeft} says when nothing caps a campaign (C24). */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    private CampaignUsage() {
    }

    /**
     * C24, from the counters kept on the campaign's item ({@code free} = pool codes never issued):
     * not single coupon: min(free, limit − issued) floored at 0, unlimited → free; single coupon: max(limit − issued,
     * 0), unlimited → unbounded. Cashback, percentage and custom campaigns have no pool and no count caps (C18):
     * unbounded.
     */
    public static long usageLeft(Campaign campaign, CampaignCounters counters) {
        if (!campaign.reward().pooled()) {
            return UNBOUNDED;
        }
        if (campaign.singleCoupon()) {
            return campaign.unlimited() ? UNBOUNDED : Math.max(0, campaign.limit() - counters.issued());
        }
        long free = Math.max(0, counters.free());
        return campaign.unlimited() ? free : Math.max(0, Math.min(free, campaign.limit() - counters.issued()));
    }

    /** C12's audience: the member's level is one of the campaign's levels, or one of their segments is one of its. */
    public static boolean targets(Campaign campaign, Audience audience) {
        if (audience.levelId() != null && campaign.levels().contains(audience.levelId())) {
            return true;
        }
        return campaign.segments().stream().anyMatch(audience.segmentIds()::contains);
    }
}

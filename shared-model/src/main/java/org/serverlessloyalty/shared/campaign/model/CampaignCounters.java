package org.serverlessloyalty.shared.campaign.model;

/**
 * What purchases and pool loads changed on a campaign, kept on the campaign's item beside its definition and only
 * ever changed by conditional updates (docs/dynamodb-design.md "Reward campaigns").
 *
 * @param issued coupons handed out by purchases, for ever (C18 counts purchases, not redemptions)
 * @param free   pool codes never issued ({@code free} of C24): pool loads add, a multi-code purchase takes one per
 *               coupon (a single-coupon campaign hands its first code to everyone and takes none)
 * @param buyers distinct members with at least one coupon ({@code usersWhoUsedThisCampaignCount})
 */
public record CampaignCounters(long issued, long free, long buyers) {

    public static final CampaignCounters NONE = new CampaignCounters(0, 0, 0);
}

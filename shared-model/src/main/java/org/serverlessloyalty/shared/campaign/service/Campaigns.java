package org.serverlessloyalty.shared.campaign.service;

import org.serverlessloyalty.shared.campaign.model.Campaign;

/** Copies of a campaign that a write needs. */
final class Campaigns {

    private Campaigns() {
    }

    /**
     * {@code next} as the revision after {@code current}: version + 1, and what the form does not set kept (the
     * creation time, and the brand icon, which only the brand icon routes change).
     */
    static Campaign revision(Campaign next, Campaign current) {
        Campaign c = next;
        return new Campaign(c.store(), c.id(), c.reward(), c.active(), c.translations(), c.featured(), c.isPublic(),
                c.fulfillmentTracking(), c.levels(), c.segments(), c.categories(), c.labels(), c.moreInformationLink(),
                c.pushNotificationText(), c.rewardValue(), c.tax(), c.taxPriceValue(), c.activity(), c.visibility(),
                c.costInPoints(), c.unlimited(), c.singleCoupon(), c.limit(), c.limitPerUser(), c.daysInactive(),
                c.daysValid(), c.pointValue(), c.transactionPercentageValue(), c.connectType(), c.earningRuleId(),
                current.brandIcon(), current.createdAt(), current.version() + 1);
    }
}

package org.serverlessloyalty.tests.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.RewardFixtures;

/**
 * The reward the events/campaigns/bought files name, written straight into a local stack's table (issue 11,
 * h11-bought): what a purchase (area h11-buy) writes, with the ids the event files carry.
 */
public final class BoughtRewardSeed {

    public static final String MEMBER = "a6b33600-e499-5291-acf1-778fb2fd8e45";
    public static final String CAMPAIGN = "0196b5a2-3c40-7000-8a1b-00000000ca11";
    public static final String COUPON = "0196b5a2-3c40-7000-8a1b-00000000c0de";
    public static final String CODE = "DEMOREWARD1";

    private BoughtRewardSeed() {
    }

    public static void seed(LocalStack stack, String store) {
        new RewardFixtures(stack.dynamoDbClient(), stack.tableName("LoyaltyTable")).write(new StoreCode(store),
                new Purchase(COUPON, new CampaignId(CAMPAIGN), MEMBER, CODE, RewardType.DISCOUNT_CODE, "Ten off",
                        Instant.now().minusSeconds(60), new BigDecimal("100"), null, null, null, false, null, null,
                        DeliveryStatus.ORDERED, null, new BigDecimal("50"), null, false));
    }
}

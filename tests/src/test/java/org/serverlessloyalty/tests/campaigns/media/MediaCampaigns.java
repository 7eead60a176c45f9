package org.serverlessloyalty.tests.campaigns.media;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.campaign.dynamodb.CampaignItemMapper;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignTranslation;
import org.serverlessloyalty.shared.campaign.model.CampaignWindow;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Campaigns the media tests stand on, written straight into the table with the catalogue's mapper (the catalogue's
 * create route belongs to another area; these tests are about photos and cashback, not about creating campaigns).
 */
final class MediaCampaigns {

    private MediaCampaigns() {
    }

    static Campaign cashback(StoreCode store, String name, BigDecimal pointValue, List<String> levels,
                             List<String> segments, boolean active) {
        return campaign(store, RewardType.CASHBACK, name, levels, segments, active, null, pointValue);
    }

    static Campaign giftCode(StoreCode store, String name, List<String> levels) {
        return campaign(store, RewardType.GIFT_CODE, name, levels, List.of(), true, new BigDecimal("10"), null);
    }

    static Campaign campaign(StoreCode store, RewardType reward, String name, List<String> levels,
                             List<String> segments, boolean active, BigDecimal cost, BigDecimal pointValue) {
        return new Campaign(store, CampaignId.newId(), reward, active,
                Map.of("en", new CampaignTranslation("en", name, null, null, null, null, null)), false, false, false,
                levels, segments, List.of(), List.of(), null, null, null, null, null, CampaignWindow.ALWAYS,
                CampaignWindow.ALWAYS, cost, true, false, null, null, reward.pooled() ? 0 : null,
                reward.pooled() ? 0 : null, pointValue, null, null, null, false, Instant.now(), 1);
    }

    static Campaign write(DynamoDbClient dynamoDb, String table, Campaign campaign) {
        dynamoDb.putItem(b -> b.tableName(table).item(CampaignItemMapper.definition(campaign)));
        return campaign;
    }
}

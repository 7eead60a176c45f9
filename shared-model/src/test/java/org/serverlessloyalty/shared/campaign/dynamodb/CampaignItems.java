package org.serverlessloyalty.shared.campaign.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignTranslation;
import org.serverlessloyalty.shared.campaign.model.CampaignWindow;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes campaigns and their pools straight into the table, as the catalogue's create would (the item layout of
 * docs/dynamodb-design.md "Reward campaigns"): the purchase tests need no catalogue route.
 */
public final class CampaignItems {

    private CampaignItems() {
    }

    /** A discount-code campaign, active and visible for ever, targeting {@code level}. */
    public static Campaign campaign(StoreCode store, String name, BigDecimal cost, boolean unlimited, Integer limit,
                                    Integer limitPerUser, boolean singleCoupon, String level) {
        return new Campaign(store, CampaignId.newId(), RewardType.DISCOUNT_CODE, true,
                Map.of("en", new CampaignTranslation("en", name, null, null, null, null, null)), false, true, false,
                List.of(level), List.of(), List.of(), List.of(), null, null, new BigDecimal("5"), null, null,
                CampaignWindow.ALWAYS, CampaignWindow.ALWAYS, cost, unlimited, singleCoupon, limit, limitPerUser, 0, 30,
                null, null, null, null, false, Instant.parse("2026-01-01T00:00:00Z"), 1);
    }

    /** The campaign's item with {@code free} = the pool's size, and each code's FREE and CODE items. */
    public static void put(DynamoDbClient client, String table, Campaign c, List<String> pool) {
        Map<String, AttributeValue> item = new HashMap<>(CampaignItemMapper.definition(c));
        item.put(CampaignKeys.FREE, AttributeValue.fromN(Integer.toString(pool.size())));
        client.putItem(b -> b.tableName(table).item(item));
        for (int i = 0; i < pool.size(); i++) {
            long seq = i + 1;
            String code = pool.get(i);
            Map<String, AttributeValue> free = new HashMap<>(CampaignKeys.freeCode(c.store(), c.id(), seq));
            free.put(CampaignKeys.CODE, AttributeValue.fromS(code));
            free.put("seq", AttributeValue.fromN(Long.toString(seq)));
            client.putItem(b -> b.tableName(table).item(free));
            Map<String, AttributeValue> all = new HashMap<>(CampaignKeys.poolCode(c.store(), c.id(), code));
            all.put(CampaignKeys.CODE, AttributeValue.fromS(code));
            all.put("seq", AttributeValue.fromN(Long.toString(seq)));
            client.putItem(b -> b.tableName(table).item(all));
        }
    }

    /** {@code n} codes {@code PREFIX-001}, ... */
    public static List<String> codes(String prefix, int n) {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            codes.add(prefix + "-" + String.format("%03d", i));
        }
        return codes;
    }

    /** How many FREE items the pool still has. */
    public static int freeLeft(DynamoDbClient client, String table, StoreCode store, CampaignId id) {
        return client.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :free)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(CampaignKeys.poolPartition(store, id)),
                        ":free", AttributeValue.fromS(CampaignKeys.FREE_SK_PREFIX)))).count();
    }

    /** The member's bought rewards, as stored. */
    public static List<Map<String, AttributeValue>> rewards(DynamoDbClient client, String table, StoreCode store,
                                                            String memberId) {
        return client.query(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS(CampaignKeys.memberRewardsPartition(store, memberId))))).items();
    }
}

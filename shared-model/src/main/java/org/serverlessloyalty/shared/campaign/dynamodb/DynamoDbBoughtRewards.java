package org.serverlessloyalty.shared.campaign.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.serverlessloyalty.shared.campaign.model.BoughtReward;
import org.serverlessloyalty.shared.campaign.model.BoughtRewardQuery;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.RewardPage;
import org.serverlessloyalty.shared.campaign.model.RewardStep;
import org.serverlessloyalty.shared.campaign.port.BoughtRewards;
import org.serverlessloyalty.shared.campaign.port.CouponEventsDue;
import org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeKeys;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Bought rewards in the loyalty table (docs/dynamodb-design.md "Reward campaigns"): a member's in their rewards
 * partition, the store's through gsi1 in purchase order. It executes mark-as-used plans, one step per item with the
 * step's condition, as one transaction; it decides nothing.
 */
public final class DynamoDbBoughtRewards implements BoughtRewards, CouponEventsDue {

    private static final AttributeValue TRUE = AttributeValue.fromBool(true);
    private static final AttributeValue FALSE = AttributeValue.fromBool(false);
    private static final AttributeValue ZERO = AttributeValue.fromN("0");
    private static final AttributeValue ONE = AttributeValue.fromN("1");
    /** Sorts after every character of a sortable instant: the inclusive upper end of a purchase-date range. */
    private static final String AFTER = "~";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbBoughtRewards(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<BoughtReward> find(StoreCode store, String memberId, String couponId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CampaignKeys.purchase(store, memberId, couponId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Purchase purchase = PurchaseItemMapper.fromItem(item);
        return Optional.of(new BoughtReward(purchase, ownsGiftCode(store, purchase)));
    }

    /** Whether the store's gift code of that value was created for this very reward (a purchase's own code). */
    private boolean ownsGiftCode(StoreCode store, Purchase purchase) {
        if (purchase.code() == null || !CodeValue.isValid(purchase.code())) {
            return false; // cashback: no code
        }
        var code = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(GiftCodeKeys.code(store, CodeValue.of(purchase.code())))
                .projectionExpression("#coupon").expressionAttributeNames(Map.of("#coupon",
                        GiftCodeKeys.REWARD_COUPON_ID))).item();
        AttributeValue coupon = code == null ? null : code.get(GiftCodeKeys.REWARD_COUPON_ID);
        return coupon != null && purchase.couponId().equals(coupon.s());
    }

    @Override
    public RewardPage ofMember(StoreCode store, String memberId, BoughtRewardQuery query) {
        QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true).scanIndexForward(false)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS(CampaignKeys.memberRewardsPartition(store, memberId))))
                .build();
        return page(request, query);
    }

    @Override
    public RewardPage ofStore(StoreCode store, BoughtRewardQuery query) {
        return page(storeQuery(store, query, false), query);
    }

    @Override
    public void forEachOfStore(StoreCode store, BoughtRewardQuery query, Consumer<List<Purchase>> sink) {
        for (var response : dynamoDb.queryPaginator(storeQuery(store, query, true))) {
            List<Purchase> rewards = response.items().stream().map(PurchaseItemMapper::fromItem)
                    .filter(query::matches).toList();
            if (!rewards.isEmpty()) {
                sink.accept(rewards);
            }
        }
    }

    /** The store's rewards in purchase order, the purchase-date filters as the index's key range. */
    private QueryRequest storeQuery(StoreCode store, BoughtRewardQuery query, boolean oldestFirst) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(CampaignKeys.storeRewardsPartition(store)));
        String condition = TableKeys.GSI1_PK + " = :pk";
        if (query.purchasedAtFrom() != null || query.purchasedAtTo() != null) {
            values.put(":from", AttributeValue.fromS(query.purchasedAtFrom() == null ? ""
                    : CampaignKeys.sortable(query.purchasedAtFrom())));
            values.put(":to", AttributeValue.fromS(query.purchasedAtTo() == null ? AFTER
                    : CampaignKeys.sortable(query.purchasedAtTo()) + AFTER));
            condition += " AND " + TableKeys.GSI1_SK + " BETWEEN :from AND :to";
        }
        return QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1).scanIndexForward(oldestFirst)
                .keyConditionExpression(condition).expressionAttributeValues(values).build();
    }

    /**
     * One page and the total: every matching reward is counted (Open Loyalty's {@code total}), only the page's are
     * kept. The cost is one Query page per 1 MB of the member's or store's rewards in range.
     */
    private RewardPage page(QueryRequest request, BoughtRewardQuery query) {
        List<Purchase> kept = new ArrayList<>();
        long total = 0;
        int from = query.offset();
        for (var response : dynamoDb.queryPaginator(request)) {
            for (var item : response.items()) {
                Purchase p = PurchaseItemMapper.fromItem(item);
                if (!query.matches(p)) {
                    continue;
                }
                if (total >= from && kept.size() < query.perPage()) {
                    kept.add(p);
                }
                total++;
            }
        }
        return new RewardPage(kept, total);
    }

    @Override
    public PlanResult<RewardStep> execute(StoreCode store, List<RewardStep> plan) {
        List<Transactions.Write<RewardStep>> writes = plan.stream()
                .map(step -> new Transactions.Write<>(item(store, step), step)).toList();
        return Transactions.execute(dynamoDb, writes);
    }

    private TransactWriteItem item(StoreCode store, RewardStep step) {
        if (step instanceof RewardStep.MarkUsed s) {
            Map<String, String> names = new HashMap<>(Map.of("#used", CampaignKeys.USED, "#at",
                    PurchaseItemMapper.USED_AT, "#cancelled", PurchaseItemMapper.CANCELLED));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":true", TRUE, ":false", FALSE,
                    ":at", AttributeValue.fromS(s.at().toString())));
            StringBuilder set = new StringBuilder("SET #used = :true, #at = :at");
            String remove = "";
            names.put("#for", PurchaseItemMapper.USED_FOR);
            if (s.transactionId() != null) {
                set.append(", #for = :for");
                values.put(":for", AttributeValue.fromS(s.transactionId()));
            } else {
                remove = " REMOVE #for";
            }
            if (s.delivery() != null) {
                set.append(", #delivery = :delivery");
                names.put("#delivery", PurchaseItemMapper.DELIVERY_STATUS);
                values.put(":delivery", AttributeValue.fromS(s.delivery().wire()));
            }
            String expression = set + remove;
            return update(u -> u.key(CampaignKeys.purchase(store, s.memberId(), s.couponId()))
                    .updateExpression(expression)
                    .conditionExpression("#used = :false AND #cancelled = :false")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        }
        if (step instanceof RewardStep.MarkUnused s) {
            return update(u -> u.key(CampaignKeys.purchase(store, s.memberId(), s.couponId()))
                    .updateExpression("SET #used = :false REMOVE #at, #for")
                    .conditionExpression("#used = :true")
                    .expressionAttributeNames(Map.of("#used", CampaignKeys.USED, "#at", PurchaseItemMapper.USED_AT,
                            "#for", PurchaseItemMapper.USED_FOR))
                    .expressionAttributeValues(Map.of(":true", TRUE, ":false", FALSE)));
        }
        if (step instanceof RewardStep.TakeCodeUse s) {
            // The order's own condition on a code use (order.dynamodb), plus: the code is still this reward's.
            return update(u -> u.key(GiftCodeKeys.code(store, CodeValue.of(s.code())))
                    .updateExpression("SET #usedCount = if_not_exists(#usedCount, :zero) + :one")
                    .conditionExpression("#coupon = :coupon AND attribute_not_exists(#voided) AND "
                            + "(attribute_not_exists(#limit) OR #usedCount < #limit)")
                    .expressionAttributeNames(Map.of("#usedCount", GiftCodeKeys.USED_COUNT,
                            "#limit", GiftCodeKeys.NUMBER_OF_USAGE, "#voided", GiftCodeKeys.VOIDED_AT,
                            "#coupon", GiftCodeKeys.REWARD_COUPON_ID))
                    .expressionAttributeValues(Map.of(":zero", ZERO, ":one", ONE,
                            ":coupon", AttributeValue.fromS(s.couponId()))));
        }
        if (step instanceof RewardStep.GiveBackCodeUse s) {
            return update(u -> u.key(GiftCodeKeys.code(store, CodeValue.of(s.code())))
                    .updateExpression("SET #usedCount = #usedCount - :one")
                    .conditionExpression("#coupon = :coupon AND #usedCount > :zero")
                    .expressionAttributeNames(Map.of("#usedCount", GiftCodeKeys.USED_COUNT,
                            "#coupon", GiftCodeKeys.REWARD_COUPON_ID))
                    .expressionAttributeValues(Map.of(":zero", ZERO, ":one", ONE,
                            ":coupon", AttributeValue.fromS(s.couponId()))));
        }
        throw new IllegalArgumentException("No item for " + step);
    }

    private TransactWriteItem update(Consumer<software.amazon.awssdk.services.dynamodb.model.Update.Builder> update) {
        return TransactWriteItem.builder().update(u -> update.accept(u.tableName(table))).build();
    }

    @Override
    public boolean changeDelivery(StoreCode store, String memberId, String couponId, DeliveryStatus status) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(CampaignKeys.purchase(store, memberId, couponId))
                    .updateExpression("SET #delivery = :delivery")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#delivery", PurchaseItemMapper.DELIVERY_STATUS))
                    .expressionAttributeValues(Map.of(":delivery", AttributeValue.fromS(status.wire()))));
            return true;
        } catch (ConditionalCheckFailedException noSuchReward) {
            return false;
        }
    }

    @Override
    public List<Purchase> due(StoreCode store, Instant boughtUpTo, int max) {
        List<Purchase> due = new ArrayList<>();
        var pages = dynamoDb.queryPaginator(b -> b.tableName(table).indexName(TableKeys.GSI2)
                .keyConditionExpression(TableKeys.GSI2_PK + " = :pk AND " + TableKeys.GSI2_SK + " <= :upTo")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(CampaignKeys.rewardEventsDuePartition(store)),
                        ":upTo", AttributeValue.fromS(CampaignKeys.sortable(boughtUpTo) + AFTER)))
                .limit(max));
        for (var item : pages.items()) {
            if (due.size() == max) {
                break;
            }
            due.add(PurchaseItemMapper.fromItem(item));
        }
        return due;
    }

    @Override
    public void handedOver(StoreCode store, List<Purchase> rewards) {
        for (Purchase p : rewards) {
            // Only the mark and its index keys: a reward deleted meanwhile is not recreated.
            try {
                dynamoDb.updateItem(b -> b.tableName(table).key(CampaignKeys.purchase(store, p.memberId(), p.couponId()))
                        .updateExpression("REMOVE #due, #pk2, #sk2")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#due", PurchaseItemMapper.COUPON_EVENT_DUE,
                                "#pk2", TableKeys.GSI2_PK, "#sk2", TableKeys.GSI2_SK)));
            } catch (ConditionalCheckFailedException gone) {
                // nothing to unmark
            }
        }
    }
}

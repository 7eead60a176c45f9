package org.serverlessloyalty.shared.campaign.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.PayoutResult;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.port.CashbackPayouts;
import org.serverlessloyalty.shared.platform.dynamodb.Attributes;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.dynamodb.LedgerWrites;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The cashback callback's items. The store's secret: {@code pk={store}#CASHBACK, sk=CALLBACK_SECRET} ({@code key}
 * 32 bytes binary, {@code version}, {@code createdAt}), kept as the customer-token key is (the table is encrypted at
 * rest; no route returns it after the rotation that made it). A payout result: attributes {@code payoutStatus},
 * {@code payoutCode}, {@code payoutMessage}, {@code payoutProvider}, {@code payoutAt} on the cashback reward's own item
 * ({@link CampaignKeys#purchase}), written on condition that no final status is there yet.
 */
public final class DynamoDbCashbackPayouts implements CashbackPayouts {

    static final String STATUS = "payoutStatus";
    private static final String SECRET_SK = "CALLBACK_SECRET";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final LedgerWrites ledger;

    public DynamoDbCashbackPayouts(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.ledger = new LedgerWrites(table);
    }

    static Map<String, AttributeValue> secretKey(StoreCode store) {
        return Map.of("pk", AttributeValue.fromS(store.value() + "#CASHBACK"), "sk", AttributeValue.fromS(SECRET_SK));
    }

    @Override
    public Optional<byte[]> secret(StoreCode store) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(secretKey(store)).consistentRead(true)).item();
        return item == null || !item.containsKey("key") ? Optional.empty()
                : Optional.of(item.get("key").b().asByteArray());
    }

    @Override
    public long rotate(StoreCode store, byte[] secret, Instant now) {
        var updated = dynamoDb.updateItem(b -> b.tableName(table).key(secretKey(store))
                .updateExpression("SET #key = :key, #created = :now, #type = :type ADD #version :one")
                .expressionAttributeNames(Map.of("#key", "key", "#created", "createdAt", "#type", "type",
                        "#version", "version"))
                .expressionAttributeValues(Map.of(
                        ":key", AttributeValue.fromB(SdkBytes.fromByteArray(secret)),
                        ":now", AttributeValue.fromS(now.toString()),
                        ":type", AttributeValue.fromS("CASHBACK_CALLBACK_SECRET"),
                        ":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return Attributes.longValue(updated, "version");
    }

    @Override
    public Optional<Payout> cashback(StoreCode store, String memberId, String couponId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(CampaignKeys.purchase(store, memberId, couponId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Purchase reward = PurchaseItemMapper.fromItem(item);
        if (reward.reward() != RewardType.CASHBACK) {
            return Optional.empty();
        }
        Optional<PayoutResult> result = Optional.ofNullable(item.get(STATUS)).map(s -> new PayoutResult(
                PayoutResult.Status.valueOf(s.s()), text(item, "payoutCode"), text(item, "payoutMessage"),
                text(item, "payoutProvider"), Instant.parse(item.get("payoutAt").s())));
        return Optional.of(new Payout(reward, result));
    }

    @Override
    public Recorded record(StoreCode store, Purchase reward, PayoutResult result, List<LedgerStep> refund) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", AttributeValue.fromS(result.status().name()));
        values.put(":pending", AttributeValue.fromS(PayoutResult.Status.PENDING.name()));
        values.put(":code", AttributeValue.fromS(result.code()));
        values.put(":message", AttributeValue.fromS(result.message()));
        values.put(":provider", AttributeValue.fromS(result.provider()));
        values.put(":at", AttributeValue.fromS(result.at().toString()));
        // Final results are written once; a pending one only over nothing or another pending... except that a second
        // pending changes nothing either (the service answers it without writing), so the condition is the same.
        TransactWriteItem mark = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(CampaignKeys.purchase(store, reward.memberId(), reward.couponId()))
                .updateExpression("SET #status = :status, payoutCode = :code, payoutMessage = :message,"
                        + " payoutProvider = :provider, payoutAt = :at")
                .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(#status) OR #status = :pending)")
                .expressionAttributeNames(Map.of("#status", STATUS))
                .expressionAttributeValues(values).build()).build();
        List<Transactions.Write<Object>> writes = new ArrayList<>();
        writes.add(new Transactions.Write<>(mark, result));
        refund.forEach(step -> writes.add(new Transactions.Write<>(ledger.write(store, step), step)));
        PlanResult<Object> outcome = Transactions.execute(dynamoDb, writes);
        if (outcome instanceof PlanResult.Committed<Object>) {
            return Recorded.RECORDED;
        }
        if (outcome instanceof PlanResult.Refused<Object> refused && refused.failed().contains(result)) {
            return Recorded.ALREADY_SETTLED;
        }
        return Recorded.CONTENDED;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? "" : v.s();
    }
}

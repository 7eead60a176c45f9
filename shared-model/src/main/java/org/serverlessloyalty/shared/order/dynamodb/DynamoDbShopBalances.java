package org.serverlessloyalty.shared.order.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.order.model.ShopBalance;
import org.serverlessloyalty.shared.order.port.ShopBalances;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.points.dynamodb.MemberKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The shop's reported balance in the member's partition ({@code {store}#MEMBER#{id}} / {@code SHOP_BALANCE}), a
 * conditional put that only a report at least as recent passes (orders of one shopper may apply out of order
 * across endpoints).
 */
public final class DynamoDbShopBalances implements ShopBalances {

    static final String SK = "SHOP_BALANCE";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbShopBalances(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(StoreCode store, String memberId) {
        return TableKeys.key(MemberKeys.memberPartition(store, memberId), SK);
    }

    @Override
    public void record(StoreCode store, String memberId, ShopBalance balance) {
        Map<String, AttributeValue> item = new HashMap<>(key(store, memberId));
        item.put("type", AttributeValue.fromS("SHOP_BALANCE"));
        item.put("balance", AttributeValue.fromN(balance.balance().toPlainString()));
        item.put("orderId", AttributeValue.fromS(balance.orderId()));
        item.put("reportedAt", AttributeValue.fromS(balance.at().toString()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR reportedAt <= :at")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(balance.at().toString()))));
        } catch (ConditionalCheckFailedException newerThere) {
            // A later order's report stands.
        }
    }

    @Override
    public Optional<ShopBalance> find(StoreCode store, String memberId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(key(store, memberId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ShopBalance(new BigDecimal(item.get("balance").n()), item.get("orderId").s(),
                Instant.parse(item.get("reportedAt").s())));
    }
}

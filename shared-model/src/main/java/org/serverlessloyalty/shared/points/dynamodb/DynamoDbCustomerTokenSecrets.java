package org.serverlessloyalty.shared.points.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.dynamodb.Attributes;
import org.serverlessloyalty.shared.points.model.CustomerTokenSecret;
import org.serverlessloyalty.shared.points.port.CustomerTokenSecrets;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A store's customer-token key: one item, {@code pk={store}#POINTS, sk=CUSTOMER_TOKEN_KEY}, holding {@code key}
 * (32 bytes, binary), {@code version} and {@code createdAt}. The table is encrypted at rest; the key is never
 * returned by any route.
 */
public final class DynamoDbCustomerTokenSecrets implements CustomerTokenSecrets {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCustomerTokenSecrets(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<CustomerTokenSecret> find(StoreCode store) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(MemberKeys.customerTokenKey(store))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public CustomerTokenSecret createIfAbsent(StoreCode store, CustomerTokenSecret first) {
        Map<String, AttributeValue> item = new HashMap<>(MemberKeys.customerTokenKey(store));
        item.put("type", AttributeValue.fromS("CUSTOMER_TOKEN_KEY"));
        item.put("key", AttributeValue.fromB(SdkBytes.fromByteArray(first.key())));
        item.put("version", AttributeValue.fromN(Long.toString(first.version())));
        item.put("createdAt", AttributeValue.fromS(first.createdAt().toString()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return first;
        } catch (ConditionalCheckFailedException e) {
            // Another request made the store's key first: use that one.
            return find(store).orElseThrow(() -> new IllegalStateException("The customer token key vanished", e));
        }
    }

    @Override
    public CustomerTokenSecret replace(StoreCode store, byte[] key, Instant now) {
        var updated = dynamoDb.updateItem(b -> b.tableName(table).key(MemberKeys.customerTokenKey(store))
                .updateExpression("SET #key = :key, #created = :now, #type = :type ADD #version :one")
                .expressionAttributeNames(Map.of("#key", "key", "#created", "createdAt", "#type", "type",
                        "#version", "version"))
                .expressionAttributeValues(Map.of(
                        ":key", AttributeValue.fromB(SdkBytes.fromByteArray(key)),
                        ":now", AttributeValue.fromS(now.toString()),
                        ":type", AttributeValue.fromS("CUSTOMER_TOKEN_KEY"),
                        ":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return fromItem(updated);
    }

    private static CustomerTokenSecret fromItem(Map<String, AttributeValue> item) {
        return new CustomerTokenSecret(Attributes.longValue(item, "version"), item.get("key").b().asByteArray(),
                Attributes.instant(item, "createdAt"));
    }
}

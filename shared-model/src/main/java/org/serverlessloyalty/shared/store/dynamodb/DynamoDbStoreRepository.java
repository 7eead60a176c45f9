package org.serverlessloyalty.shared.store.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.persistence.AlreadyExistsException;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.port.StoreRepository;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Stores in the single table: one item each, listed through GSI1. */
public final class DynamoDbStoreRepository implements StoreRepository {

    /** The attribute of the publishable-key item holding the key's SHA-256. */
    public static final String PUBLISHABLE_KEY_HASH = "keyHash";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbStoreRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(Store store, byte[] publishableKeyHash) {
        Map<String, AttributeValue> publishable = new HashMap<>(StoreKeys.publishableKey(store.code()));
        publishable.put(PUBLISHABLE_KEY_HASH, AttributeValue.fromB(SdkBytes.fromByteArray(publishableKeyHash)));
        publishable.put("type", AttributeValue.fromS("PUBLISHABLE_KEY"));
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(StoreItemMapper.toItem(store))
                            .conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(publishable)).build()));
        } catch (TransactionCanceledException e) {
            if ("ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                throw new AlreadyExistsException(List.of(store.code().value()));
            }
            throw e;
        }
    }

    @Override
    public Optional<Store> find(StoreCode code) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(StoreKeys.store(code)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(StoreItemMapper.fromItem(item));
    }

    @Override
    public List<Store> list(StoreCode after, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(StoreKeys.STORES_GSI1_PK));
        String condition = "gsi1pk = :pk";
        if (after != null) {
            condition += " AND gsi1sk > :after";
            values.put(":after", AttributeValue.fromS(after.value()));
        }
        String keyCondition = condition;
        return dynamoDb.queryPaginator(b -> b.tableName(table).indexName(TableKeys.GSI1)
                        .keyConditionExpression(keyCondition)
                        .expressionAttributeValues(values)
                        .limit(Math.min(limit, 100)))
                .items().stream()
                .limit(limit)
                .map(StoreItemMapper::fromItem)
                .toList();
    }

    @Override
    public boolean update(Store store) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(StoreKeys.store(store.code()))
                    .updateExpression("SET #name = :name, #currency = :currency, #timezone = :timezone, "
                            + "#locale = :locale, #active = :active, #updatedAt = :updatedAt")
                    .conditionExpression("attribute_exists(pk)")
                    // Placeholders for every name: TIMEZONE is one of DynamoDB's reserved words.
                    .expressionAttributeNames(Map.of("#name", "name", "#currency", "currency",
                            "#timezone", "timezone", "#locale", "locale", "#active", "active", "#updatedAt", "updatedAt"))
                    .expressionAttributeValues(Map.of(
                            ":name", AttributeValue.fromS(store.name()),
                            ":currency", AttributeValue.fromS(store.currency().getCurrencyCode()),
                            ":timezone", AttributeValue.fromS(store.timezone().getId()),
                            ":locale", AttributeValue.fromS(store.locale().toLanguageTag()),
                            ":active", AttributeValue.fromBool(store.active()),
                            ":updatedAt", AttributeValue.fromS(store.updatedAt().toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean replacePublishableKeyHash(StoreCode code, byte[] publishableKeyHash, Instant now) {
        if (find(code).isEmpty()) {
            return false;
        }
        dynamoDb.updateItem(b -> b.tableName(table).key(StoreKeys.publishableKey(code))
                .updateExpression("SET " + PUBLISHABLE_KEY_HASH + " = :hash, updatedAt = :now")
                .expressionAttributeValues(Map.of(
                        ":hash", AttributeValue.fromB(SdkBytes.fromByteArray(publishableKeyHash)),
                        ":now", AttributeValue.fromS(now.toString()))));
        return true;
    }

    @Override
    public boolean replaceApiKeyHash(StoreCode code, byte[] apiKeyHash, Instant now) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(StoreKeys.store(code))
                    .updateExpression("SET apiKeyHash = :hash, updatedAt = :now")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(
                            ":hash", AttributeValue.fromB(SdkBytes.fromByteArray(apiKeyHash)),
                            ":now", AttributeValue.fromS(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}

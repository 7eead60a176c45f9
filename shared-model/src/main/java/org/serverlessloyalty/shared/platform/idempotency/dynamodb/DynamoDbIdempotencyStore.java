package org.serverlessloyalty.shared.platform.idempotency.dynamodb;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyStore;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.plan.Contention;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/** Idempotency records in the one table: a consistent GetItem to read, a conditional PutItem to record alone. */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbIdempotencyStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyScope scope, IdempotencyKey key, Instant now) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(IdempotencyItems.key(scope, key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = IdempotencyItems.record(scope, item);
        // DynamoDB's TTL deletes late (up to days): an expired record is a free key, whatever is still stored.
        return record.isExpiredAt(now) ? Optional.empty() : Optional.of(record);
    }

    @Override
    public boolean recordAlone(IdempotencyRecord record, Instant now) {
        return Contention.retry("record an idempotent answer", () -> {
            try {
                dynamoDb.putItem(b -> b.tableName(table).item(IdempotencyItems.item(record))
                        .conditionExpression(IdempotencyItems.FREE_CONDITION)
                        .expressionAttributeNames(Map.of("#expiresAt", TableKeys.TTL))
                        .expressionAttributeValues(Map.of(":now",
                                AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
                return Optional.of(true);
            } catch (ConditionalCheckFailedException taken) {
                return Optional.of(false);
            } catch (TransactionConflictException busy) {
                // The key's record is held by a concurrent transaction (that duplicate is committing): look again.
                return Optional.empty();
            }
        });
    }
}

package org.serverlessloyalty.shared.points.dynamodb;

import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.CANCELED_AT;
import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.USABLE_FROM;
import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.USABLE_UNTIL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.points.model.ListedState;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.StoredTransfer;
import org.serverlessloyalty.shared.points.port.DueTransfers;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The tidy-up's reads and writes (docs/dynamodb-design.md, "Points"): a Query of the sparse due keys on gsi2, and one
 * UpdateItem per transfer whose condition is everything its decision was made on, so a transfer cancelled, activated
 * or expired by hand since it was read keeps what that action wrote. The update sets only {@code state} and the due
 * keys: a balance, a status and a spend's conditions read none of them.
 */
public final class DynamoDbDueTransfers implements DueTransfers {

    /** Due transfers per page: each is one small UpdateItem, so a page stays well inside a run's time. */
    static final int PAGE = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbDueTransfers(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void due(StoreCode store, Instant now, Consumer<List<StoredTransfer>> page) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            // Reads the index (eventually consistent): an entry that lags is caught by the write's condition.
            QueryResponse response = dynamoDb.query(b -> b.tableName(table).indexName(TableKeys.GSI2)
                    .keyConditionExpression("gsi2pk = :pk AND gsi2sk <= :upTo")
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(ListedStateAttributes.duePartition(store)),
                            ":upTo", AttributeValue.fromS(ListedStateAttributes.dueUpTo(now))))
                    .limit(PAGE)
                    .exclusiveStartKey(from));
            List<StoredTransfer> transfers = new ArrayList<>();
            for (Map<String, AttributeValue> item : response.items()) {
                PointsTransfer transfer = PointsTransferMapper.transfer(store, item);
                transfers.add(new StoredTransfer(transfer, ListedStateAttributes.read(item, transfer)));
            }
            if (!transfers.isEmpty()) {
                page.accept(transfers);
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
    }

    @Override
    public boolean tidy(StoredTransfer seen, ListedState tidied) {
        PointsTransfer t = seen.transfer();
        Map<String, String> names = new HashMap<>(Map.of("#state", ListedStateAttributes.STATE,
                "#canceled", CANCELED_AT, "#from", USABLE_FROM, "#until", USABLE_UNTIL));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":state", AttributeValue.fromS(tidied.state().openLoyaltyName()));
        values.put(":seenState", AttributeValue.fromS(seen.listed().state().openLoyaltyName()));
        values.put(":seenFrom", millis(t.usableFrom()));
        StringBuilder condition = new StringBuilder("attribute_exists(pk) AND attribute_not_exists(#canceled)"
                + " AND #state = :seenState AND #from = :seenFrom");
        if (t.usableUntil() == null) {
            condition.append(" AND attribute_not_exists(#until)");
        } else {
            condition.append(" AND #until = :seenUntil");
            values.put(":seenUntil", millis(t.usableUntil()));
        }
        if (seen.listed().nextChange() == null) {
            condition.append(" AND attribute_not_exists(gsi2sk)");
        } else {
            condition.append(" AND gsi2sk = :seenDue");
            values.put(":seenDue", AttributeValue.fromS(ListedStateAttributes.dueSk(seen.listed().nextChange(), t.id())));
        }
        String update;
        if (tidied.nextChange() == null) {
            update = "SET #state = :state REMOVE gsi2pk, gsi2sk";
        } else {
            update = "SET #state = :state, gsi2pk = :duePk, gsi2sk = :due";
            values.put(":duePk", AttributeValue.fromS(ListedStateAttributes.duePartition(t.store())));
            values.put(":due", AttributeValue.fromS(ListedStateAttributes.dueSk(tidied.nextChange(), t.id())));
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(PointsKeys.transfer(t.store(), t.memberId(), t.type(), t.id()))
                    .updateExpression(update)
                    .conditionExpression(condition.toString())
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException | TransactionConflictException e) {
            // Changed since it was read, or a transaction holds it right now: the next run meets it again if due.
            return false;
        }
    }

    private static AttributeValue millis(Instant at) {
        return AttributeValue.fromN(Long.toString(at.toEpochMilli()));
    }
}

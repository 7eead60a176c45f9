package org.serverlessloyalty.shared.segment.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.instant;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.platform.dynamodb.PartitionQuery;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.segment.model.Segment;
import org.serverlessloyalty.shared.segment.port.SegmentRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Segments and their members on the single table ({@link SegmentKeys}). */
public final class DynamoDbSegmentRepository implements SegmentRepository {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSegmentRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean create(StoreCode store, Segment segment) {
        return put(store, segment, "attribute_not_exists(#pk)");
    }

    @Override
    public boolean replace(StoreCode store, Segment segment) {
        return put(store, segment, "attribute_exists(#pk)");
    }

    private boolean put(StoreCode store, Segment segment, String condition) {
        Map<String, AttributeValue> item = new HashMap<>(SegmentKeys.segment(store, segment.id()));
        item.put("type", AttributeValue.fromS("SEGMENT"));
        putString(item, "id", segment.id());
        putString(item, "name", segment.name());
        putString(item, "description", segment.description());
        item.put("active", AttributeValue.fromBool(segment.active()));
        putString(item, "createdAt", segment.createdAt().toString());
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Segment> find(StoreCode store, String segmentId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(SegmentKeys.segment(store, segmentId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Segment> all(StoreCode store) {
        return PartitionQuery.items(dynamoDb, table, SegmentKeys.segmentsPartition(store), SegmentKeys.SEGMENT_PREFIX)
                .stream().map(DynamoDbSegmentRepository::fromItem).toList();
    }

    /** Both sides in one transaction, while the segment exists: a member is never half in a segment. */
    @Override
    public boolean add(StoreCode store, String segmentId, String memberId) {
        Map<String, AttributeValue> member = new HashMap<>(SegmentKeys.membership(store, segmentId, memberId));
        member.put("type", AttributeValue.fromS("SEGMENT_MEMBER"));
        putString(member, "memberId", memberId);
        Map<String, AttributeValue> side = new HashMap<>(SegmentKeys.memberSide(store, segmentId, memberId));
        side.put("type", AttributeValue.fromS("MEMBER_SEGMENT"));
        putString(side, "segmentId", segmentId);
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                            .key(SegmentKeys.segment(store, segmentId)).conditionExpression("attribute_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", TableKeys.PK)).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(member).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(side).build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void remove(StoreCode store, String segmentId, String memberId) {
        dynamoDb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(SegmentKeys.membership(store, segmentId, memberId)).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(SegmentKeys.memberSide(store, segmentId, memberId)).build()).build()));
    }

    @Override
    public List<String> members(StoreCode store, String segmentId, int offset, int limit) {
        return PartitionQuery.sortKeySuffixes(dynamoDb, table, SegmentKeys.membersPartition(store, segmentId),
                SegmentKeys.MEMBER_PREFIX, offset, limit);
    }

    @Override
    public long countMembers(StoreCode store, String segmentId) {
        return PartitionQuery.count(dynamoDb, table, SegmentKeys.membersPartition(store, segmentId),
                SegmentKeys.MEMBER_PREFIX);
    }

    @Override
    public Set<String> segmentsOf(StoreCode store, String memberId) {
        Set<String> out = new LinkedHashSet<>();
        PartitionQuery.items(dynamoDb, table, SegmentKeys.audiencePartition(store, memberId), SegmentKeys.SEGMENT_PREFIX)
                .forEach(item -> out.add(string(item, "segmentId")));
        return out;
    }

    private static Segment fromItem(Map<String, AttributeValue> item) {
        return new Segment(string(item, "id"), string(item, "name"), string(item, "description"), bool(item, "active"),
                instant(item, "createdAt"));
    }
}

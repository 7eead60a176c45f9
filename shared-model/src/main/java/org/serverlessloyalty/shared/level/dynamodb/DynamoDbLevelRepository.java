package org.serverlessloyalty.shared.level.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.date;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.decimal;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.instant;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.longValue;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putNumber;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.model.LevelReward;
import org.serverlessloyalty.shared.level.model.MemberLevel;
import org.serverlessloyalty.shared.level.model.SpecialReward;
import org.serverlessloyalty.shared.level.port.LevelRepository;
import org.serverlessloyalty.shared.platform.dynamodb.PartitionQuery;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Levels, members' level states and each level's members on the single table ({@link LevelKeys}). */
public final class DynamoDbLevelRepository implements LevelRepository {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbLevelRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean create(StoreCode store, Level level) {
        return put(store, level, "attribute_not_exists(#pk)");
    }

    @Override
    public boolean replace(StoreCode store, Level level) {
        return put(store, level, "attribute_exists(#pk)");
    }

    private boolean put(StoreCode store, Level level, String condition) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(toItem(store, level)).conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Level> find(StoreCode store, String levelId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(LevelKeys.level(store, levelId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Level> all(StoreCode store) {
        return PartitionQuery.items(dynamoDb, table, LevelKeys.levelsPartition(store), LevelKeys.LEVEL_PREFIX).stream()
                .map(DynamoDbLevelRepository::fromItem).toList();
    }

    @Override
    public MemberLevel state(StoreCode store, String memberId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(LevelKeys.state(store, memberId)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return MemberLevel.none(memberId);
        }
        return new MemberLevel(memberId, string(item, "levelId"), string(item, "manualLevelId"),
                instant(item, "changedAt"), decimal(item, "earnedAtChange"), longValue(item, "version"));
    }

    @Override
    public PlanResult<MemberLevel> save(StoreCode store, MemberLevel previous, MemberLevel next) {
        Map<String, AttributeValue> state = new HashMap<>(LevelKeys.state(store, next.memberId()));
        state.put("type", AttributeValue.fromS("MEMBER_LEVEL"));
        putString(state, "memberId", next.memberId());
        putString(state, "levelId", next.levelId());
        putString(state, "manualLevelId", next.manualLevelId());
        putString(state, "changedAt", next.changedAt() == null ? null : next.changedAt().toString());
        putNumber(state, "earnedAtChange", next.earnedAtChange());
        putNumber(state, "version", next.version());
        if (next.levelId() != null && next.changedAt() != null) {
            putString(state, TableKeys.GSI2_PK, LevelKeys.clockPartition(store));
            putString(state, TableKeys.GSI2_SK, LevelKeys.clockSortKey(next.changedAt(), next.memberId()));
        }
        Put.Builder put = Put.builder().tableName(table).item(state);
        if (previous.version() == 0) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", TableKeys.PK));
        } else {
            put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(previous.version()))));
        }
        List<Transactions.Write<MemberLevel>> writes = new ArrayList<>();
        writes.add(new Transactions.Write<>(TransactWriteItem.builder().put(put.build()).build(), next));
        if (!Objects.equals(previous.levelId(), next.levelId())) {
            if (previous.levelId() != null) {
                writes.add(new Transactions.Write<>(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(LevelKeys.membership(store, previous.levelId(), next.memberId())).build()).build(), null));
            }
            if (next.levelId() != null) {
                Map<String, AttributeValue> member = new HashMap<>(
                        LevelKeys.membership(store, next.levelId(), next.memberId()));
                member.put("type", AttributeValue.fromS("LEVEL_MEMBER"));
                putString(member, "memberId", next.memberId());
                writes.add(new Transactions.Write<>(TransactWriteItem.builder()
                        .put(Put.builder().tableName(table).item(member).build()).build(), null));
            }
        }
        return Transactions.execute(dynamoDb, writes);
    }

    @Override
    public List<String> members(StoreCode store, String levelId, int offset, int limit) {
        return PartitionQuery.sortKeySuffixes(dynamoDb, table, LevelKeys.membersPartition(store, levelId),
                LevelKeys.MEMBER_PREFIX, offset, limit);
    }

    @Override
    public List<String> clockedBefore(StoreCode store, java.time.Instant cutoff, int limit) {
        List<String> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamoDb.query(b -> b.tableName(table).indexName(TableKeys.GSI2)
                    .keyConditionExpression("#pk = :pk AND #sk < :cutoff")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.GSI2_PK, "#sk", TableKeys.GSI2_SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(LevelKeys.clockPartition(store)),
                            ":cutoff", AttributeValue.fromS(LevelKeys.SORTABLE.format(cutoff))))
                    .limit(Math.min(limit, 1000)).exclusiveStartKey(from));
            for (var item : page.items()) {
                if (out.size() < limit) {
                    out.add(string(item, "memberId"));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() && out.size() < limit
                    ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public long countMembers(StoreCode store, String levelId) {
        return PartitionQuery.count(dynamoDb, table, LevelKeys.membersPartition(store, levelId),
                LevelKeys.MEMBER_PREFIX);
    }

    static Map<String, AttributeValue> toItem(StoreCode store, Level level) {
        Map<String, AttributeValue> item = new HashMap<>(LevelKeys.level(store, level.id()));
        item.put("type", AttributeValue.fromS("LEVEL"));
        putString(item, "id", level.id());
        putString(item, "name", level.name());
        putString(item, "description", level.description());
        item.put("active", AttributeValue.fromBool(level.active()));
        putNumber(item, "conditionValue", level.conditionValue());
        putNumber(item, "minOrder", level.minOrder());
        putString(item, "rewardName", level.reward().name());
        putNumber(item, "rewardValue", level.reward().value());
        putString(item, "rewardCode", level.reward().code());
        List<AttributeValue> specials = new ArrayList<>();
        for (SpecialReward special : level.specialRewards()) {
            Map<String, AttributeValue> s = new HashMap<>();
            putString(s, "name", special.name());
            putNumber(s, "value", special.value());
            putString(s, "code", special.code());
            s.put("active", AttributeValue.fromBool(special.active()));
            putString(s, "startAt", special.startAt() == null ? null : special.startAt().toString());
            putString(s, "endAt", special.endAt() == null ? null : special.endAt().toString());
            specials.add(AttributeValue.fromM(s));
        }
        item.put("specialRewards", AttributeValue.fromL(specials));
        putString(item, "createdAt", level.createdAt().toString());
        return item;
    }

    static Level fromItem(Map<String, AttributeValue> item) {
        List<SpecialReward> specials = new ArrayList<>();
        AttributeValue list = item.get("specialRewards");
        if (list != null && list.hasL()) {
            for (AttributeValue value : list.l()) {
                Map<String, AttributeValue> s = value.m();
                specials.add(new SpecialReward(string(s, "name"), decimal(s, "value"), string(s, "code"),
                        bool(s, "active"), date(s, "startAt"), date(s, "endAt")));
            }
        }
        return new Level(string(item, "id"), string(item, "name"), string(item, "description"), bool(item, "active"),
                decimal(item, "conditionValue"), decimal(item, "minOrder"),
                new LevelReward(string(item, "rewardName"), decimal(item, "rewardValue"), string(item, "rewardCode")),
                specials, instant(item, "createdAt"));
    }
}

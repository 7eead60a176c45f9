package org.serverlessloyalty.shared.points.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.integer;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putNumber;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.port.PointsSettingsRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A store's points settings: one item, {@code pk={store}#POINTS, sk=SETTINGS}, replaced whole on each save. */
public final class DynamoDbPointsSettings implements PointsSettingsRepository {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPointsSettings(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<PointsSettings> find(StoreCode store) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(MemberKeys.settings(store)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PointsSettings(
                ExpiryMode.fromOpenLoyaltyName(string(item, "expiryMode")),
                integer(item, "expiryDays"),
                integer(item, "lockDays"),
                strings(item, "earningStatuses"),
                strings(item, "spendingStatuses"),
                bool(item, "refuseCancelWhenSpent")));
    }

    @Override
    public void save(StoreCode store, PointsSettings settings, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(MemberKeys.settings(store));
        item.put("type", AttributeValue.fromS("POINTS_SETTINGS"));
        putString(item, "expiryMode", settings.expiryMode().openLoyaltyName());
        putNumber(item, "expiryDays", settings.expiryDays());
        putNumber(item, "lockDays", settings.lockDays());
        item.put("earningStatuses", list(settings.earningStatuses()));
        item.put("spendingStatuses", list(settings.spendingStatuses()));
        item.put("refuseCancelWhenSpent", AttributeValue.fromBool(settings.refuseCancelWhenSpent()));
        putString(item, "updatedAt", now.toString());
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    /** A list, not a string set: an empty set of statuses (nobody earns) is a value DynamoDB sets cannot hold. */
    private static AttributeValue list(Set<String> values) {
        return AttributeValue.fromL(values.stream().sorted().map(AttributeValue::fromS).toList());
    }

    private static Set<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        Set<String> out = new LinkedHashSet<>();
        if (value != null && value.hasL()) {
            value.l().forEach(v -> out.add(v.s()));
        }
        return out;
    }
}

package org.serverlessloyalty.shared.level.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.integer;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putNumber;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.strings;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.level.model.DowngradeBase;
import org.serverlessloyalty.shared.level.model.DowngradeMode;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.level.model.TierAssignType;
import org.serverlessloyalty.shared.level.port.LevelSettingsRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A store's level settings: one item, {@code pk={store}#LEVELS, sk=SETTINGS}, replaced whole on each save. */
public final class DynamoDbLevelSettings implements LevelSettingsRepository {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbLevelSettings(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<LevelSettings> find(StoreCode store) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(LevelKeys.settings(store)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LevelSettings(
                TierAssignType.fromOpenLoyaltyName(string(item, "tierAssignType")),
                DowngradeMode.fromOpenLoyaltyName(string(item, "levelDowngradeMode")),
                integer(item, "levelDowngradeDays"),
                DowngradeBase.fromOpenLoyaltyName(string(item, "levelDowngradeBase")),
                new LinkedHashSet<>(strings(item, "excludedLevelSKUs")),
                new LinkedHashSet<>(strings(item, "excludedLevelCategories")),
                bool(item, "excludeDeliveryCostsFromTierAssignment")));
    }

    @Override
    public void save(StoreCode store, LevelSettings settings, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(LevelKeys.settings(store));
        item.put("type", AttributeValue.fromS("LEVEL_SETTINGS"));
        putString(item, "tierAssignType", settings.tierAssignType().openLoyaltyName());
        putString(item, "levelDowngradeMode", settings.downgradeMode().openLoyaltyName());
        putNumber(item, "levelDowngradeDays", settings.downgradeDays());
        putString(item, "levelDowngradeBase", settings.downgradeBase().openLoyaltyName());
        item.put("excludedLevelSKUs", list(settings.excludedSkus()));
        item.put("excludedLevelCategories", list(settings.excludedCategories()));
        item.put("excludeDeliveryCostsFromTierAssignment", AttributeValue.fromBool(settings.excludeDeliveryCosts()));
        putString(item, "updatedAt", now.toString());
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    /** A list, not a string set: DynamoDB sets cannot be empty. */
    private static AttributeValue list(Set<String> values) {
        return AttributeValue.fromL(values.stream().sorted().map(AttributeValue::fromS).toList());
    }
}

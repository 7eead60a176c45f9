package org.serverlessloyalty.shared.transaction.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.platform.dynamodb.Attributes;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.OrderPointsSource;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;
import org.serverlessloyalty.shared.transaction.port.TransactionSettingsRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A store's transaction settings: one item, {@code {store}#TX_SETTINGS / SETTINGS}, replaced whole on each save. */
public final class DynamoDbTransactionSettings implements TransactionSettingsRepository {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbTransactionSettings(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<TransactionSettings> find(StoreCode store) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(TransactionKeys.settings(store))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        List<ClaimKind> priority = new ArrayList<>();
        Attributes.strings(item, "identificationPriority").forEach(k -> priority.add(ClaimKind.valueOf(k)));
        return Optional.of(new TransactionSettings(priority, Attributes.bool(item, "returns"),
                Set.copyOf(Attributes.strings(item, "excludedDeliverySkus")),
                OrderPointsSource.valueOf(Attributes.string(item, "orderPointsSource")),
                Attributes.bool(item, "enrollShoppers"), Attributes.bool(item, "beaconEarns")));
    }

    @Override
    public void save(StoreCode store, TransactionSettings s, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(TransactionKeys.settings(store));
        item.put("type", AttributeValue.fromS("TRANSACTION_SETTINGS"));
        Attributes.putStrings(item, "identificationPriority",
                s.identificationPriority().stream().map(Enum::name).toList());
        item.put("returns", AttributeValue.fromBool(s.returns()));
        Attributes.putStrings(item, "excludedDeliverySkus", s.excludedDeliverySkus().stream().sorted().toList());
        item.put("orderPointsSource", AttributeValue.fromS(s.orderPointsSource().name()));
        item.put("enrollShoppers", AttributeValue.fromBool(s.enrollShoppers()));
        item.put("beaconEarns", AttributeValue.fromBool(s.beaconEarns()));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }
}

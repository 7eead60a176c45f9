package org.serverlessloyalty.shared.store.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.CallCounter;
import org.serverlessloyalty.shared.testing.LocalTable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/** The publishable-key adapter against the in-process DynamoDB. */
class DynamoDbPublishableKeysIT {

    private static final StoreCode SHOP = new StoreCode("shop");
    private static LocalTable table;

    @BeforeAll
    static void createTable() {
        table = LocalTable.create();
    }

    private static void store(StoreCode store, String key) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbPublishableKeys.itemKey(store));
        item.put("keyHash", AttributeValue.fromB(SdkBytes.fromByteArray(ApiKey.hash(key))));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
    }

    @Test
    void matchesTheStoredKeyOnlyForItsStore() {
        store(new StoreCode("alpha"), "pk_alpha_first");
        var keys = new DynamoDbPublishableKeys(table.client(), table.name(), Duration.ZERO, new MutableClock(Instant.EPOCH));

        assertThat(keys.matches(new StoreCode("alpha"), "pk_alpha_first")).isTrue();
        assertThat(keys.matches(new StoreCode("alpha"), "pk_alpha_other")).isFalse();
        assertThat(keys.matches(new StoreCode("beta"), "pk_alpha_first")).isFalse();
        assertThat(keys.matches(new StoreCode("alpha"), null)).isFalse();
    }

    @Test
    void theItemIsTheStoresPartitionWithSortKeyPublishableKey() {
        store(SHOP, "pk_shop_k");
        var item = table.client().getItem(b -> b.tableName(table.name()).key(Map.of(
                "pk", AttributeValue.fromS("shop#STORE"), "sk", AttributeValue.fromS("PUBLISHABLE_KEY")))).item();
        assertThat(item.get("keyHash").b().asByteArray()).isEqualTo(ApiKey.hash("pk_shop_k"));
    }

    @Test
    void aReplacedKeyIsAcceptedAtOnceAndTheOldOneOnlyUntilTheNewHashIsRead() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-15T10:00:00Z"));
        var keys = new DynamoDbPublishableKeys(table.client(), table.name(), Duration.ofSeconds(30), clock);
        StoreCode store = new StoreCode("rotating");
        store(store, "pk_rotating_old");
        assertThat(keys.matches(store, "pk_rotating_old")).isTrue();
        clock.advance(Duration.ofSeconds(5));

        store(store, "pk_rotating_new");
        assertThat(keys.matches(store, "pk_rotating_old")).as("old key, cached hash").isTrue();
        assertThat(keys.matches(store, "pk_rotating_new")).as("new key, on a warm cache").isTrue();
        assertThat(keys.matches(store, "pk_rotating_old")).as("old key once the new hash is read").isFalse();
    }

    @Test
    void theOldKeyIsRefusedOnceTheCacheExpiresEvenIfTheNewOneIsNeverUsed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-15T10:00:00Z"));
        var keys = new DynamoDbPublishableKeys(table.client(), table.name(), Duration.ofSeconds(30), clock);
        StoreCode store = new StoreCode("rotating-quietly");
        store(store, "pk_rotating-quietly_old");
        assertThat(keys.matches(store, "pk_rotating-quietly_old")).isTrue();
        store(store, "pk_rotating-quietly_new");

        clock.advance(Duration.ofSeconds(30));
        assertThat(keys.matches(store, "pk_rotating-quietly_old")).isFalse();
    }

    @Test
    void aFloodOfWrongKeysReadsTheKeyItemAtMostOncePerSecond() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-15T10:00:00Z"));
        CallCounter calls = new CallCounter();
        var keys = new DynamoDbPublishableKeys(table.countedClient(calls), table.name(), Duration.ofSeconds(30), clock);
        StoreCode store = new StoreCode("flooded");
        store(store, "pk_flooded_real");
        assertThat(keys.matches(store, "pk_flooded_real")).isTrue();

        for (int i = 0; i < 500; i++) {
            clock.advance(Duration.ofMillis(10)); // 500 wrong keys over 5 s
            assertThat(keys.matches(store, "pk_flooded_guess" + i)).isFalse();
        }

        assertThat(calls.count("GetItem")).as("the first read, then one per second").isEqualTo(6);
        assertThat(keys.matches(store, "pk_flooded_real")).isTrue();
    }

    @Test
    void aStoreWithoutPublishableKeyMatchesNothing() {
        var keys = new DynamoDbPublishableKeys(table.client(), table.name(), Duration.ZERO, new MutableClock(Instant.EPOCH));
        assertThat(keys.matches(new StoreCode("nokey"), "pk_nokey_anything")).isFalse();
    }
}

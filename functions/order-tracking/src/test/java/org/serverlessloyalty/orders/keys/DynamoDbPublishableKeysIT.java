package org.serverlessloyalty.orders.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.model.ApiKey;
import org.serverlessloyalty.shared.model.StoreCode;
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
    void aReplacedKeyIsRefusedOnceTheCacheExpires() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-15T10:00:00Z"));
        var keys = new DynamoDbPublishableKeys(table.client(), table.name(), Duration.ofSeconds(30), clock);
        StoreCode store = new StoreCode("rotating");
        store(store, "pk_rotating_old");
        assertThat(keys.matches(store, "pk_rotating_old")).isTrue();

        store(store, "pk_rotating_new");
        assertThat(keys.matches(store, "pk_rotating_old")).as("cached").isTrue();
        assertThat(keys.matches(store, "pk_rotating_new")).as("cached").isFalse();

        clock.advance(Duration.ofSeconds(31));
        assertThat(keys.matches(store, "pk_rotating_old")).isFalse();
        assertThat(keys.matches(store, "pk_rotating_new")).isTrue();
    }

    @Test
    void aStoreWithoutPublishableKeyMatchesNothing() {
        var keys = new DynamoDbPublishableKeys(table.client(), table.name(), Duration.ZERO, new MutableClock(Instant.EPOCH));
        assertThat(keys.matches(new StoreCode("nokey"), "pk_nokey_anything")).isFalse();
    }
}

package org.serverlessloyalty.shared.store.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.cache.TtlCache;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.port.PublishableKeys;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Publishable keys in the single table: the item {@code pk={store}#STORE, sk=PUBLISHABLE_KEY} holds
 * {@code keyHash}, the SHA-256 of the whole key (binary). One GetItem per store, cached for
 * {@code cacheTtl} like the store settings, so a busy checkout page costs memory reads. As for the store
 * key ({@link StoreAccess}), a key the cached hash refuses is checked against the item read again, at most
 * once per {@link StoreAccess#RECHECK_INTERVAL} per store: a rotated key works at once, a flood of wrong keys
 * reads the item once a second, and the old key is refused once the new hash is read (at most {@code cacheTtl}).
 */
public final class DynamoDbPublishableKeys implements PublishableKeys {

    static final String KEY_HASH = "keyHash";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final TtlCache<StoreCode, byte[]> hashes;

    public DynamoDbPublishableKeys(DynamoDbClient dynamoDb, String table, Duration cacheTtl, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.hashes = new TtlCache<>(cacheTtl, clock);
    }

    /** The key of a store's publishable key item. */
    public static Map<String, AttributeValue> itemKey(StoreCode store) {
        return StoreKeys.publishableKey(store);
    }

    @Override
    public boolean matches(StoreCode store, String presentedKey) {
        if (presentedKey == null) {
            return false;
        }
        if (hashes.get(store, this::load).map(hash -> ApiKey.matches(presentedKey, hash)).orElse(false)) {
            return true;
        }
        return hashes.refresh(store, this::load, StoreAccess.RECHECK_INTERVAL)
                .map(hash -> ApiKey.matches(presentedKey, hash)).orElse(false);
    }

    private Optional<byte[]> load(StoreCode store) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(itemKey(store)).consistentRead(true)
                .projectionExpression(KEY_HASH)).item();
        AttributeValue hash = item == null ? null : item.get(KEY_HASH);
        return hash == null || hash.b() == null ? Optional.empty() : Optional.of(hash.b().asByteArray());
    }
}

package org.serverlessloyalty.shared.store.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.TableKeys.key;

import java.util.Map;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Where a store's items live: its settings and its publishable key, in the store's own partition. */
public final class StoreKeys {

    static final String STORE_SK = "STORE";
    static final String STORES_GSI1_PK = "STORES";
    static final String PUBLISHABLE_KEY_SK = "PUBLISHABLE_KEY";

    private StoreKeys() {
    }

    public static Map<String, AttributeValue> store(StoreCode store) {
        return key(partition(store), STORE_SK);
    }

    /** The hash of the store's publishable key: its own item, read only by the beacon route. */
    public static Map<String, AttributeValue> publishableKey(StoreCode store) {
        return key(partition(store), PUBLISHABLE_KEY_SK);
    }

    static String partition(StoreCode store) {
        return store.value() + "#STORE";
    }
}

package org.serverlessloyalty.shared.store.dynamodb;

import java.util.Map;
import org.serverlessloyalty.shared.model.CodeValue;
import org.serverlessloyalty.shared.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single table's key scheme (docs/dynamodb-design.md). Every partition key begins with the
 * store; the one deployment-wide exception is the store list on GSI1.
 */
public final class TableKeys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String GSI2 = "gsi2";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";
    /** Epoch seconds after which DynamoDB's TTL may delete the item. */
    public static final String TTL = "expiresAt";

    static final String STORE_SK = "STORE";
    static final String STORES_GSI1_PK = "STORES";
    static final String PUBLISHABLE_KEY_SK = "PUBLISHABLE_KEY";
    static final String CODE_SK = "CODE";
    static final String CUSTOMER_SK_PREFIX = "CUSTOMER#";
    static final String BATCH_SK = "BATCH";
    static final String CHUNK_SK_PREFIX = "CHUNK#";
    static final String ORDER_SK = "ORDER";
    static final String BEACON_SK = "BEACON";
    static final String REDEMPTION_SK_PREFIX = "REDEMPTION#";

    private TableKeys() {
    }

    public static Map<String, AttributeValue> store(StoreCode store) {
        return key(store.value() + "#STORE", STORE_SK);
    }

    /** The hash of the store's publishable key: its own item, read only by the beacon route. */
    public static Map<String, AttributeValue> publishableKey(StoreCode store) {
        return key(store.value() + "#STORE", PUBLISHABLE_KEY_SK);
    }

    public static Map<String, AttributeValue> code(StoreCode store, CodeValue code) {
        return key(codePartition(store, code), CODE_SK);
    }

    /** How often one customer used one code: same partition as the code, so both read together. */
    public static Map<String, AttributeValue> customerUses(StoreCode store, CodeValue code, String customerGuid) {
        return key(codePartition(store, code), CUSTOMER_SK_PREFIX + customerGuid);
    }

    /** A creation request's record: its status is the commit point of all its codes. */
    public static Map<String, AttributeValue> batch(StoreCode store, String batchId) {
        return key(batchPartition(store, batchId), BATCH_SK);
    }

    /** The codes one chunk write of a batch put in the table, in the batch's partition (read back in order). */
    public static Map<String, AttributeValue> batchChunk(StoreCode store, String batchId, int index) {
        return key(batchPartition(store, batchId), chunkSk(index));
    }

    static String chunkSk(int index) {
        return CHUNK_SK_PREFIX + String.format("%06d", index);
    }

    static String batchPartition(StoreCode store, String batchId) {
        return store.value() + "#BATCH#" + batchId;
    }

    /** gsi1: every code of a store, in code order (listing, prefix filter as a key condition). */
    static String storeCodesPartition(StoreCode store) {
        return store.value() + "#CODES";
    }

    /** gsi2: the codes of one campaign of a store, in code order; only codes with a campaignId are there. */
    static String campaignCodesPartition(StoreCode store, String campaignId) {
        return store.value() + "#CAMPAIGN#" + campaignId + "#CODES";
    }

    public static Map<String, AttributeValue> order(StoreCode store, String orderId) {
        return key(orderPartition(store, orderId), ORDER_SK);
    }

    /**
     * The browser beacon's report of an order id: its own item beside the order, so a report sent with
     * the public publishable key can never take the place of the storefront's own.
     */
    public static Map<String, AttributeValue> beaconReport(StoreCode store, String orderId) {
        return key(orderPartition(store, orderId), BEACON_SK);
    }

    /** One code's outcome in one order: in the order's partition, so the order reads back in one Query. */
    public static Map<String, AttributeValue> redemption(StoreCode store, String orderId, CodeValue code) {
        return key(orderPartition(store, orderId), REDEMPTION_SK_PREFIX + code.value());
    }

    static String orderPartition(StoreCode store, String orderId) {
        return store.value() + "#ORDER#" + orderId;
    }

    static String codePartition(StoreCode store, CodeValue code) {
        return store.value() + "#CODE#" + code.value();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}

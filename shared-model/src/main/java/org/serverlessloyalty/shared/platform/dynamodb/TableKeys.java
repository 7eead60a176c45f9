package org.serverlessloyalty.shared.platform.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single table's attribute names (docs/dynamodb-design.md). Each domain builds its own keys in its
 * {@code dynamodb} package ({@code StoreKeys}, {@code GiftCodeKeys}, {@code OrderKeys}, ...), and every
 * partition key begins with the store; the one deployment-wide exception is the store list on gsi1.
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

    private TableKeys() {
    }

    /** The primary key of one item. */
    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}

package org.serverlessloyalty.shared.platform.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * BatchGetItem until DynamoDB has answered every key: it may leave keys unprocessed under load, and a caller that
 * forgot them would see items silently missing. Consistent reads, as every limit check after a write needs.
 */
public final class BatchReads {

    /** DynamoDB's limit on keys in one BatchGetItem. */
    public static final int MAX_KEYS = 100;
    private static final int MAX_ATTEMPTS = 8;

    private BatchReads() {
    }

    /**
     * The items of {@code keys} (at most {@link #MAX_KEYS}) that exist, in no particular order.
     *
     * @param projection the attributes wanted; none means the whole items
     */
    public static List<Map<String, AttributeValue>> get(DynamoDbClient dynamoDb, String table,
                                                        List<Map<String, AttributeValue>> keys, String... projection) {
        KeysAndAttributes.Builder wanted = KeysAndAttributes.builder().keys(keys).consistentRead(true);
        if (projection.length > 0) {
            Map<String, String> names = new HashMap<>();
            List<String> placeholders = new ArrayList<>();
            for (int i = 0; i < projection.length; i++) {
                names.put("#p" + i, projection[i]);
                placeholders.add("#p" + i);
            }
            wanted.projectionExpression(String.join(",", placeholders)).expressionAttributeNames(names);
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = new HashMap<>();
        request.put(table, wanted.build());
        int attempts = 0;
        while (!request.isEmpty()) {
            var response = dynamoDb.batchGetItem(b -> b.requestItems(request));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            request.clear();
            if (response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty()) {
                if (++attempts > MAX_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB left keys unprocessed after " + MAX_ATTEMPTS + " attempts");
                }
                backOff(attempts);
                request.putAll(response.unprocessedKeys());
            }
        }
        return items;
    }

    /** The pause before retry {@code attempt} (1, 2, …) of a batch call: 20 ms doubling, at most 200 ms. */
    public static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(200L, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }
}

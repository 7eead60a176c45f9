package org.serverlessloyalty.shared.platform.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Queries over one partition's sort-key prefix (a level's or a segment's members, a store's levels): every page read,
 * so a result is never cut at DynamoDB's 1 MB page.
 */
public final class PartitionQuery {

    private PartitionQuery() {
    }

    /** Every item under {@code pk} whose sort key starts with {@code prefix}, strongly consistent, in key order. */
    public static List<Map<String, AttributeValue>> items(DynamoDbClient dynamoDb, String table, String pk,
                                                          String prefix) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        run(dynamoDb, request(table, pk, prefix).consistentRead(true).build(), page -> out.addAll(page.items()));
        return out;
    }

    /**
     * Every item of one partition of an index ({@code gsi1pk = pk} on gsi1, say), in the index's key order: the index
     * is eventually consistent, so an item written a moment ago may be missing.
     */
    public static List<Map<String, AttributeValue>> indexItems(DynamoDbClient dynamoDb, String table, String index,
                                                               String pkAttribute, String pk) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        run(dynamoDb, QueryRequest.builder().tableName(table).indexName(index).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", pkAttribute))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).build(),
                page -> out.addAll(page.items()));
        return out;
    }

    /**
     * The sort keys under {@code pk} starting with {@code prefix}, with the prefix removed, in key order: at most
     * {@code limit} after skipping {@code offset} (Open Loyalty's page and perPage over a partition of small keys).
     */
    public static List<String> sortKeySuffixes(DynamoDbClient dynamoDb, String table, String pk, String prefix,
                                               int offset, int limit) {
        List<String> out = new ArrayList<>();
        QueryRequest request = request(table, pk, prefix).projectionExpression("#sk")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK)).build();
        int[] seen = {0};
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(start == null ? request
                    : request.toBuilder().exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (seen[0]++ >= offset && out.size() < limit) {
                    out.add(item.get(TableKeys.SK).s().substring(prefix.length()));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() && out.size() < limit
                    ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** How many items under {@code pk} have a sort key starting with {@code prefix}. */
    public static long count(DynamoDbClient dynamoDb, String table, String pk, String prefix) {
        long[] count = {0};
        run(dynamoDb, request(table, pk, prefix).select(Select.COUNT).build(), page -> count[0] += page.count());
        return count[0];
    }

    private static QueryRequest.Builder request(String table, String pk, String prefix) {
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":prefix",
                        AttributeValue.fromS(prefix)));
    }

    private static void run(DynamoDbClient dynamoDb, QueryRequest request, Consumer<QueryResponse> pages) {
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(start == null ? request
                    : request.toBuilder().exclusiveStartKey(start).build());
            pages.accept(page);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }
}

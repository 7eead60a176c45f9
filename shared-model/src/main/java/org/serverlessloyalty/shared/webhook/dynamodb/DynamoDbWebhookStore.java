package org.serverlessloyalty.shared.webhook.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.webhook.model.Delivery;
import org.serverlessloyalty.shared.webhook.model.DeliveryStatus;
import org.serverlessloyalty.shared.webhook.model.WebhookConfig;
import org.serverlessloyalty.shared.webhook.port.WebhookStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The webhook items of the single table (docs/dynamodb-design.md, "coupon webhook"):
 * <ul>
 *   <li>config: pk {@code <store>#WEBHOOK#coupon-created}, sk {@code CONFIG};</li>
 *   <li>rate counter: same pk, sk {@code RATE#<epochSecond>}, TTL a minute later;</li>
 *   <li>delivery: pk {@code <store>#DELIVERY#<deliveryId>}, sk {@code DELIVERY}; GSI1
 *       {@code <store>#DELIVERIES#<status>} / {@code <createdAt>#<deliveryId>}; TTL 30 days after the last change.</li>
 * </ul>
 */
public final class DynamoDbWebhookStore implements WebhookStore {

    static final Duration DELIVERY_TTL = Duration.ofDays(30);
    private static final int BATCH_WRITE = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbWebhookStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    static String webhookPartition(StoreCode store) {
        return store.value() + "#WEBHOOK#coupon-created";
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(pk), TableKeys.SK, AttributeValue.fromS(sk));
    }

    static Map<String, AttributeValue> deliveryKey(StoreCode store, String deliveryId) {
        return key(store.value() + "#DELIVERY#" + deliveryId, "DELIVERY");
    }

    static String statusPartition(StoreCode store, DeliveryStatus status) {
        return store.value() + "#DELIVERIES#" + status.name();
    }

    // ------------------------------------------------------------------ config

    @Override
    public Optional<WebhookConfig> config(StoreCode store) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(key(webhookPartition(store), "CONFIG"))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WebhookConfig(store, s(item, "url"), Boolean.TRUE.equals(item.get("enabled").bool()),
                s(item, "secret"), instant(item, "createdAt"), instant(item, "updatedAt")));
    }

    @Override
    public void saveConfig(WebhookConfig config) {
        Map<String, AttributeValue> item = new HashMap<>(key(webhookPartition(config.store()), "CONFIG"));
        item.put("url", AttributeValue.fromS(config.url()));
        item.put("enabled", AttributeValue.fromBool(config.enabled()));
        item.put("secret", AttributeValue.fromS(config.secret()));
        item.put("createdAt", AttributeValue.fromS(config.createdAt().toString()));
        item.put("updatedAt", AttributeValue.fromS(config.updatedAt().toString()));
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    // ------------------------------------------------------------------ deliveries

    @Override
    public void createDeliveries(List<Delivery> deliveries) {
        for (int from = 0; from < deliveries.size(); from += BATCH_WRITE) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Delivery d : deliveries.subList(from, Math.min(deliveries.size(), from + BATCH_WRITE))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(d)).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                pending = pending.values().stream().allMatch(List::isEmpty) ? Map.of() : pending;
                if (!pending.isEmpty()) {
                    if (attempt >= 5) {
                        throw new IllegalStateException("DynamoDB left " + pending.get(table).size()
                                + " delivery records unwritten after " + attempt + " attempts");
                    }
                    sleep(50L << attempt);
                }
            }
        }
    }

    private static Map<String, AttributeValue> item(Delivery d) {
        Map<String, AttributeValue> item = new HashMap<>(deliveryKey(d.store(), d.deliveryId()));
        item.put(TableKeys.GSI1_PK, AttributeValue.fromS(statusPartition(d.store(), d.status())));
        item.put(TableKeys.GSI1_SK, AttributeValue.fromS(d.createdAt() + "#" + d.deliveryId()));
        item.put("store", AttributeValue.fromS(d.store().value()));
        item.put("deliveryId", AttributeValue.fromS(d.deliveryId()));
        item.put("code", AttributeValue.fromS(d.code()));
        item.put("body", AttributeValue.fromS(d.body()));
        item.put("status", AttributeValue.fromS(d.status().name()));
        item.put("attempts", AttributeValue.fromN(Integer.toString(d.attempts())));
        item.put("createdAt", AttributeValue.fromS(d.createdAt().toString()));
        item.put(TableKeys.TTL, ttl(d.createdAt()));
        return item;
    }

    @Override
    public Optional<Delivery> delivery(StoreCode store, String deliveryId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(deliveryKey(store, deliveryId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(delivery(item));
    }

    private static Delivery delivery(Map<String, AttributeValue> item) {
        AttributeValue code = item.get("lastStatusCode");
        return new Delivery(new StoreCode(s(item, "store")), s(item, "deliveryId"), s(item, "code"), s(item, "body"),
                DeliveryStatus.valueOf(s(item, "status")), Integer.parseInt(item.get("attempts").n()),
                s(item, "lastError"), code == null || code.n() == null ? null : Integer.parseInt(code.n()),
                instant(item, "createdAt"), instant(item, "firstAttemptAt"), instant(item, "nextAttemptAt"),
                instant(item, "deliveredAt"));
    }

    @Override
    public void markDelivered(Delivery d, int attempts, int statusCode, Instant firstAttemptAt, Instant now) {
        update(d, DeliveryStatus.DELIVERED, attempts, null, statusCode, firstAttemptAt, null, now, now);
    }

    @Override
    public void markRetry(Delivery d, int attempts, String error, Integer statusCode, Instant firstAttemptAt,
                          Instant nextAttemptAt, Instant now) {
        update(d, DeliveryStatus.PENDING, attempts, error, statusCode, firstAttemptAt, nextAttemptAt, null, now);
    }

    @Override
    public void markFailed(Delivery d, int attempts, String error, Integer statusCode, Instant firstAttemptAt,
                           Instant now) {
        update(d, DeliveryStatus.FAILED, attempts, error, statusCode, firstAttemptAt, null, null, now);
    }

    @Override
    public void resetPending(Delivery d, Instant now) {
        dynamoDb.updateItem(b -> b.tableName(table).key(deliveryKey(d.store(), d.deliveryId()))
                .updateExpression("SET #status = :status, gsi1pk = :gsi1pk, attempts = :zero, #exp = :exp"
                        + " REMOVE firstAttemptAt, nextAttemptAt")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#status", "status", "#exp", TableKeys.TTL))
                .expressionAttributeValues(Map.of(
                        ":status", AttributeValue.fromS(DeliveryStatus.PENDING.name()),
                        ":gsi1pk", AttributeValue.fromS(statusPartition(d.store(), DeliveryStatus.PENDING)),
                        ":zero", AttributeValue.fromN("0"),
                        ":exp", ttl(now))));
    }

    private void update(Delivery d, DeliveryStatus status, int attempts, String error, Integer statusCode,
                        Instant firstAttemptAt, Instant nextAttemptAt, Instant deliveredAt, Instant now) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder set = new StringBuilder("SET #status = :status, gsi1pk = :gsi1pk, attempts = :attempts, #exp = :exp");
        List<String> remove = new ArrayList<>();
        values.put(":status", AttributeValue.fromS(status.name()));
        values.put(":gsi1pk", AttributeValue.fromS(statusPartition(d.store(), status)));
        values.put(":attempts", AttributeValue.fromN(Integer.toString(attempts)));
        values.put(":exp", ttl(now));
        optional(set, remove, values, "lastError", error == null ? null : AttributeValue.fromS(truncate(error)));
        optional(set, remove, values, "lastStatusCode",
                statusCode == null ? null : AttributeValue.fromN(statusCode.toString()));
        optional(set, remove, values, "firstAttemptAt",
                firstAttemptAt == null ? null : AttributeValue.fromS(firstAttemptAt.toString()));
        optional(set, remove, values, "nextAttemptAt",
                nextAttemptAt == null ? null : AttributeValue.fromS(nextAttemptAt.toString()));
        optional(set, remove, values, "deliveredAt",
                deliveredAt == null ? null : AttributeValue.fromS(deliveredAt.toString()));
        values.put(":updatedAt", AttributeValue.fromS(now.toString()));
        set.append(", updatedAt = :updatedAt");
        String expression = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        dynamoDb.updateItem(b -> b.tableName(table).key(deliveryKey(d.store(), d.deliveryId()))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#status", "status", "#exp", TableKeys.TTL))
                .expressionAttributeValues(values));
    }

    private static void optional(StringBuilder set, List<String> remove, Map<String, AttributeValue> values,
                                 String name, AttributeValue value) {
        if (value == null) {
            if (!name.equals("lastError") && !name.equals("lastStatusCode")) {
                remove.add(name);
            }
            return;
        }
        set.append(", ").append(name).append(" = :").append(name);
        values.put(":" + name, value);
    }

    @Override
    public Page list(StoreCode store, DeliveryStatus status, int limit, String cursor) {
        String after = cursor == null ? null : decodeCursor(store, cursor);
        QueryResponse response = query(store, status, limit, after);
        List<Map<String, AttributeValue>> items = response.items();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return page(items, more);
    }

    /**
     * One Query per status partition, each from the cursor's position and at most {@code limit} long, merged on the
     * sort key: the page costs up to three times {@code limit} items read, in exchange for no extra index attribute.
     * The cursor is a position in the {@code <createdAt>#<deliveryId>} order, so a delivery that changes status
     * between two pages is neither listed twice nor skipped for that reason.
     */
    @Override
    public Page listAll(StoreCode store, int limit, String cursor) {
        String after = cursor == null ? null : decodeCursor(store, cursor);
        List<Map<String, AttributeValue>> merged = new ArrayList<>();
        boolean more = false;
        for (DeliveryStatus status : DeliveryStatus.values()) {
            QueryResponse response = query(store, status, limit, after);
            merged.addAll(response.items());
            more |= response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        }
        merged.sort(Comparator.comparing((Map<String, AttributeValue> item) -> item.get(TableKeys.GSI1_SK).s())
                .reversed());
        more |= merged.size() > limit;
        return page(merged.subList(0, Math.min(limit, merged.size())), more);
    }

    /** Newest first within one status, strictly after {@code after} (a sort key) when given. */
    private QueryResponse query(StoreCode store, DeliveryStatus status, int limit, String after) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(statusPartition(store, status)));
        String condition = "gsi1pk = :pk";
        if (after != null) {
            values.put(":after", AttributeValue.fromS(after));
            condition += " AND gsi1sk < :after";
        }
        String keyCondition = condition;
        return dynamoDb.query(b -> b.tableName(table).indexName(TableKeys.GSI1)
                .keyConditionExpression(keyCondition)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit));
    }

    private static Page page(List<Map<String, AttributeValue>> items, boolean more) {
        String next = null;
        if (more && !items.isEmpty()) {
            Map<String, AttributeValue> last = items.get(items.size() - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (last.get(TableKeys.PK).s() + "\n" + last.get(TableKeys.GSI1_SK).s()).getBytes(StandardCharsets.UTF_8));
        }
        return new Page(items.stream().map(DynamoDbWebhookStore::delivery).toList(), next);
    }

    /** The sort key the cursor points at; the item key in it must be one of this store's deliveries. */
    private static String decodeCursor(StoreCode store, String cursor) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("next is not a cursor of this list");
        }
        if (parts.length != 2 || !parts[0].startsWith(store.value() + "#DELIVERY#") || parts[1].isEmpty()) {
            throw new IllegalArgumentException("next is not a cursor of this list");
        }
        return parts[1];
    }

    // ------------------------------------------------------------------ rate limit

    @Override
    public boolean tryAcquire(StoreCode store, long epochSecond, int limit) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(webhookPartition(store), "RATE#" + epochSecond))
                    .updateExpression("ADD n :one SET #exp = :exp")
                    .conditionExpression("attribute_not_exists(n) OR n < :limit")
                    .expressionAttributeNames(Map.of("#exp", TableKeys.TTL))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Integer.toString(limit)),
                            ":exp", AttributeValue.fromN(Long.toString(epochSecond + 60)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ helpers

    private static AttributeValue ttl(Instant from) {
        return AttributeValue.fromN(Long.toString(from.plus(DELIVERY_TTL).getEpochSecond()));
    }

    private static String truncate(String error) {
        return error.length() <= 500 ? error : error.substring(0, 500);
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = s(item, name);
        return v == null ? null : Instant.parse(v);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing delivery records", e);
        }
    }
}

package org.serverlessloyalty.shared.store.dynamodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.model.CodeValue;
import org.serverlessloyalty.shared.model.GiftCode;
import org.serverlessloyalty.shared.model.StoreCode;
import org.serverlessloyalty.shared.store.GiftCodeRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Gift codes in the single table: one partition per code, holding the code and its per-customer counters. */
public final class DynamoDbGiftCodeRepository implements GiftCodeRepository {

    private static final int MAX_BATCH_GET = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbGiftCodeRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<GiftCode> find(StoreCode store, CodeValue code) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(TableKeys.code(store, code)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(GiftCodeItemMapper.fromItem(item));
    }

    @Override
    public ValidationReads readForValidation(StoreCode store, CodeValue code, String customerGuid,
                                             List<CodeValue> appliedCodes) {
        if (customerGuid == null && appliedCodes.isEmpty()) {
            // The checkout hot path: one GetItem.
            return new ValidationReads(find(store, code), 0, List.of());
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(TableKeys.code(store, code));
        if (customerGuid != null) {
            keys.add(TableKeys.customerUses(store, code, customerGuid));
        }
        appliedCodes.stream().limit(MAX_BATCH_GET - keys.size()).forEach(c -> keys.add(TableKeys.code(store, c)));

        Optional<GiftCode> found = Optional.empty();
        long customerUses = 0;
        List<GiftCode> applied = new ArrayList<>();
        String codePk = TableKeys.codePartition(store, code);
        for (Map<String, AttributeValue> item : batchGet(keys)) {
            String pk = item.get(TableKeys.PK).s();
            String sk = item.get(TableKeys.SK).s();
            if (sk.startsWith(TableKeys.CUSTOMER_SK_PREFIX)) {
                customerUses = Attributes.longValue(item, "uses");
            } else if (pk.equals(codePk)) {
                found = Optional.of(GiftCodeItemMapper.fromItem(item));
            } else {
                applied.add(GiftCodeItemMapper.fromItem(item));
            }
        }
        return new ValidationReads(found, customerUses, applied);
    }

    @Override
    public List<CodeValue> existing(StoreCode store, Collection<CodeValue> codes) {
        List<CodeValue> existing = new ArrayList<>();
        List<CodeValue> all = List.copyOf(codes);
        for (int from = 0; from < all.size(); from += MAX_BATCH_GET) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + MAX_BATCH_GET))
                    .stream().map(c -> TableKeys.code(store, c)).toList();
            for (Map<String, AttributeValue> item : batchGet(keys, "code")) {
                existing.add(new CodeValue(item.get("code").s()));
            }
        }
        existing.sort(null);
        return existing;
    }

    @Override
    public List<CodeValue> insertIfAbsent(StoreCode store, List<GiftCode> codes, String batchId) {
        if (codes.size() > MAX_INSERT) {
            throw new IllegalArgumentException("At most " + MAX_INSERT + " codes per transaction");
        }
        List<TransactWriteItem> puts = codes.stream()
                .map(code -> TransactWriteItem.builder().put(p -> p.tableName(table)
                        .item(GiftCodeItemMapper.toItem(code, batchId))
                        .conditionExpression("attribute_not_exists(pk)")).build())
                .toList();
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(puts));
            return List.of();
        } catch (TransactionCanceledException e) {
            List<CodeValue> taken = new ArrayList<>();
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    taken.add(codes.get(i).code());
                }
            }
            if (taken.isEmpty()) {
                throw e; // cancelled for another reason (conflict, throttling): not ours to hide
            }
            return taken;
        }
    }

    @Override
    public void deleteBatch(StoreCode store, Collection<CodeValue> codes, String batchId) {
        for (CodeValue code : codes) {
            try {
                dynamoDb.deleteItem(b -> b.tableName(table).key(TableKeys.code(store, code))
                        .conditionExpression("batchId = :batch")
                        .expressionAttributeValues(Map.of(":batch", AttributeValue.fromS(batchId))));
            } catch (ConditionalCheckFailedException notOurs) {
                // Written by another request (or already gone): leave it.
            }
        }
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys, String... projection) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = new HashMap<>();
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
        request.put(table, wanted.build());
        int attempts = 0;
        while (!request.isEmpty()) {
            var response = dynamoDb.batchGetItem(b -> b.requestItems(request));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            request.clear();
            if (response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty()) {
                if (++attempts > 8) {
                    throw new IllegalStateException("DynamoDB left keys unprocessed after 8 attempts");
                }
                backOff(attempts);
                request.putAll(response.unprocessedKeys());
            }
        }
        return items;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(200L, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying unprocessed keys", e);
        }
    }
}

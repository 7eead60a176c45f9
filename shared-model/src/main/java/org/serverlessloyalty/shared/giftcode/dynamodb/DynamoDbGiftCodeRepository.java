package org.serverlessloyalty.shared.giftcode.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch;
import org.serverlessloyalty.shared.giftcode.model.RewardRef;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.platform.dynamodb.Attributes;
import org.serverlessloyalty.shared.platform.dynamodb.BatchReads;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeBatchItemMapper.CHUNKS;
import static org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeBatchItemMapper.CLEANED;
import static org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeBatchItemMapper.COMMITTED_AT;
import static org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeBatchItemMapper.EVENTS_EMITTED;
import static org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeBatchItemMapper.FINISHED;
import static org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeBatchItemMapper.LEASE;
import static org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeBatchItemMapper.LEASE_UNTIL;
import static org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeBatchItemMapper.STATUS;
import static org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeBatchItemMapper.WRITTEN;
import static org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeBatchItemMapper.epochMillis;
import static org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeBatchItemMapper.number;

/**
 * Gift codes in the single table: one partition per code (the code and its per-customer counters),
 * one per batch (its record and chunk records). Every write that could race carries its condition;
 * which one failed is answered, never hidden.
 */
public final class DynamoDbGiftCodeRepository implements GiftCodeRepository {

    private static final int MAX_BATCH_GET = 100;
    /** A transaction cancelled by a concurrent one (TransactionConflict) is sent again, this many times at most. */
    private static final int MAX_CONFLICT_RETRIES = 5;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private static final Map<String, String> BATCH_NAMES = Map.of("#status", STATUS, "#lease", LEASE,
            "#until", LEASE_UNTIL, "#written", WRITTEN, "#chunks", CHUNKS);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbGiftCodeRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<GiftCode> find(StoreCode store, CodeValue code) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(GiftCodeKeys.code(store, code)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(GiftCodeItemMapper.fromItem(item));
    }

    @Override
    public Optional<CodeRead> findForUse(StoreCode store, CodeValue code) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(GiftCodeKeys.code(store, code)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        GiftCode c = GiftCodeItemMapper.fromItem(item);
        // A reward's code names its reward, so the order that uses it marks the reward used too (issue 11).
        Optional<RewardRef> reward = item.containsKey(GiftCodeKeys.REWARD_COUPON_ID)
                ? Optional.of(new RewardRef(item.get(GiftCodeKeys.REWARD_MEMBER_ID).s(),
                        item.get(GiftCodeKeys.REWARD_COUPON_ID).s()))
                : Optional.empty();
        return Optional.of(new CodeRead(c, c.pending()
                ? Optional.ofNullable(batchStatuses(store, Set.of(c.batchId())).get(c.batchId()))
                : Optional.empty(), reward));
    }

    @Override
    public ValidationReads readForValidation(StoreCode store, CodeValue code, String customerGuid,
                                             List<CodeValue> appliedCodes) {
        if (customerGuid == null && appliedCodes.isEmpty()) {
            // The checkout hot path: one GetItem (and the batch's only while the code carries a pending mark).
            Optional<GiftCode> found = find(store, code);
            return new ValidationReads(found, 0, List.of(), pendingBatches(store, found.stream().toList()));
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(GiftCodeKeys.code(store, code));
        if (customerGuid != null) {
            keys.add(GiftCodeKeys.customerUses(store, code, customerGuid));
        }
        appliedCodes.stream().limit(MAX_BATCH_GET - keys.size()).forEach(c -> keys.add(GiftCodeKeys.code(store, c)));

        Optional<GiftCode> found = Optional.empty();
        long customerUses = 0;
        List<GiftCode> applied = new ArrayList<>();
        String codePk = GiftCodeKeys.codePartition(store, code);
        for (Map<String, AttributeValue> item : BatchReads.get(dynamoDb, table, keys)) {
            String pk = item.get(TableKeys.PK).s();
            String sk = item.get(TableKeys.SK).s();
            if (sk.startsWith(GiftCodeKeys.CUSTOMER_SK_PREFIX)) {
                customerUses = Attributes.longValue(item, "uses");
            } else if (pk.equals(codePk)) {
                found = Optional.of(GiftCodeItemMapper.fromItem(item));
            } else {
                applied.add(GiftCodeItemMapper.fromItem(item));
            }
        }
        List<GiftCode> read = new ArrayList<>(applied);
        found.ifPresent(read::add);
        return new ValidationReads(found, customerUses, applied, pendingBatches(store, read));
    }

    /** The statuses of the batches of the pending ones among {@code codes}; no read at all when none is pending. */
    private Map<String, BatchStatus> pendingBatches(StoreCode store, List<GiftCode> codes) {
        Set<String> batches = new HashSet<>();
        codes.stream().filter(GiftCode::pending).forEach(c -> batches.add(c.batchId()));
        return batches.isEmpty() ? Map.of() : batchStatuses(store, batches);
    }

    @Override
    public List<CodeValue> existing(StoreCode store, Collection<CodeValue> codes) {
        List<CodeValue> existing = new ArrayList<>();
        List<CodeValue> all = List.copyOf(codes);
        for (int from = 0; from < all.size(); from += MAX_BATCH_GET) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + MAX_BATCH_GET))
                    .stream().map(c -> GiftCodeKeys.code(store, c)).toList();
            for (Map<String, AttributeValue> item : BatchReads.get(dynamoDb, table, keys, "code")) {
                existing.add(new CodeValue(item.get("code").s()));
            }
        }
        existing.sort(null);
        return existing;
    }

    @Override
    public List<GiftCode> findAll(StoreCode store, Collection<CodeValue> codes) {
        List<GiftCode> found = new ArrayList<>();
        List<CodeValue> all = List.copyOf(codes);
        for (int from = 0; from < all.size(); from += MAX_BATCH_GET) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + MAX_BATCH_GET))
                    .stream().map(c -> GiftCodeKeys.code(store, c)).toList();
            BatchReads.get(dynamoDb, table, keys).forEach(item -> found.add(GiftCodeItemMapper.fromItem(item)));
        }
        return found;
    }

    @Override
    public CodePage listCodes(StoreCode store, CodeQuery query) {
        boolean campaign = query.campaignId() != null;
        String index = campaign ? TableKeys.GSI2 : TableKeys.GSI1;
        String pkName = campaign ? TableKeys.GSI2_PK : TableKeys.GSI1_PK;
        String skName = campaign ? TableKeys.GSI2_SK : TableKeys.GSI1_SK;
        String partition = campaign ? GiftCodeKeys.campaignCodesPartition(store, query.campaignId())
                : GiftCodeKeys.storeCodesPartition(store);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(partition)));
        String condition = "#pk = :pk";
        if (query.prefix() != null && !query.prefix().isEmpty()) {
            condition += " AND begins_with(#sk, :prefix)";
            values.put(":prefix", AttributeValue.fromS(query.prefix()));
        }
        Map<String, AttributeValue> start = null;
        if (query.after() != null) {
            start = new HashMap<>(GiftCodeKeys.code(store, query.after()));
            start.put(pkName, AttributeValue.fromS(partition));
            start.put(skName, AttributeValue.fromS(query.after().value()));
        }
        String keyCondition = condition;
        Map<String, AttributeValue> exclusiveStart = start;
        QueryResponse response = dynamoDb.query(b -> b.tableName(table).indexName(index)
                .keyConditionExpression(keyCondition)
                .expressionAttributeNames(keyCondition.contains("#sk") ? Map.of("#pk", pkName, "#sk", skName)
                        : Map.of("#pk", pkName))
                .expressionAttributeValues(values)
                .limit(query.limit())
                .exclusiveStartKey(exclusiveStart));
        List<GiftCode> page = response.items().stream().map(GiftCodeItemMapper::fromItem).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new CodePage(page, more);
    }

    @Override
    public Optional<GiftCodeBatch> findBatch(StoreCode store, String batchId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(GiftCodeKeys.batch(store, batchId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(GiftCodeBatchItemMapper.fromItem(item));
    }

    @Override
    public Map<String, BatchStatus> batchStatuses(StoreCode store, Set<String> batchIds) {
        if (batchIds.isEmpty()) {
            return Map.of();
        }
        Map<String, BatchStatus> statuses = new HashMap<>();
        List<String> all = List.copyOf(batchIds);
        for (int from = 0; from < all.size(); from += MAX_BATCH_GET) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + MAX_BATCH_GET))
                    .stream().map(id -> GiftCodeKeys.batch(store, id)).toList();
            for (Map<String, AttributeValue> item : BatchReads.get(dynamoDb, table, keys, "batchId", STATUS)) {
                statuses.put(item.get("batchId").s(), BatchStatus.valueOf(item.get(STATUS).s()));
            }
        }
        return statuses;
    }

    @Override
    public List<Chunk> chunks(StoreCode store, String batchId, int from, int max) {
        QueryResponse response = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(GiftCodeKeys.batchPartition(store, batchId)),
                        ":from", AttributeValue.fromS(GiftCodeKeys.chunkSk(from)),
                        ":to", AttributeValue.fromS(GiftCodeKeys.chunkSk(999_999))))
                .limit(max));
        return response.items().stream()
                .map(item -> new Chunk(GiftCodeBatchItemMapper.chunkIndex(item), GiftCodeBatchItemMapper.chunkCodes(item)))
                .toList();
    }

    // ------------------------------------------------------------------ creation

    @Override
    public CreateOutcome createAtOnce(GiftCodeBatch batch, List<GiftCode> codes) {
        if (codes.size() > MAX_CHUNK) {
            throw new IllegalArgumentException("At most " + MAX_CHUNK + " codes in one transaction");
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(GiftCodeBatchItemMapper.toItem(batch))
                .conditionExpression("attribute_not_exists(pk)")).build());
        items.add(put(GiftCodeBatchItemMapper.chunkItem(batch.store(), batch.id(), 0,
                codes.stream().map(GiftCode::code).toList())));
        codes.forEach(code -> items.add(putIfAbsent(GiftCodeItemMapper.toItem(code, null))));
        Optional<List<CancellationReason>> cancelled = transact(items);
        if (cancelled.isEmpty()) {
            return new CreateOutcome.Created();
        }
        List<CancellationReason> reasons = cancelled.get();
        if (failed(reasons, 0)) {
            return new CreateOutcome.BatchExists();
        }
        List<CodeValue> taken = failedCodes(reasons, 2, codes);
        if (taken.isEmpty()) {
            throw new IllegalStateException("Transaction cancelled for no condition of ours: " + reasons);
        }
        return new CreateOutcome.CodesTaken(taken);
    }

    @Override
    public boolean startBatch(GiftCodeBatch batch) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(GiftCodeBatchItemMapper.toItem(batch))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public ChunkOutcome writeChunk(StoreCode store, String batchId, String lease, int index, List<GiftCode> codes,
                                   Instant leaseUntil, Instant expiresAt) {
        if (codes.size() > MAX_CHUNK) {
            throw new IllegalArgumentException("At most " + MAX_CHUNK + " codes per chunk");
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(GiftCodeKeys.batch(store, batchId))
                .updateExpression("SET #written = #written + :n, #chunks = #chunks + :one, #until = :until")
                .conditionExpression("#lease = :lease AND #status = :pending AND #chunks = :index")
                .expressionAttributeNames(BATCH_NAMES)
                .expressionAttributeValues(Map.of(":n", number(codes.size()), ":one", number(1),
                        ":until", epochMillis(leaseUntil), ":lease", AttributeValue.fromS(lease),
                        ":pending", AttributeValue.fromS(BatchStatus.PENDING.name()), ":index", number(index))))
                .build());
        items.add(put(GiftCodeBatchItemMapper.chunkItem(store, batchId, index, codes.stream().map(GiftCode::code).toList())));
        codes.forEach(code -> items.add(putIfAbsent(GiftCodeItemMapper.toItem(code, expiresAt))));
        Optional<List<CancellationReason>> cancelled = transact(items);
        if (cancelled.isEmpty()) {
            return new ChunkOutcome.Written();
        }
        List<CancellationReason> reasons = cancelled.get();
        if (failed(reasons, 0)) {
            return new ChunkOutcome.LeaseLost();
        }
        List<CodeValue> taken = failedCodes(reasons, 2, codes);
        if (taken.isEmpty()) {
            throw new IllegalStateException("Transaction cancelled for no condition of ours: " + reasons);
        }
        return new ChunkOutcome.CodesTaken(taken);
    }

    @Override
    public boolean commit(StoreCode store, String batchId, String lease, int count, Instant now) {
        return updateBatch(store, batchId, "SET #status = :complete, #committed = :now",
                "#lease = :lease AND #status = :pending AND #written = :count",
                Map.of("#committed", COMMITTED_AT),
                Map.of(":complete", AttributeValue.fromS(BatchStatus.COMPLETE.name()),
                        ":now", AttributeValue.fromS(now.toString()), ":lease", AttributeValue.fromS(lease),
                        ":pending", AttributeValue.fromS(BatchStatus.PENDING.name()), ":count", number(count)));
    }

    @Override
    public void clearPending(StoreCode store, String batchId, List<CodeValue> codes) {
        eachCode(store, batchId, codes, code -> TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(GiftCodeKeys.code(store, code))
                .updateExpression("REMOVE #pending, #ttl")
                .conditionExpression("#batch = :batch")
                .expressionAttributeNames(Map.of("#pending", GiftCodeItemMapper.PENDING, "#ttl", TableKeys.TTL,
                        "#batch", GiftCodeItemMapper.BATCH_ID))
                .expressionAttributeValues(Map.of(":batch", AttributeValue.fromS(batchId)))).build());
    }

    @Override
    public void markFinished(StoreCode store, String batchId) {
        updateBatch(store, batchId, "SET #finished = :true REMOVE #lease, #until", "#status = :complete",
                Map.of("#finished", FINISHED),
                Map.of(":true", AttributeValue.fromBool(true),
                        ":complete", AttributeValue.fromS(BatchStatus.COMPLETE.name())));
    }

    @Override
    public void markEventsEmitted(StoreCode store, String batchId) {
        updateBatch(store, batchId, "SET #emitted = :true", "attribute_exists(pk)", Map.of("#emitted", EVENTS_EMITTED),
                Map.of(":true", AttributeValue.fromBool(true)));
    }

    @Override
    public boolean takeOver(StoreCode store, String batchId, String expectedLease, String newLease, Instant leaseUntil) {
        return updateBatch(store, batchId, "SET #lease = :new, #until = :until", "#status = :pending AND #lease = :old",
                Map.of(), Map.of(":new", AttributeValue.fromS(newLease), ":until", epochMillis(leaseUntil),
                        ":pending", AttributeValue.fromS(BatchStatus.PENDING.name()),
                        ":old", AttributeValue.fromS(expectedLease)));
    }

    @Override
    public boolean restart(StoreCode store, String batchId, String newLease, Instant leaseUntil, Instant now) {
        return updateBatch(store, batchId,
                "SET #status = :pending, #lease = :new, #until = :until, #written = :zero, #chunks = :zero,"
                        + " #cleaned = :false REMOVE #ttl",
                "#status = :abandoned AND #cleaned = :true",
                Map.of("#cleaned", CLEANED, "#ttl", TableKeys.TTL),
                Map.of(":pending", AttributeValue.fromS(BatchStatus.PENDING.name()),
                        ":new", AttributeValue.fromS(newLease), ":until", epochMillis(leaseUntil), ":zero", number(0),
                        ":false", AttributeValue.fromBool(false), ":true", AttributeValue.fromBool(true),
                        ":abandoned", AttributeValue.fromS(BatchStatus.ABANDONED.name())));
    }

    @Override
    public boolean abandon(StoreCode store, String batchId, String expectedLease, Optional<Instant> leaseExpiredBy) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":abandoned", AttributeValue.fromS(BatchStatus.ABANDONED.name()),
                ":pending", AttributeValue.fromS(BatchStatus.PENDING.name()),
                ":lease", AttributeValue.fromS(expectedLease)));
        String condition = "#status = :pending AND #lease = :lease";
        if (leaseExpiredBy.isPresent()) {
            condition += " AND #until < :by";
            values.put(":by", epochMillis(leaseExpiredBy.get()));
        }
        return updateBatch(store, batchId, "SET #status = :abandoned REMOVE #lease, #until", condition, Map.of(), values);
    }

    @Override
    public void deletePending(StoreCode store, String batchId, List<CodeValue> codes) {
        eachCode(store, batchId, codes, code -> TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(GiftCodeKeys.code(store, code))
                .conditionExpression("#batch = :batch AND #pending = :true")
                .expressionAttributeNames(Map.of("#batch", GiftCodeItemMapper.BATCH_ID,
                        "#pending", GiftCodeItemMapper.PENDING))
                .expressionAttributeValues(Map.of(":batch", AttributeValue.fromS(batchId),
                        ":true", AttributeValue.fromBool(true)))).build());
    }

    @Override
    public void deleteChunk(StoreCode store, String batchId, int index) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(GiftCodeKeys.batchChunk(store, batchId, index)));
    }

    @Override
    public void markCleaned(StoreCode store, String batchId, Instant expiresAt) {
        updateBatch(store, batchId, "SET #cleaned = :true, #ttl = :ttl", "#status = :abandoned",
                Map.of("#cleaned", CLEANED, "#ttl", TableKeys.TTL),
                Map.of(":true", AttributeValue.fromBool(true), ":ttl", number(expiresAt.getEpochSecond()),
                        ":abandoned", AttributeValue.fromS(BatchStatus.ABANDONED.name())));
    }

    // ------------------------------------------------------------------ voiding

    @Override
    public Optional<GiftCode> voidCode(StoreCode store, CodeValue code, Instant now) {
        try {
            var response = dynamoDb.updateItem(b -> b.tableName(table).key(GiftCodeKeys.code(store, code))
                    .updateExpression("SET #voided = if_not_exists(#voided, :now)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#voided", GiftCodeItemMapper.VOIDED_AT))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now.toString())))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(GiftCodeItemMapper.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException missing) {
            return Optional.empty();
        }
    }

    @Override
    public Instant markBatchVoided(StoreCode store, String batchId, Instant now) {
        var response = dynamoDb.updateItem(b -> b.tableName(table).key(GiftCodeKeys.batch(store, batchId))
                .updateExpression("SET #voided = if_not_exists(#voided, :now)")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#voided", GiftCodeBatchItemMapper.VOIDED_AT))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now.toString())))
                .returnValues(ReturnValue.ALL_NEW));
        return Attributes.instant(response.attributes(), GiftCodeBatchItemMapper.VOIDED_AT);
    }

    @Override
    public void voidCodes(StoreCode store, String batchId, List<CodeValue> codes, Instant voidedAt) {
        eachCode(store, batchId, codes, code -> TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(GiftCodeKeys.code(store, code))
                .updateExpression("SET #voided = if_not_exists(#voided, :at)")
                .conditionExpression("#batch = :batch")
                .expressionAttributeNames(Map.of("#voided", GiftCodeItemMapper.VOIDED_AT,
                        "#batch", GiftCodeItemMapper.BATCH_ID))
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(voidedAt.toString()),
                        ":batch", AttributeValue.fromS(batchId)))).build());
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Applies one conditional write per code, a transaction of up to 100 at a time (one round trip).
     * A code whose condition fails (not of this batch, or gone) cancels its transaction; the codes
     * are then written one by one, skipping the ones whose condition fails.
     */
    private void eachCode(StoreCode store, String batchId, List<CodeValue> codes,
                          Function<CodeValue, TransactWriteItem> write) {
        for (int from = 0; from < codes.size(); from += MAX_TRANSACTION) {
            List<CodeValue> slice = codes.subList(from, Math.min(codes.size(), from + MAX_TRANSACTION));
            Optional<List<CancellationReason>> cancelled = transact(slice.stream().map(write).toList());
            if (cancelled.isEmpty()) {
                continue;
            }
            if (cancelled.get().stream().noneMatch(r -> CONDITION_FAILED.equals(r.code()))) {
                throw new IllegalStateException("Batch " + batchId + " of " + store + ": transaction cancelled: "
                        + cancelled.get());
            }
            for (CodeValue code : slice) {
                Optional<List<CancellationReason>> single = transact(List.of(write.apply(code)));
                if (single.isPresent() && !failed(single.get(), 0)) {
                    throw new IllegalStateException("Code " + code + " of batch " + batchId + ": " + single.get());
                }
            }
        }
    }

    /** A conditional UpdateItem on a batch record: true when it applied, false when its condition failed. */
    private boolean updateBatch(StoreCode store, String batchId, String update, String condition,
                                Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, String> allNames = new LinkedHashMap<>();
        BATCH_NAMES.forEach((placeholder, name) -> {
            if (update.contains(placeholder) || condition.contains(placeholder)) {
                allNames.put(placeholder, name);
            }
        });
        allNames.putAll(names);
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(GiftCodeKeys.batch(store, batchId))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(allNames.isEmpty() ? null : allNames)
                    .expressionAttributeValues(values.isEmpty() ? null : values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Runs a transaction; empty when it was written, the cancellation reasons when a condition
     * failed. One cancelled by a concurrent transaction is sent again after a short pause.
     */
    private Optional<List<CancellationReason>> transact(List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(items));
                return Optional.empty();
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                boolean conditionFailed = reasons.stream().anyMatch(r -> CONDITION_FAILED.equals(r.code()));
                if (conditionFailed) {
                    return Optional.of(reasons);
                }
                if (!conflict || attempt > MAX_CONFLICT_RETRIES) {
                    throw e; // cancelled for another reason (throttling, validation): not ours to hide
                }
                BatchReads.backOff(attempt);
            }
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    /** The codes whose Put failed its condition; the codes' Puts start at {@code offset} in the transaction. */
    private static List<CodeValue> failedCodes(List<CancellationReason> reasons, int offset, List<GiftCode> codes) {
        List<CodeValue> taken = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (failed(reasons, offset + i)) {
                taken.add(codes.get(i).code());
            }
        }
        return taken;
    }
}

package org.serverlessloyalty.shared.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The gift-code port in memory, with the contract of the DynamoDB adapter: a chunk (or a batch
 * written at once) is written whole or not at all, only under the batch's lease; deletions and
 * marks touch only the batch's own codes. Every write is recorded, and tests can hook the n-th
 * code-writing transaction (a concurrent request, an outage, a crash) by number.
 */
public final class InMemoryGiftCodeRepository implements GiftCodeRepository {

    /** One stored code and the TTL it carries (null: none). */
    public record Row(GiftCode code, Instant expiresAt) {

        public String batchId() {
            return code.batchId();
        }
    }

    /** The arguments of one {@link #readForValidation} call. */
    public record ValidationRead(StoreCode store, CodeValue code, String customerGuid, List<CodeValue> appliedCodes) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, GiftCodeBatch> batches = new HashMap<>();
    private final Map<String, TreeMap<Integer, List<CodeValue>>> chunks = new HashMap<>();
    private final Map<String, Long> customerUses = new HashMap<>();
    private final List<List<CodeValue>> insertCalls = new ArrayList<>();
    private final List<ValidationRead> validationReads = new ArrayList<>();
    private IntConsumer beforeInsert = call -> { };
    private int overwriteAttempts;

    private static String key(StoreCode store, CodeValue code) {
        return store.value() + "#" + code.value();
    }

    private static String batchKey(StoreCode store, String batchId) {
        return store.value() + "#" + batchId;
    }

    /** A code written earlier by someone else, stored as given. */
    public InMemoryGiftCodeRepository with(GiftCode code) {
        rows.put(key(code.store(), code.code()), new Row(code, null));
        return this;
    }

    public InMemoryGiftCodeRepository withCustomerUses(StoreCode store, CodeValue code, String customerGuid, long uses) {
        customerUses.put(key(store, code) + "#" + customerGuid, uses);
        return this;
    }

    /** A shopper's uses of a code as counted (0 when never counted). */
    public long customerUses(StoreCode store, CodeValue code, String customerGuid) {
        return customerUses.getOrDefault(key(store, code) + "#" + customerGuid, 0L);
    }

    /** The code disappears, as a pending code of an abandoned batch is deleted. */
    public void remove(StoreCode store, CodeValue code) {
        rows.remove(key(store, code));
    }

    /** Runs before the n-th (1-based) code-writing transaction looks at the table; may throw or write. */
    public InMemoryGiftCodeRepository beforeInsert(IntConsumer hook) {
        this.beforeInsert = hook;
        return this;
    }

    /** Writes a committed code as a concurrent request (another batch) would. */
    public void writeConcurrently(GiftCode code) {
        rows.put(key(code.store(), code.code()), new Row(code.inBatch("concurrent", false), null));
    }

    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    public Optional<Row> row(StoreCode store, CodeValue code) {
        return Optional.ofNullable(rows.get(key(store, code)));
    }

    public Optional<GiftCodeBatch> batch(StoreCode store, String batchId) {
        return Optional.ofNullable(batches.get(batchKey(store, batchId)));
    }

    public List<GiftCodeBatch> batches() {
        return List.copyOf(batches.values());
    }

    /** The codes of every code-writing transaction, in order (those refused included). */
    public List<List<CodeValue>> insertCalls() {
        return insertCalls;
    }

    public List<ValidationRead> validationReads() {
        return validationReads;
    }

    /** How often a transaction held a code that was already stored (such a transaction is refused, never written). */
    public int overwriteAttempts() {
        return overwriteAttempts;
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<GiftCode> find(StoreCode store, CodeValue code) {
        return Optional.ofNullable(rows.get(key(store, code))).map(Row::code);
    }

    @Override
    public Optional<CodeRead> findForUse(StoreCode store, CodeValue code) {
        return find(store, code).map(c -> new CodeRead(c, c.pending()
                ? Optional.ofNullable(batchStatuses(store, Set.of(c.batchId())).get(c.batchId()))
                : Optional.empty()));
    }

    @Override
    public ValidationReads readForValidation(StoreCode store, CodeValue code, String customerGuid,
                                             List<CodeValue> appliedCodes) {
        validationReads.add(new ValidationRead(store, code, customerGuid, List.copyOf(appliedCodes)));
        long uses = customerGuid == null ? 0 : customerUses.getOrDefault(key(store, code) + "#" + customerGuid, 0L);
        List<GiftCode> applied = appliedCodes.stream()
                .map(c -> rows.get(key(store, c)))
                .filter(r -> r != null)
                .map(Row::code)
                .toList();
        Map<String, BatchStatus> statuses = new HashMap<>();
        List<GiftCode> read = new ArrayList<>(applied);
        find(store, code).ifPresent(read::add);
        read.stream().filter(GiftCode::pending).forEach(c -> batch(store, c.batchId())
                .ifPresent(b -> statuses.put(c.batchId(), b.status())));
        return new ValidationReads(find(store, code), uses, applied, statuses);
    }

    @Override
    public List<CodeValue> existing(StoreCode store, Collection<CodeValue> codes) {
        return codes.stream().filter(c -> rows.containsKey(key(store, c))).toList();
    }

    @Override
    public List<GiftCode> findAll(StoreCode store, Collection<CodeValue> codes) {
        return codes.stream().map(c -> rows.get(key(store, c))).filter(r -> r != null).map(Row::code).toList();
    }

    @Override
    public CodePage listCodes(StoreCode store, CodeQuery query) {
        List<GiftCode> all = rows.values().stream().map(Row::code)
                .filter(c -> c.store().equals(store))
                .filter(c -> query.campaignId() == null || query.campaignId().equals(c.terms().campaignId()))
                .filter(c -> query.prefix() == null || c.code().value().startsWith(query.prefix()))
                .filter(c -> query.after() == null || c.code().compareTo(query.after()) > 0)
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .toList();
        return new CodePage(all.subList(0, Math.min(query.limit(), all.size())), all.size() > query.limit());
    }

    @Override
    public Optional<GiftCodeBatch> findBatch(StoreCode store, String batchId) {
        return batch(store, batchId);
    }

    @Override
    public Map<String, BatchStatus> batchStatuses(StoreCode store, Set<String> batchIds) {
        Map<String, BatchStatus> statuses = new HashMap<>();
        batchIds.forEach(id -> batch(store, id).ifPresent(b -> statuses.put(id, b.status())));
        return statuses;
    }

    @Override
    public List<Chunk> chunks(StoreCode store, String batchId, int from, int max) {
        var all = chunks.getOrDefault(batchKey(store, batchId), new TreeMap<>()).tailMap(from, true);
        return all.entrySet().stream().limit(max).map(e -> new Chunk(e.getKey(), e.getValue())).toList();
    }

    // ------------------------------------------------------------------ creation

    @Override
    public CreateOutcome createAtOnce(GiftCodeBatch batch, List<GiftCode> codes) {
        if (codes.size() > MAX_CHUNK) {
            throw new IllegalArgumentException("a transaction takes at most " + MAX_CHUNK + " codes, got " + codes.size());
        }
        insertCalls.add(codes.stream().map(GiftCode::code).toList());
        beforeInsert.accept(insertCalls.size());
        if (batches.containsKey(batchKey(batch.store(), batch.id()))) {
            return new CreateOutcome.BatchExists();
        }
        List<CodeValue> taken = taken(batch.store(), codes);
        if (!taken.isEmpty()) {
            return new CreateOutcome.CodesTaken(taken);
        }
        batches.put(batchKey(batch.store(), batch.id()), batch);
        chunks.computeIfAbsent(batchKey(batch.store(), batch.id()), k -> new TreeMap<>())
                .put(0, codes.stream().map(GiftCode::code).toList());
        codes.forEach(c -> rows.put(key(c.store(), c.code()), new Row(c, null)));
        return new CreateOutcome.Created();
    }

    @Override
    public boolean startBatch(GiftCodeBatch batch) {
        return batches.putIfAbsent(batchKey(batch.store(), batch.id()), batch) == null;
    }

    @Override
    public ChunkOutcome writeChunk(StoreCode store, String batchId, String lease, int index, List<GiftCode> codes,
                                   Instant leaseUntil, Instant expiresAt) {
        if (codes.size() > MAX_CHUNK) {
            throw new IllegalArgumentException("a chunk takes at most " + MAX_CHUNK + " codes, got " + codes.size());
        }
        insertCalls.add(codes.stream().map(GiftCode::code).toList());
        beforeInsert.accept(insertCalls.size());
        GiftCodeBatch b = batches.get(batchKey(store, batchId));
        if (b == null || b.status() != BatchStatus.PENDING || !lease.equals(b.lease()) || b.chunks() != index) {
            return new ChunkOutcome.LeaseLost();
        }
        List<CodeValue> taken = taken(store, codes);
        if (!taken.isEmpty()) {
            return new ChunkOutcome.CodesTaken(taken);
        }
        codes.forEach(c -> rows.put(key(store, c.code()), new Row(c, expiresAt)));
        chunks.computeIfAbsent(batchKey(store, batchId), k -> new TreeMap<>())
                .put(index, codes.stream().map(GiftCode::code).toList());
        put(with(b, b.status(), b.written() + codes.size(), b.chunks() + 1, b.lease(), leaseUntil, b.committedAt(),
                b.finished(), b.eventsEmitted(), b.cleaned(), b.voidedAt()));
        return new ChunkOutcome.Written();
    }

    private List<CodeValue> taken(StoreCode store, List<GiftCode> codes) {
        List<CodeValue> taken = codes.stream().map(GiftCode::code).filter(c -> rows.containsKey(key(store, c))).toList();
        if (!taken.isEmpty()) {
            overwriteAttempts++;
        }
        return taken;
    }

    @Override
    public boolean commit(StoreCode store, String batchId, String lease, int count, Instant now) {
        GiftCodeBatch b = batches.get(batchKey(store, batchId));
        if (b == null || b.status() != BatchStatus.PENDING || !lease.equals(b.lease()) || b.written() != count) {
            return false;
        }
        put(with(b, BatchStatus.COMPLETE, b.written(), b.chunks(), b.lease(), b.leaseUntil(), now, false,
                b.eventsEmitted(), b.cleaned(), b.voidedAt()));
        return true;
    }

    @Override
    public void clearPending(StoreCode store, String batchId, List<CodeValue> codes) {
        for (CodeValue code : codes) {
            Row row = rows.get(key(store, code));
            if (row != null && batchId.equals(row.batchId())) {
                rows.put(key(store, code), new Row(row.code().inBatch(batchId, false), null));
            }
        }
    }

    @Override
    public void markFinished(StoreCode store, String batchId) {
        GiftCodeBatch b = batches.get(batchKey(store, batchId));
        if (b != null && b.status() == BatchStatus.COMPLETE) {
            put(with(b, b.status(), b.written(), b.chunks(), null, null, b.committedAt(), true, b.eventsEmitted(),
                    b.cleaned(), b.voidedAt()));
        }
    }

    @Override
    public void markEventsEmitted(StoreCode store, String batchId) {
        GiftCodeBatch b = batches.get(batchKey(store, batchId));
        if (b != null) {
            put(with(b, b.status(), b.written(), b.chunks(), b.lease(), b.leaseUntil(), b.committedAt(), b.finished(),
                    true, b.cleaned(), b.voidedAt()));
        }
    }

    @Override
    public boolean takeOver(StoreCode store, String batchId, String expectedLease, String newLease, Instant leaseUntil) {
        GiftCodeBatch b = batches.get(batchKey(store, batchId));
        if (b == null || b.status() != BatchStatus.PENDING || !expectedLease.equals(b.lease())) {
            return false;
        }
        put(with(b, b.status(), b.written(), b.chunks(), newLease, leaseUntil, b.committedAt(), b.finished(),
                b.eventsEmitted(), b.cleaned(), b.voidedAt()));
        return true;
    }

    @Override
    public boolean restart(StoreCode store, String batchId, String newLease, Instant leaseUntil, Instant now) {
        GiftCodeBatch b = batches.get(batchKey(store, batchId));
        if (b == null || b.status() != BatchStatus.ABANDONED || !b.cleaned()) {
            return false;
        }
        put(with(b, BatchStatus.PENDING, 0, 0, newLease, leaseUntil, null, false, false, false, b.voidedAt()));
        return true;
    }

    @Override
    public boolean abandon(StoreCode store, String batchId, String expectedLease, Optional<Instant> leaseExpiredBy) {
        GiftCodeBatch b = batches.get(batchKey(store, batchId));
        if (b == null || b.status() != BatchStatus.PENDING || !expectedLease.equals(b.lease())
                || leaseExpiredBy.isPresent() && !b.leaseUntil().isBefore(leaseExpiredBy.get())) {
            return false;
        }
        put(with(b, BatchStatus.ABANDONED, b.written(), b.chunks(), null, null, null, false, b.eventsEmitted(), false,
                b.voidedAt()));
        return true;
    }

    @Override
    public void deletePending(StoreCode store, String batchId, List<CodeValue> codes) {
        for (CodeValue code : codes) {
            Row row = rows.get(key(store, code));
            if (row != null && batchId.equals(row.batchId()) && row.code().pending()) {
                rows.remove(key(store, code));
            }
        }
    }

    @Override
    public void deleteChunk(StoreCode store, String batchId, int index) {
        var all = chunks.get(batchKey(store, batchId));
        if (all != null) {
            all.remove(index);
        }
    }

    @Override
    public void markCleaned(StoreCode store, String batchId, Instant expiresAt) {
        GiftCodeBatch b = batches.get(batchKey(store, batchId));
        if (b != null && b.status() == BatchStatus.ABANDONED) {
            put(with(b, b.status(), b.written(), b.chunks(), b.lease(), b.leaseUntil(), b.committedAt(), b.finished(),
                    b.eventsEmitted(), true, b.voidedAt()));
        }
    }

    // ------------------------------------------------------------------ voiding

    @Override
    public Optional<GiftCode> voidCode(StoreCode store, CodeValue code, Instant now) {
        Row row = rows.get(key(store, code));
        if (row == null) {
            return Optional.empty();
        }
        GiftCode voided = voided(row.code(), now);
        rows.put(key(store, code), new Row(voided, row.expiresAt()));
        return Optional.of(voided);
    }

    @Override
    public Instant markBatchVoided(StoreCode store, String batchId, Instant now) {
        GiftCodeBatch b = batches.get(batchKey(store, batchId));
        Instant at = b.voidedAt() == null ? now : b.voidedAt();
        put(with(b, b.status(), b.written(), b.chunks(), b.lease(), b.leaseUntil(), b.committedAt(), b.finished(),
                b.eventsEmitted(), b.cleaned(), at));
        return at;
    }

    @Override
    public void voidCodes(StoreCode store, String batchId, List<CodeValue> codes, Instant voidedAt) {
        for (CodeValue code : codes) {
            Row row = rows.get(key(store, code));
            if (row != null && batchId.equals(row.batchId())) {
                rows.put(key(store, code), new Row(voided(row.code(), voidedAt), row.expiresAt()));
            }
        }
    }

    private static GiftCode voided(GiftCode c, Instant at) {
        return c.voided() ? c : new GiftCode(c.store(), c.code(), c.terms(), c.usedCount(), c.createdAt(), c.batchId(),
                c.pending(), at);
    }

    private void put(GiftCodeBatch b) {
        batches.put(batchKey(b.store(), b.id()), b);
    }

    private static GiftCodeBatch with(GiftCodeBatch b, BatchStatus status, int written, int chunkCount, String lease,
                                      Instant leaseUntil, Instant committedAt, boolean finished, boolean eventsEmitted,
                                      boolean cleaned, Instant voidedAt) {
        return new GiftCodeBatch(b.store(), b.id(), status, b.mode(), b.count(), written, chunkCount, b.requestHash(),
                lease, leaseUntil, b.createdAt(), committedAt, finished, eventsEmitted, cleaned, voidedAt);
    }
}

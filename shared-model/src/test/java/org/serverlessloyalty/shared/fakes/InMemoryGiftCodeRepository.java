package org.serverlessloyalty.shared.fakes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.serverlessloyalty.shared.model.CodeValue;
import org.serverlessloyalty.shared.model.GiftCode;
import org.serverlessloyalty.shared.model.StoreCode;
import org.serverlessloyalty.shared.store.GiftCodeRepository;

/**
 * The gift-code port in memory, with the contract of the DynamoDB adapter: {@link #insertIfAbsent}
 * writes a whole chunk or nothing, {@link #deleteBatch} only removes rows of its own batch. Every
 * call is recorded, and tests can hook a write (a concurrent request, an outage) by call number.
 */
public final class InMemoryGiftCodeRepository implements GiftCodeRepository {

    /** One stored row: the code and the batch that wrote it. */
    public record Row(GiftCode code, String batchId) {
    }

    /** The arguments of one {@link #readForValidation} call. */
    public record ValidationRead(StoreCode store, CodeValue code, String customerGuid, List<CodeValue> appliedCodes) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, Long> customerUses = new HashMap<>();
    private final List<List<CodeValue>> insertCalls = new ArrayList<>();
    private final List<ValidationRead> validationReads = new ArrayList<>();
    private final List<Collection<CodeValue>> deleteCalls = new ArrayList<>();
    private IntConsumer beforeInsert = call -> { };
    private int writes;
    private int overwriteAttempts;

    private static String key(StoreCode store, CodeValue code) {
        return store.value() + "#" + code.value();
    }

    /** A code written earlier by someone else (another batch). */
    public InMemoryGiftCodeRepository with(GiftCode code) {
        rows.put(key(code.store(), code.code()), new Row(code, "pre-existing"));
        return this;
    }

    public InMemoryGiftCodeRepository withCustomerUses(StoreCode store, CodeValue code, String customerGuid, long uses) {
        customerUses.put(key(store, code) + "#" + customerGuid, uses);
        return this;
    }

    /** Runs before the n-th (1-based) {@link #insertIfAbsent} call looks at the table; may throw or write. */
    public InMemoryGiftCodeRepository beforeInsert(IntConsumer hook) {
        this.beforeInsert = hook;
        return this;
    }

    /** Writes a row as a concurrent request (another batch) would. */
    public void writeConcurrently(GiftCode code) {
        rows.put(key(code.store(), code.code()), new Row(code, "concurrent"));
    }

    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    public Optional<Row> row(StoreCode store, CodeValue code) {
        return Optional.ofNullable(rows.get(key(store, code)));
    }

    public List<List<CodeValue>> insertCalls() {
        return insertCalls;
    }

    public List<Collection<CodeValue>> deleteCalls() {
        return deleteCalls;
    }

    public List<ValidationRead> validationReads() {
        return validationReads;
    }

    /** Rows written or deleted by this fake's write methods (pre-existing rows not counted). */
    public int writes() {
        return writes;
    }

    /** How often a chunk held a code that was already stored (such a chunk is refused, never written). */
    public int overwriteAttempts() {
        return overwriteAttempts;
    }

    @Override
    public Optional<GiftCode> find(StoreCode store, CodeValue code) {
        return Optional.ofNullable(rows.get(key(store, code))).map(Row::code);
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
        return new ValidationReads(find(store, code), uses, applied);
    }

    @Override
    public List<CodeValue> existing(StoreCode store, Collection<CodeValue> codes) {
        return codes.stream().filter(c -> rows.containsKey(key(store, c))).toList();
    }

    @Override
    public List<CodeValue> insertIfAbsent(StoreCode store, List<GiftCode> codes, String batchId) {
        if (codes.size() > MAX_INSERT) {
            throw new IllegalArgumentException("a transaction takes at most " + MAX_INSERT + " codes, got " + codes.size());
        }
        insertCalls.add(codes.stream().map(GiftCode::code).toList());
        beforeInsert.accept(insertCalls.size());
        List<CodeValue> taken = codes.stream().map(GiftCode::code).filter(c -> rows.containsKey(key(store, c))).toList();
        if (!taken.isEmpty()) {
            overwriteAttempts++;
            return taken;
        }
        for (GiftCode code : codes) {
            rows.put(key(store, code.code()), new Row(code, batchId));
            writes++;
        }
        return List.of();
    }

    @Override
    public void deleteBatch(StoreCode store, Collection<CodeValue> codes, String batchId) {
        deleteCalls.add(List.copyOf(codes));
        for (CodeValue code : codes) {
            Row row = rows.get(key(store, code));
            if (row != null && row.batchId().equals(batchId)) {
                rows.remove(key(store, code));
                writes++;
            }
        }
    }
}

package org.serverlessloyalty.shared.giftcode.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch;
import org.serverlessloyalty.shared.giftcode.model.RewardRef;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A store's gift codes, their usage counters and the batches (creation requests) that write them.
 *
 * <p>Writing a batch: {@link #createAtOnce} when it fits one transaction; otherwise
 * {@link #startBatch}, {@link #writeChunk} (codes marked pending, each chunk with its record and the
 * batch's progress, only under the writer's lease), {@link #commit} (the commit point),
 * {@link #clearPending} and {@link #markFinished}. A batch whose writer died is resumed
 * ({@link #takeOver}) or given up ({@link #abandon}, {@link #deletePending}, {@link #markCleaned}).
 * Every write that could race is conditional; the adapter answers which condition failed and the
 * service decides.
 */
public interface GiftCodeRepository {

    /** The most items one DynamoDB transaction holds. */
    int MAX_TRANSACTION = 100;
    /** Codes per chunk: a chunk's transaction also updates the batch and writes the chunk's record. */
    int MAX_CHUNK = MAX_TRANSACTION - 2;

    // ------------------------------------------------------------------ reads

    /** The code item as stored (pending or not). */
    Optional<GiftCode> find(StoreCode store, CodeValue code);

    /**
     * The code and, only when it carries a pending mark, its batch's status: what
     * {@code GiftCodeRules.unavailability} needs. One GetItem for a committed code, two for a pending one.
     */
    Optional<CodeRead> findForUse(StoreCode store, CodeValue code);

    /**
     * Everything one validation needs, read in a single round trip: the code, the customer's uses
     * of it (0 when {@code customerGuid} is null) and the applied codes that exist in the store;
     * plus, only when one of them is pending, its batch's status (one more read).
     */
    ValidationReads readForValidation(StoreCode store, CodeValue code, String customerGuid, List<CodeValue> appliedCodes);

    /** Which of {@code codes} the store already has (in any state). */
    List<CodeValue> existing(StoreCode store, Collection<CodeValue> codes);

    /** The stored items of {@code codes} that exist, in no particular order. */
    List<GiftCode> findAll(StoreCode store, Collection<CodeValue> codes);

    /** Codes in code order after {@code query.after()}, from the store's or one campaign's index. */
    CodePage listCodes(StoreCode store, CodeQuery query);

    Optional<GiftCodeBatch> findBatch(StoreCode store, String batchId);

    /** The status of each of {@code batchIds} that has a record. */
    Map<String, BatchStatus> batchStatuses(StoreCode store, Set<String> batchIds);

    /** Chunk records of a batch, from chunk {@code from} on, at most {@code max}, in order. */
    List<Chunk> chunks(StoreCode store, String batchId, int from, int max);

    // ------------------------------------------------------------------ creation

    /**
     * Writes {@code batch} (COMPLETE), its codes (not pending) and its one chunk record in one
     * transaction, or nothing. At most {@link #MAX_CHUNK} codes.
     */
    CreateOutcome createAtOnce(GiftCodeBatch batch, List<GiftCode> codes);

    /** Writes a PENDING batch record if none has this id; false when one exists. */
    boolean startBatch(GiftCodeBatch batch);

    /**
     * Writes {@code codes} (pending, with the TTL {@code expiresAt}) and chunk record {@code index},
     * and adds them to the batch's progress, renewing the lease to {@code leaseUntil}: all or nothing,
     * and only while the batch is PENDING under {@code lease} with exactly {@code index} chunks.
     */
    ChunkOutcome writeChunk(StoreCode store, String batchId, String lease, int index, List<GiftCode> codes,
                            Instant leaseUntil, Instant expiresAt);

    /** The commit point: PENDING → COMPLETE, only under {@code lease} with {@code count} codes written. */
    boolean commit(StoreCode store, String batchId, String lease, int count, Instant now);

    /** Removes the pending mark and TTL of the batch's {@code codes}. Idempotent. */
    void clearPending(StoreCode store, String batchId, List<CodeValue> codes);

    /** Every pending mark of a COMPLETE batch is cleared; drops its lease. */
    void markFinished(StoreCode store, String batchId);

    void markEventsEmitted(StoreCode store, String batchId);

    /** A new writer takes a PENDING batch over from {@code expectedLease}; false if someone else changed it first. */
    boolean takeOver(StoreCode store, String batchId, String expectedLease, String newLease, Instant leaseUntil);

    /** An ABANDONED and cleaned batch starts again from nothing under {@code newLease}; false if it is not. */
    boolean restart(StoreCode store, String batchId, String newLease, Instant leaseUntil, Instant now);

    /**
     * PENDING → ABANDONED, only while {@code expectedLease} holds it and, when {@code leaseExpiredBy}
     * is given, only if that lease ran out before it. False when the batch moved on meanwhile.
     */
    boolean abandon(StoreCode store, String batchId, String expectedLease, Optional<Instant> leaseExpiredBy);

    /** Deletes those of {@code codes} that are still pending under {@code batchId}; others are untouched. */
    void deletePending(StoreCode store, String batchId, List<CodeValue> codes);

    void deleteChunk(StoreCode store, String batchId, int index);

    /** An ABANDONED batch's codes and chunks are gone; its record expires at {@code expiresAt}. */
    void markCleaned(StoreCode store, String batchId, Instant expiresAt);

    // ------------------------------------------------------------------ voiding

    /** Marks the code voided (keeping the first time); empty when the store has no such code. */
    Optional<GiftCode> voidCode(StoreCode store, CodeValue code, Instant now);

    /** Marks the batch voided (keeping the first time) and answers that time. */
    Instant markBatchVoided(StoreCode store, String batchId, Instant now);

    /** Marks the batch's {@code codes} voided at {@code voidedAt} (codes already voided keep their time). */
    void voidCodes(StoreCode store, String batchId, List<CodeValue> codes, Instant voidedAt);

    // ------------------------------------------------------------------ values

    record ValidationReads(Optional<GiftCode> code, long customerUses, List<GiftCode> appliedCodes,
                           Map<String, BatchStatus> batches) {

        public ValidationReads(Optional<GiftCode> code, long customerUses, List<GiftCode> appliedCodes) {
            this(code, customerUses, appliedCodes, Map.of());
        }
    }

    /**
     * A code and, when it is pending, its batch's status (empty for a committed code or a missing batch); and the
     * bought reward it was issued for, when a reward purchase created it (issue 11).
     */
    record CodeRead(GiftCode code, Optional<BatchStatus> batchOfPending, Optional<RewardRef> reward) {

        public CodeRead(GiftCode code, Optional<BatchStatus> batchOfPending) {
            this(code, batchOfPending, Optional.empty());
        }
    }

    /**
     * @param campaignId only the codes of this campaign (null: every code)
     * @param prefix     only codes starting with this (null: any)
     * @param after      the last code of the previous page (null: from the start)
     */
    record CodeQuery(String campaignId, String prefix, CodeValue after, int limit) {
    }

    /** @param more whether codes follow the last one of this page */
    record CodePage(List<GiftCode> codes, boolean more) {
    }

    record Chunk(int index, List<CodeValue> codes) {
    }

    sealed interface CreateOutcome {
        record Created() implements CreateOutcome {
        }

        /** The store already has these codes: nothing was written. */
        record CodesTaken(List<CodeValue> codes) implements CreateOutcome {
        }

        /** A batch with this id exists (an Idempotency-Key used again): nothing was written. */
        record BatchExists() implements CreateOutcome {
        }
    }

    sealed interface ChunkOutcome {
        record Written() implements ChunkOutcome {
        }

        /** The store already has these codes: nothing was written. */
        record CodesTaken(List<CodeValue> codes) implements ChunkOutcome {
        }

        /** The batch is not PENDING under this lease any more (taken over or abandoned): nothing was written. */
        record LeaseLost() implements ChunkOutcome {
        }
    }
}

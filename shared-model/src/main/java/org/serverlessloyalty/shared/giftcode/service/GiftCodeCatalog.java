package org.serverlessloyalty.shared.giftcode.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.port.BatchFollowUp;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository.ChunkOutcome;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository.CreateOutcome;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.persistence.AlreadyExistsException;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Creating codes, all or nothing, even across a crash. A request is a batch:
 * <ul>
 *   <li>up to {@link GiftCodeRepository#MAX_CHUNK} codes: one transaction writes the codes, the
 *       batch (COMPLETE) and its chunk record;</li>
 *   <li>more: a delayed follow-up is asked for first, then the batch is written PENDING under this
 *       writer's lease, the codes in chunks marked pending (not usable: readers see a pending code
 *       only through its batch), the batch turns COMPLETE (the commit point, one conditional write),
 *       and the marks are cleared (roll forward).</li>
 * </ul>
 * A writer that dies leaves a PENDING batch whose codes nobody can use. The same
 * {@code Idempotency-Key} with the same body resumes it once its lease ran out (the chunk records say
 * exactly what was written) and answers every code; the follow-up gives it up if nobody did, deleting
 * its codes. The same key with another body is refused.
 */
public final class GiftCodeCatalog {

    public static final int MAX_LISTED = 1_000;
    public static final int MAX_GENERATED = 10_000;
    /** How long a writer may go without writing a chunk before it is presumed dead. Lambda stops it at 29 s anyway. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);
    /** Pending codes carry a TTL as a last resort: the follow-up deletes an abandoned batch's codes long before. */
    static final Duration PENDING_TTL = Duration.ofDays(30);
    /** How long the record of an abandoned (and cleaned) batch stays, so its key can still be answered. */
    static final Duration ABANDONED_RECORD_TTL = Duration.ofDays(30);
    /** Clocks of two Lambda instances may disagree a little: a lease is only presumed lost this long after it ran out. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    /** Collisions are astronomically rare at 54+ bits; a few rounds only guard against a bad prefix space. */
    private static final int MAX_COLLISION_ROUNDS = 5;
    /** Drawing a code already drawn in this request is as rare; this bound only stops a tiny code space. */
    private static final int MAX_DRAWS_PER_CODE = 20;
    /** Chunk records read per page when walking a batch (each holds up to 98 codes). */
    private static final int CHUNK_PAGE = 20;

    /** What to create. */
    public sealed interface Creation {
        int count();

        GiftCodeBatch.Mode mode();
    }

    /** These codes, each with its terms, in the request's order. */
    public record Listed(Map<CodeValue, GiftCodeTerms> codes) implements Creation {
        public Listed {
            codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
        }

        @Override
        public int count() {
            return codes.size();
        }

        @Override
        public GiftCodeBatch.Mode mode() {
            return GiftCodeBatch.Mode.LISTED;
        }
    }

    /** {@code count} new random codes sharing {@code terms}. */
    public record Generation(String prefix, int randomLength, int count, GiftCodeTerms terms) implements Creation {
        @Override
        public GiftCodeBatch.Mode mode() {
            return GiftCodeBatch.Mode.GENERATED;
        }
    }

    /**
     * The answer to a creation: every code of the batch.
     *
     * @param replayed  the batch existed already (the same Idempotency-Key again)
     * @param eventsDue its coupon-created events were not handed to the webhook yet: emit, then {@link #eventsEmitted}
     */
    public record Created(String batchId, List<GiftCode> codes, boolean replayed, boolean eventsDue) {
    }

    /** What the follow-up found: events still to emit, and when to look again (a writer still holds the batch). */
    public record Check(List<GiftCode> eventsDue, Optional<Instant> checkAgainAt) {
    }

    /** The same Idempotency-Key came with another body. */
    public static final class KeyReusedException extends RuntimeException {
        public KeyReusedException(String batchId) {
            super("Batch " + batchId + " was created by another request body", null, false, false);
        }
    }

    /** Another request is writing this batch (or took it over from this one): nothing of this request counts. */
    public static final class InProgressException extends RuntimeException {
        private final Instant retryAt;

        public InProgressException(String message, Instant retryAt) {
            super(message, null, false, false);
            this.retryAt = retryAt;
        }

        public Instant retryAt() {
            return retryAt;
        }
    }

    private final GiftCodeRepository codes;
    private final CodeGenerator generator;
    private final Clock clock;
    private final BatchFollowUp followUp;
    private final Duration lease;

    public GiftCodeCatalog(GiftCodeRepository codes, CodeGenerator generator, Clock clock) {
        this(codes, generator, clock, BatchFollowUp.NONE, DEFAULT_LEASE);
    }

    public GiftCodeCatalog(GiftCodeRepository codes, CodeGenerator generator, Clock clock, BatchFollowUp followUp,
                           Duration lease) {
        this.codes = codes;
        this.generator = generator;
        this.clock = clock;
        this.followUp = followUp;
        this.lease = lease;
    }

    public Optional<GiftCode> find(StoreCode store, CodeValue code) {
        return codes.find(store, code);
    }

    public Optional<GiftCodeBatch> findBatch(StoreCode store, String batchId) {
        return codes.findBatch(store, batchId);
    }

    /** Creates the listed codes or none of them (no Idempotency-Key). */
    public List<GiftCode> createListed(StoreCode store, Map<CodeValue, GiftCodeTerms> listed) {
        return create(store, new Listed(listed), "", Optional.empty()).codes();
    }

    /** Generates {@code count} new codes unique in the store, all sharing {@code terms} (no Idempotency-Key). */
    public List<GiftCode> generate(StoreCode store, String prefix, int randomLength, int count, GiftCodeTerms terms) {
        return create(store, new Generation(prefix, randomLength, count, terms), "", Optional.empty()).codes();
    }

    /**
     * Creates every code of {@code creation} or, whatever happens, none that anyone can use.
     *
     * @param requestHash identifies the request body: a key used again with another hash is refused
     * @throws AlreadyExistsException naming every listed code the store already has (nothing is usable)
     * @throws KeyReusedException     the key's batch was created by another body
     * @throws InProgressException    another request with this key is writing the batch
     */
    public Created create(StoreCode store, Creation creation, String requestHash, Optional<IdempotencyKey> key) {
        String batchId = key.map(k -> GiftCodeBatch.idFor(store, k)).orElseGet(GiftCodeBatch::randomId);
        if (key.isPresent()) {
            Optional<GiftCodeBatch> existing = codes.findBatch(store, batchId);
            if (existing.isPresent()) {
                return again(existing.get(), creation, requestHash);
            }
        }
        if (creation.count() <= GiftCodeRepository.MAX_CHUNK) {
            return createAtOnce(store, batchId, creation, requestHash);
        }
        // Asked before the first write: if this process dies at any point after, the batch is still looked after.
        followUp.checkLater(store, batchId, lease.multipliedBy(2));
        Instant now = clock.instant();
        String myLease = UUID.randomUUID().toString();
        GiftCodeBatch batch = GiftCodeBatch.pending(store, batchId, creation.mode(), creation.count(), requestHash,
                myLease, now.plus(lease), now);
        if (!codes.startBatch(batch)) {
            // A concurrent request with the same key started it a moment ago.
            return again(codes.findBatch(store, batchId).orElseThrow(), creation, requestHash);
        }
        return write(batch, creation, List.of());
    }

    private Created createAtOnce(StoreCode store, String batchId, Creation creation, String requestHash) {
        Instant now = clock.instant();
        GiftCodeBatch batch = GiftCodeBatch.completeAtOnce(store, batchId, creation.mode(), creation.count(),
                requestHash, now);
        Set<CodeValue> drawn = new HashSet<>();
        Map<CodeValue, GiftCode> all = new LinkedHashMap<>();
        if (creation instanceof Listed listed) {
            listed.codes().forEach((code, terms) -> all.put(code, newCode(store, code, terms, now, batchId, false)));
        } else {
            draw((Generation) creation, store, all, creation.count(), drawn, now, batchId, false);
        }
        for (int round = 1; ; round++) {
            CreateOutcome outcome = codes.createAtOnce(batch, List.copyOf(all.values()));
            if (outcome instanceof CreateOutcome.Created) {
                return new Created(batchId, List.copyOf(all.values()), false, true);
            }
            if (outcome instanceof CreateOutcome.BatchExists) {
                return again(codes.findBatch(store, batchId).orElseThrow(), creation, requestHash);
            }
            List<CodeValue> taken = ((CreateOutcome.CodesTaken) outcome).codes();
            if (creation instanceof Listed) {
                throw new AlreadyExistsException(taken.stream().map(CodeValue::value).toList());
            }
            if (round == MAX_COLLISION_ROUNDS) {
                throw tooManyCollisions((Generation) creation);
            }
            taken.forEach(all::remove); // the transaction wrote nothing: draw replacements, retry
            draw((Generation) creation, store, all, creation.count(), drawn, now, batchId, false);
        }
    }

    /** Writes the rest of a PENDING batch held under {@code batch.lease()}, commits it and rolls it forward. */
    private Created write(GiftCodeBatch batch, Creation creation, List<GiftCodeRepository.Chunk> done) {
        StoreCode store = batch.store();
        String id = batch.id();
        Instant createdAt = batch.createdAt();
        Set<CodeValue> mine = new HashSet<>();
        done.forEach(chunk -> mine.addAll(chunk.codes()));
        int index = batch.chunks();
        int written = batch.written();
        List<GiftCode> result = new ArrayList<>(rebuild(store, id, creation, done, createdAt));
        if (creation instanceof Listed listed) {
            List<CodeValue> remaining = listed.codes().keySet().stream().filter(c -> !mine.contains(c)).toList();
            List<CodeValue> taken = codes.existing(store, remaining);
            if (!taken.isEmpty()) {
                giveUp(batch);
                throw new AlreadyExistsException(taken.stream().map(CodeValue::value).toList());
            }
            for (int from = 0; from < remaining.size(); from += GiftCodeRepository.MAX_CHUNK) {
                List<GiftCode> chunk = remaining.subList(from, Math.min(remaining.size(), from + GiftCodeRepository.MAX_CHUNK))
                        .stream().map(c -> newCode(store, c, listed.codes().get(c), createdAt, id, true)).toList();
                ChunkOutcome outcome = writeChunk(batch, index, chunk);
                if (outcome instanceof ChunkOutcome.CodesTaken t) {
                    // Taken by a concurrent request after our check: nothing of this request may stay.
                    giveUp(batch);
                    throw new AlreadyExistsException(t.codes().stream().map(CodeValue::value).toList());
                }
                index++;
                written += chunk.size();
            }
            result = listed.codes().entrySet().stream()
                    .map(e -> newCode(store, e.getKey(), e.getValue(), createdAt, id, true)).toList();
        } else {
            Generation generation = (Generation) creation;
            Set<CodeValue> drawn = new HashSet<>(mine);
            while (written < generation.count()) {
                int size = Math.min(GiftCodeRepository.MAX_CHUNK, generation.count() - written);
                Map<CodeValue, GiftCode> chunk = new LinkedHashMap<>();
                drawOrGiveUp(batch, generation, chunk, size, drawn);
                for (int round = 1; ; round++) {
                    ChunkOutcome outcome = writeChunk(batch, index, List.copyOf(chunk.values()));
                    if (outcome instanceof ChunkOutcome.Written) {
                        break;
                    }
                    if (round == MAX_COLLISION_ROUNDS) {
                        giveUp(batch);
                        throw tooManyCollisions(generation);
                    }
                    ((ChunkOutcome.CodesTaken) outcome).codes().forEach(chunk::remove);
                    drawOrGiveUp(batch, generation, chunk, size, drawn);
                }
                index++;
                written += size;
                result.addAll(chunk.values());
            }
        }
        if (!codes.commit(store, id, batch.lease(), creation.count(), clock.instant())) {
            throw lost(id);
        }
        rollForward(store, id);
        return new Created(id, committed(result), false, true);
    }

    /** A code space too small to draw from ends the batch: nothing of it may stay. */
    private void drawOrGiveUp(GiftCodeBatch batch, Generation generation, Map<CodeValue, GiftCode> into, int size,
                              Set<CodeValue> drawn) {
        try {
            draw(generation, batch.store(), into, size, drawn, batch.createdAt(), batch.id(), true);
        } catch (IllegalStateException tooSmall) {
            giveUp(batch);
            throw tooSmall;
        }
    }

    /** One chunk under the lease; a lost lease ends this writer (someone else holds the batch now). */
    private ChunkOutcome writeChunk(GiftCodeBatch batch, int index, List<GiftCode> chunk) {
        Instant now = clock.instant();
        ChunkOutcome outcome = codes.writeChunk(batch.store(), batch.id(), batch.lease(), index, chunk,
                now.plus(lease), now.plus(PENDING_TTL));
        if (outcome instanceof ChunkOutcome.LeaseLost) {
            throw lost(batch.id());
        }
        return outcome;
    }

    private InProgressException lost(String batchId) {
        return new InProgressException("Batch " + batchId + " was taken over or given up while this request wrote it;"
                + " nothing of this request is usable on its own", clock.instant().plus(lease));
    }

    /** The same batch asked for again: finish, answer, resume or restart it. */
    private Created again(GiftCodeBatch batch, Creation creation, String requestHash) {
        if (!batch.requestHash().equals(requestHash)) {
            throw new KeyReusedException(batch.id());
        }
        StoreCode store = batch.store();
        Instant now = clock.instant();
        switch (batch.status()) {
            case COMPLETE -> {
                if (!batch.finished()) {
                    rollForward(store, batch.id());
                }
                List<GiftCode> all = rebuild(store, batch.id(), creation, allChunks(store, batch.id()), batch.createdAt());
                return new Created(batch.id(), committed(all), true, !batch.eventsEmitted());
            }
            case PENDING -> {
                if (batch.leaseLive(now)) {
                    throw new InProgressException("Batch " + batch.id() + " is being written by another request"
                            + " with this Idempotency-Key", batch.leaseUntil());
                }
                String myLease = UUID.randomUUID().toString();
                Instant until = now.plus(lease);
                if (!codes.takeOver(store, batch.id(), batch.lease(), myLease, until)) {
                    throw new InProgressException("Batch " + batch.id() + " was taken over by another request"
                            + " with this Idempotency-Key", until);
                }
                followUp.checkLater(store, batch.id(), lease.multipliedBy(2));
                GiftCodeBatch mine = withLease(batch, BatchStatus.PENDING, myLease, until, batch.written(), batch.chunks());
                return write(mine, creation, allChunks(store, batch.id()));
            }
            case ABANDONED -> {
                if (!batch.cleaned()) {
                    clean(store, batch.id());
                }
                String myLease = UUID.randomUUID().toString();
                Instant until = now.plus(lease);
                if (!codes.restart(store, batch.id(), myLease, until, now)) {
                    throw new InProgressException("Batch " + batch.id() + " was restarted by another request"
                            + " with this Idempotency-Key", until);
                }
                followUp.checkLater(store, batch.id(), lease.multipliedBy(2));
                return write(withLease(batch, BatchStatus.PENDING, myLease, until, 0, 0), creation, List.of());
            }
            default -> throw new IllegalStateException("Unknown batch status " + batch.status());
        }
    }

    private static GiftCodeBatch withLease(GiftCodeBatch b, BatchStatus status, String lease, Instant until,
                                           int written, int chunks) {
        return new GiftCodeBatch(b.store(), b.id(), status, b.mode(), b.count(), written, chunks, b.requestHash(),
                lease, until, b.createdAt(), b.committedAt(), false, false, false, b.voidedAt());
    }

    /** The coupon-created events of the batch were handed to the webhook: a replay will not emit them again. */
    public void eventsEmitted(StoreCode store, String batchId) {
        codes.markEventsEmitted(store, batchId);
    }

    /**
     * The follow-up's look at a batch: a COMPLETE one is rolled forward (and its events are due if
     * nobody emitted them); a PENDING one whose writer's lease ran out is given up and its codes
     * deleted; one still held is looked at again when the lease runs out.
     */
    public Check check(StoreCode store, String batchId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<GiftCodeBatch> found = codes.findBatch(store, batchId);
            if (found.isEmpty()) {
                return new Check(List.of(), Optional.empty());
            }
            GiftCodeBatch batch = found.get();
            Instant now = clock.instant();
            switch (batch.status()) {
                case COMPLETE -> {
                    if (!batch.finished()) {
                        rollForward(store, batchId);
                    }
                    if (batch.eventsEmitted()) {
                        return new Check(List.of(), Optional.empty());
                    }
                    Instant writerDone = (batch.committedAt() == null ? now : batch.committedAt()).plus(lease);
                    if (writerDone.isAfter(now)) {
                        // Its writer may still be emitting them: only step in once it surely is gone.
                        return new Check(List.of(), Optional.of(writerDone));
                    }
                    List<CodeValue> all = new ArrayList<>();
                    allChunks(store, batchId).forEach(c -> all.addAll(c.codes()));
                    List<GiftCode> stored = new ArrayList<>();
                    for (int from = 0; from < all.size(); from += GiftCodeRepository.MAX_TRANSACTION) {
                        stored.addAll(codes.findAll(store, all.subList(from,
                                Math.min(all.size(), from + GiftCodeRepository.MAX_TRANSACTION))));
                    }
                    return new Check(committed(stored), Optional.empty());
                }
                case PENDING -> {
                    Instant presumedDead = batch.leaseUntil() == null ? now : batch.leaseUntil().plus(CLOCK_SKEW);
                    if (presumedDead.isAfter(now)) {
                        return new Check(List.of(), Optional.of(presumedDead));
                    }
                    if (codes.abandon(store, batchId, batch.lease(), Optional.of(now.minus(CLOCK_SKEW)))) {
                        clean(store, batchId);
                        return new Check(List.of(), Optional.empty());
                    }
                    // Taken over or committed meanwhile: look again.
                }
                case ABANDONED -> {
                    if (!batch.cleaned()) {
                        clean(store, batchId);
                    }
                    return new Check(List.of(), Optional.empty());
                }
                default -> throw new IllegalStateException("Unknown batch status " + batch.status());
            }
        }
        return new Check(List.of(), Optional.of(clock.instant().plus(lease)));
    }

    /** The listing of the store's codes, over the same table. */
    public GiftCodeListing listing() {
        return new GiftCodeListing(codes, clock);
    }

    /** The batch and how many codes it voided, at the time of the first void of the batch. */
    public record VoidedBatch(String batchId, int codes, Instant voidedAt) {
    }

    /** Voids one code (idempotent: a second void keeps the first time); empty when the store has no such code. */
    public Optional<GiftCode> voidCode(StoreCode store, CodeValue code) {
        return codes.voidCode(store, code, clock.instant());
    }

    /**
     * Voids every code of a committed batch, chunk by chunk. Idempotent, so a call cut short is
     * finished by calling again. Empty when there is no such batch, or it was given up (no code of
     * it exists).
     *
     * @throws InProgressException the batch is still being written: void it once it is complete
     */
    public Optional<VoidedBatch> voidBatch(StoreCode store, String batchId) {
        Optional<GiftCodeBatch> found = codes.findBatch(store, batchId);
        if (found.isEmpty() || found.get().status() == BatchStatus.ABANDONED) {
            return Optional.empty();
        }
        GiftCodeBatch batch = found.get();
        if (batch.status() == BatchStatus.PENDING) {
            throw new InProgressException("Batch " + batchId + " is still being created; void it once it is",
                    batch.leaseUntil() == null ? clock.instant() : batch.leaseUntil());
        }
        if (!batch.finished()) {
            rollForward(store, batchId);
        }
        Instant voidedAt = codes.markBatchVoided(store, batchId, clock.instant());
        for (GiftCodeRepository.Chunk chunk : allChunks(store, batchId)) {
            codes.voidCodes(store, batchId, chunk.codes(), voidedAt);
        }
        return Optional.of(new VoidedBatch(batchId, batch.count(), voidedAt));
    }

    /** This writer gives its batch up (a listed code is taken): no code of it may stay. */
    private void giveUp(GiftCodeBatch batch) {
        if (codes.abandon(batch.store(), batch.id(), batch.lease(), Optional.empty())) {
            clean(batch.store(), batch.id());
        }
    }

    /** Deletes an ABANDONED batch's pending codes and chunk records; its record stays a while for its key. */
    private void clean(StoreCode store, String batchId) {
        for (GiftCodeRepository.Chunk chunk : allChunks(store, batchId)) {
            codes.deletePending(store, batchId, chunk.codes());
            codes.deleteChunk(store, batchId, chunk.index());
        }
        codes.markCleaned(store, batchId, clock.instant().plus(ABANDONED_RECORD_TTL));
    }

    /** Clears the pending marks of a COMPLETE batch, so its codes read in one GetItem again. */
    private void rollForward(StoreCode store, String batchId) {
        for (GiftCodeRepository.Chunk chunk : allChunks(store, batchId)) {
            codes.clearPending(store, batchId, chunk.codes());
        }
        codes.markFinished(store, batchId);
    }

    private List<GiftCodeRepository.Chunk> allChunks(StoreCode store, String batchId) {
        List<GiftCodeRepository.Chunk> all = new ArrayList<>();
        for (int from = 0; ; ) {
            List<GiftCodeRepository.Chunk> page = codes.chunks(store, batchId, from, CHUNK_PAGE);
            all.addAll(page);
            if (page.size() < CHUNK_PAGE) {
                return all;
            }
            from = page.get(page.size() - 1).index() + 1;
        }
    }

    /** The codes of written chunks, as this request describes them (the same body wrote them). */
    private static List<GiftCode> rebuild(StoreCode store, String batchId, Creation creation,
                                          List<GiftCodeRepository.Chunk> chunks, Instant createdAt) {
        List<GiftCode> all = new ArrayList<>();
        if (creation instanceof Listed listed) {
            Set<CodeValue> written = new HashSet<>();
            chunks.forEach(c -> written.addAll(c.codes()));
            listed.codes().forEach((code, terms) -> {
                if (written.contains(code)) {
                    all.add(newCode(store, code, terms, createdAt, batchId, true));
                }
            });
        } else {
            GiftCodeTerms terms = ((Generation) creation).terms();
            chunks.forEach(c -> c.codes().forEach(code -> all.add(newCode(store, code, terms, createdAt, batchId, true))));
        }
        return all;
    }

    /** The codes as they are once their batch is COMPLETE and rolled forward. */
    private static List<GiftCode> committed(List<GiftCode> codes) {
        return codes.stream().map(c -> c.pending() ? c.inBatch(c.batchId(), false) : c).toList();
    }

    private static GiftCode newCode(StoreCode store, CodeValue code, GiftCodeTerms terms, Instant createdAt,
                                    String batchId, boolean pending) {
        return new GiftCode(store, code, terms, 0, createdAt, batchId, pending, null);
    }

    /** Adds fresh codes to {@code into} until it holds {@code size}, never one drawn before in this batch. */
    private void draw(Generation generation, StoreCode store, Map<CodeValue, GiftCode> into, int size,
                      Set<CodeValue> drawn, Instant createdAt, String batchId, boolean pending) {
        for (int draws = 0; into.size() < size; draws++) {
            if (draws > MAX_DRAWS_PER_CODE * size) {
                throw new IllegalStateException("Prefix " + generation.prefix() + " with " + generation.randomLength()
                        + " random characters leaves too few unused codes");
            }
            CodeValue candidate = CodeValue.of(generator.next(generation.prefix(), generation.randomLength()));
            if (drawn.add(candidate)) {
                into.put(candidate, newCode(store, candidate, generation.terms(), createdAt, batchId, pending));
            }
        }
    }

    private static IllegalStateException tooManyCollisions(Generation generation) {
        return new IllegalStateException("Could not find unused codes for prefix " + generation.prefix()
                + " after " + MAX_COLLISION_ROUNDS + " rounds");
    }
}

package org.serverlessloyalty.shared.giftcode.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.serverlessloyalty.shared.fakes.Fixtures.code;
import static org.serverlessloyalty.shared.fakes.Fixtures.store;
import static org.serverlessloyalty.shared.fakes.Fixtures.terms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.InMemoryGiftCodeRepository;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.port.BatchFollowUp;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.giftcode.rules.GiftCodeRules;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog.Created;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog.Generation;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog.Listed;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.persistence.AlreadyExistsException;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;

class GiftCodeCatalogTest {

    private static final Store STORE = store("13");
    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final GiftCodeTerms TERMS = terms().value("10").build();
    private static final Duration LEASE = GiftCodeCatalog.DEFAULT_LEASE;
    private static final Optional<IdempotencyKey> NO_KEY = Optional.empty();
    private static final Optional<IdempotencyKey> KEY = Optional.of(new IdempotencyKey("order-2026-06-15-a"));

    private final InMemoryGiftCodeRepository repository = new InMemoryGiftCodeRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> followUps = new ArrayList<>();
    private final BatchFollowUp followUp = (store, batchId, delay) -> followUps.add(batchId + "@" + delay.toSeconds());

    private GiftCodeCatalog catalog(CodeGenerator generator) {
        return new GiftCodeCatalog(repository, generator, clock, followUp, LEASE);
    }

    private GiftCodeCatalog catalog() {
        return catalog(new CodeGenerator());
    }

    /** {@code count} listed codes LIST-0000, LIST-0001, ... in order. */
    private static Map<CodeValue, GiftCodeTerms> listed(int count) {
        Map<CodeValue, GiftCodeTerms> codes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            codes.put(CodeValue.of(String.format("LIST-%04d", i)), TERMS);
        }
        return codes;
    }

    private static CodeValue listedCode(int i) {
        return CodeValue.of(String.format("LIST-%04d", i));
    }

    private Set<CodeValue> storedCodes() {
        return repository.rows().stream().map(r -> r.code().code()).collect(Collectors.toSet());
    }

    /** The stored codes a checkout or an order could use now (their creation committed, not voided, in date). */
    private List<GiftCode> usable() {
        return repository.rows().stream().map(InMemoryGiftCodeRepository.Row::code)
                .filter(c -> GiftCodeRules.unavailability(c,
                        c.pending() ? repository.batch(c.store(), c.batchId()).map(GiftCodeBatch::status) : Optional.empty(),
                        clock.instant(), STORE.timezone()).isEmpty())
                .toList();
    }

    private static RuntimeException crash() {
        return new IllegalStateException("the process died here");
    }

    // --- listed codes -------------------------------------------------------------------------

    @Nested
    class ListedCodes {

        @Test
        void aFewCodesAreWrittenInOneTransactionWithTheirBatchCommitted() {
            Created created = catalog().create(STORE.code(), new Listed(listed(3)), "h", NO_KEY);

            assertThat(created.codes()).extracting(GiftCode::code).containsExactlyElementsOf(listed(3).keySet());
            assertThat(repository.insertCalls()).hasSize(1);
            GiftCodeBatch batch = repository.batch(STORE.code(), created.batchId()).orElseThrow();
            assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETE);
            assertThat(batch.finished()).isTrue();
            assertThat(repository.rows()).allSatisfy(r -> {
                assertThat(r.code().pending()).isFalse();
                assertThat(r.expiresAt()).isNull();
                assertThat(r.batchId()).isEqualTo(created.batchId());
            });
            assertThat(followUps).as("one transaction cannot be left half done").isEmpty();
        }

        @Test
        void manyCodesAreWrittenInChunksThenCommittedAndRolledForward() {
            Created created = catalog().create(STORE.code(), new Listed(listed(250)), "h", NO_KEY);

            assertThat(created.codes()).hasSize(250);
            assertThat(created.codes()).allSatisfy(c -> {
                assertThat(c.store()).isEqualTo(STORE.code());
                assertThat(c.terms()).isEqualTo(TERMS);
                assertThat(c.usedCount()).isZero();
                assertThat(c.createdAt()).isEqualTo(NOW);
                assertThat(c.pending()).isFalse();
            });
            assertThat(storedCodes()).isEqualTo(listed(250).keySet());
            assertThat(repository.insertCalls()).extracting(List::size).containsExactly(98, 98, 54);
            assertThat(repository.rows()).allSatisfy(r -> {
                assertThat(r.batchId()).isEqualTo(created.batchId());
                assertThat(r.code().pending()).as("rolled forward").isFalse();
                assertThat(r.expiresAt()).isNull();
            });
            assertThat(repository.batch(STORE.code(), created.batchId()).orElseThrow().finished()).isTrue();
            assertThat(followUps).containsExactly(created.batchId() + "@" + LEASE.multipliedBy(2).toSeconds());
        }

        @Test
        void aPreExistingCodeRefusesTheWholeListNamingItAndLeavesNothing() {
            repository.with(code(STORE, "LIST-0042", terms().value("1").build()));

            var e = catchThrowableOfType(AlreadyExistsException.class,
                    () -> catalog().create(STORE.code(), new Listed(listed(250)), "h", NO_KEY));

            assertThat(e.keys()).containsExactly("LIST-0042");
            assertThat(repository.insertCalls()).isEmpty();
            assertThat(repository.rows()).hasSize(1);
            assertThat(repository.find(STORE.code(), listedCode(42)).orElseThrow().terms().value())
                    .as("the existing code is untouched").isEqualByComparingTo("1");
            assertThat(repository.batches()).singleElement().satisfies(b -> {
                assertThat(b.status()).isEqualTo(BatchStatus.ABANDONED);
                assertThat(b.cleaned()).isTrue();
            });
        }

        @Test
        void aFewCodesNameEveryPreExistingOne() {
            repository.with(code(STORE, "LIST-0001", TERMS)).with(code(STORE, "LIST-0007", TERMS));

            var e = catchThrowableOfType(AlreadyExistsException.class,
                    () -> catalog().create(STORE.code(), new Listed(listed(10)), "h", NO_KEY));

            assertThat(e.keys()).containsExactlyInAnyOrder("LIST-0001", "LIST-0007");
            assertThat(repository.rows()).hasSize(2);
            assertThat(repository.batches()).isEmpty();
        }

        @Test
        void aCodeTakenConcurrentlyInTheThirdChunkLeavesNothingOfTheRequest() {
            GiftCode theirs = code(STORE, "LIST-0220", terms().value("99").build());
            repository.beforeInsert(call -> {
                if (call == 3) {
                    repository.writeConcurrently(theirs); // another request won the race after our check
                }
            });

            var e = catchThrowableOfType(AlreadyExistsException.class,
                    () -> catalog().create(STORE.code(), new Listed(listed(250)), "h", NO_KEY));

            assertThat(e.keys()).containsExactly("LIST-0220");
            assertThat(repository.rows()).as("nothing of ours is left; the concurrent code is kept")
                    .extracting(r -> r.code().code()).containsExactly(theirs.code());
        }

        @Test
        void aCrashMidWayLeavesNoUsableCodeAndTheFollowUpRemovesThem() {
            repository.beforeInsert(call -> {
                if (call == 2) {
                    throw crash();
                }
            });

            assertThat(catchThrowable(() -> catalog().create(STORE.code(), new Listed(listed(250)), "h", NO_KEY)))
                    .hasMessageContaining("died");

            assertThat(repository.rows()).hasSize(98).allSatisfy(r -> {
                assertThat(r.code().pending()).isTrue();
                assertThat(r.expiresAt()).as("the TTL backstop").isEqualTo(NOW.plus(Duration.ofDays(30)));
            });
            assertThat(usable()).isEmpty();

            String batchId = followUps.get(0).split("@")[0];
            var early = catalog().check(STORE.code(), batchId);
            assertThat(early.checkAgainAt()).as("the writer may still be alive").isPresent();
            assertThat(repository.rows()).hasSize(98);

            clock.advance(LEASE.plusSeconds(6));
            var late = catalog().check(STORE.code(), batchId);
            assertThat(late.checkAgainAt()).isEmpty();
            assertThat(repository.rows()).isEmpty();
            assertThat(repository.batch(STORE.code(), batchId).orElseThrow().status()).isEqualTo(BatchStatus.ABANDONED);
        }
    }

    // --- generated codes ----------------------------------------------------------------------

    @Nested
    class GeneratedCodes {

        @Test
        void generateWritesAThousandDistinctCodesWithThePrefix() {
            List<GiftCode> created = catalog().generate(STORE.code(), "SUMMER-", 11, 1_000, TERMS);

            assertThat(created).hasSize(1_000);
            Set<CodeValue> codes = created.stream().map(GiftCode::code).collect(Collectors.toSet());
            assertThat(codes).hasSize(1_000);
            assertThat(codes).allSatisfy(c ->
                    assertThat(c.value()).matches("SUMMER-[" + CodeGenerator.ALPHABET + "]{11}"));
            assertThat(storedCodes()).isEqualTo(codes);
            assertThat(created).allSatisfy(c -> {
                assertThat(c.terms()).isEqualTo(TERMS);
                assertThat(c.createdAt()).isEqualTo(NOW);
            });
            assertThat(repository.insertCalls()).allSatisfy(chunk ->
                    assertThat(chunk).hasSizeLessThanOrEqualTo(GiftCodeRepository.MAX_CHUNK));
            assertThat(usable()).hasSize(1_000);
        }

        @Test
        void collisionsAreRetriedWithNewCodesAndNeverOverwritten() {
            // The store already has the first 150 codes this seeded generator will draw.
            CodeGenerator twin = new CodeGenerator(new SplittableRandom(2026));
            GiftCodeTerms theirTerms = terms().value("1").description("someone else's").build();
            Set<CodeValue> taken = new HashSet<>();
            for (int i = 0; i < 150; i++) {
                GiftCode existing = code(STORE, twin.next("SUMMER-", 11), theirTerms);
                repository.with(existing);
                taken.add(existing.code());
            }

            List<GiftCode> created = catalog(new CodeGenerator(new SplittableRandom(2026)))
                    .generate(STORE.code(), "SUMMER-", 11, 1_000, TERMS);

            assertThat(created).hasSize(1_000);
            assertThat(created).extracting(GiftCode::code).doesNotContainAnyElementsOf(taken).doesNotHaveDuplicates();
            assertThat(repository.overwriteAttempts()).as("the fake did report collisions").isPositive();
            assertThat(repository.rows()).hasSize(1_150);
            for (CodeValue code : taken) {
                var row = repository.row(STORE.code(), code).orElseThrow();
                assertThat(row.batchId()).as("not ours").isNull();
                assertThat(row.code().terms()).isEqualTo(theirTerms);
            }
        }

        @Test
        void tooManyCollisionsGiveUpAndLeaveNothingOfTheRequest() {
            // From the third transaction on, a concurrent writer has taken every code we try.
            repository.beforeInsert(call -> {
                if (call >= 3) {
                    var tried = repository.insertCalls().get(call - 1);
                    tried.forEach(c -> repository.writeConcurrently(code(STORE, c.value(), TERMS)));
                }
            });

            Throwable thrown = catchThrowable(() -> catalog().generate(STORE.code(), "X-", 11, 250, TERMS));

            assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("X-");
            assertThat(repository.insertCalls().size()).as("a bounded number of rounds").isBetween(4, 20);
            assertThat(repository.rows()).extracting(InMemoryGiftCodeRepository.Row::batchId).containsOnly("concurrent");
        }

        @Test
        void generatedCodesAreWrittenUnderOneBatch() {
            Created created = catalog().create(STORE.code(), new Generation("B-", 11, 250, TERMS), "h", NO_KEY);
            assertThat(repository.rows()).hasSize(250)
                    .extracting(InMemoryGiftCodeRepository.Row::batchId).containsOnly(created.batchId());
        }

        @Test
        void generateFailsInsteadOfSpinningWhenTheCodeSpaceIsTooSmall() {
            assertThatThrownBy(() -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> catalog().generate(STORE.code(), "P-", 1, 100, TERMS)))
                    .isInstanceOfAny(IllegalStateException.class, IllegalArgumentException.class);
            assertThat(repository.rows()).isEmpty();
        }
    }

    // --- Idempotency-Key: a crash, then the same request again ---------------------------------

    @Nested
    class RetriedWithTheSameKey {

        private final Generation fiveThousand = new Generation("GEN-", 12, 5_000, TERMS);

        @Test
        void aGenerationCutShortLeavesNothingUsableAndTheSameKeyFinishesExactlyItsCount() {
            repository.beforeInsert(call -> {
                if (call == 15) {
                    throw crash(); // 14 chunks (1,372 codes) written, then the process dies
                }
            });
            assertThat(catchThrowable(() -> catalog().create(STORE.code(), fiveThousand, "body-1", KEY)))
                    .hasMessageContaining("died");
            assertThat(repository.rows()).hasSize(14 * 98);
            assertThat(usable()).as("nothing of a cut-short generation may be used").isEmpty();

            repository.beforeInsert(call -> { });
            var tooEarly = catchThrowableOfType(GiftCodeCatalog.InProgressException.class,
                    () -> catalog().create(STORE.code(), fiveThousand, "body-1", KEY));
            assertThat(tooEarly.retryAt()).isEqualTo(NOW.plus(LEASE));

            clock.advance(LEASE.plusSeconds(1));
            Created finished = catalog().create(STORE.code(), fiveThousand, "body-1", KEY);

            assertThat(finished.codes()).hasSize(5_000).extracting(GiftCode::code).doesNotHaveDuplicates();
            assertThat(finished.codes().stream().map(GiftCode::code).collect(Collectors.toSet()))
                    .isEqualTo(storedCodes());
            assertThat(repository.rows()).hasSize(5_000);
            assertThat(usable()).hasSize(5_000);
            assertThat(finished.batchId()).isEqualTo(GiftCodeBatch.idFor(STORE.code(), KEY.get()));
        }

        @Test
        void theSameKeyAgainAfterSuccessAnswersTheSameCodesAndWritesNothing() {
            Created first = catalog().create(STORE.code(), fiveThousand, "body-1", KEY);
            int writes = repository.insertCalls().size();
            catalog().eventsEmitted(STORE.code(), first.batchId());

            Created again = catalog().create(STORE.code(), fiveThousand, "body-1", KEY);

            assertThat(again.replayed()).isTrue();
            assertThat(again.eventsDue()).isFalse();
            assertThat(again.codes()).extracting(GiftCode::code)
                    .containsExactlyElementsOf(first.codes().stream().map(GiftCode::code).toList());
            assertThat(repository.insertCalls()).hasSize(writes);
            assertThat(repository.rows()).hasSize(5_000);
        }

        @Test
        void aListedCreationReplayedAnswersItsCodesInTheRequestOrder() {
            Created first = catalog().create(STORE.code(), new Listed(listed(250)), "body-1", KEY);
            Created again = catalog().create(STORE.code(), new Listed(listed(250)), "body-1", KEY);
            assertThat(again.codes()).isEqualTo(first.codes());
            Map<CodeValue, GiftCodeTerms> three = Map.of(CodeValue.of("SMALL-1"), TERMS);
            Created small = catalog().create(STORE.code(), new Listed(three), "body-2",
                    Optional.of(new IdempotencyKey("small")));
            Created smallAgain = catalog().create(STORE.code(), new Listed(three), "body-2",
                    Optional.of(new IdempotencyKey("small")));
            assertThat(smallAgain.replayed()).isTrue();
            assertThat(smallAgain.codes()).isEqualTo(small.codes());
        }

        @Test
        void theSameKeyWithAnotherBodyIsRefusedAndWritesNothing() {
            catalog().create(STORE.code(), fiveThousand, "body-1", KEY);
            int writes = repository.insertCalls().size();

            assertThatThrownBy(() -> catalog().create(STORE.code(), new Generation("GEN-", 12, 4_999, TERMS), "body-2", KEY))
                    .isInstanceOf(GiftCodeCatalog.KeyReusedException.class);
            assertThat(repository.insertCalls()).hasSize(writes);
        }

        @Test
        void theSameKeyOnAnotherStoreIsAnotherRequest() {
            Created here = catalog().create(STORE.code(), new Listed(listed(2)), "body-1", KEY);
            Created there = catalog().create(new StoreCode("14"), new Listed(listed(2)), "body-1", KEY);
            assertThat(there.replayed()).isFalse();
            assertThat(there.batchId()).isNotEqualTo(here.batchId());
        }

        @Test
        void aZombieWriterCannotAddCodesAfterAnotherTookItsBatchOver() {
            GiftCodeCatalog zombie = catalog();
            GiftCodeCatalog retry = catalog();
            List<Runnable> once = new ArrayList<>();
            once.add(() -> {
                // The first writer stalls past its lease; a retry takes over and finishes meanwhile.
                clock.advance(LEASE.plusSeconds(1));
                retry.create(STORE.code(), fiveThousand, "body-1", KEY);
            });
            repository.beforeInsert(call -> {
                if (call == 3 && !once.isEmpty()) {
                    once.remove(0).run();
                }
            });

            assertThatThrownBy(() -> zombie.create(STORE.code(), fiveThousand, "body-1", KEY))
                    .isInstanceOf(GiftCodeCatalog.InProgressException.class);
            assertThat(repository.rows()).hasSize(5_000);
            assertThat(usable()).hasSize(5_000);
        }

        @Test
        void afterTheFollowUpGaveTheBatchUpTheSameKeyStartsItAgain() {
            repository.beforeInsert(call -> {
                if (call == 5) {
                    throw crash();
                }
            });
            catchThrowable(() -> catalog().create(STORE.code(), fiveThousand, "body-1", KEY));
            repository.beforeInsert(call -> { });
            String batchId = GiftCodeBatch.idFor(STORE.code(), KEY.get());
            clock.advance(LEASE.plusSeconds(10));
            catalog().check(STORE.code(), batchId);
            assertThat(repository.rows()).isEmpty();

            Created again = catalog().create(STORE.code(), fiveThousand, "body-1", KEY);

            assertThat(again.codes()).hasSize(5_000);
            assertThat(repository.rows()).hasSize(5_000);
            assertThat(usable()).hasSize(5_000);
        }

        @Test
        void aCrashAfterTheCommitPointLeavesUsableCodesThatTheFollowUpRollsForward() {
            repository.beforeInsert(call -> { });
            GiftCodeRepository crashingAfterCommit = new CrashAfterCommit(repository);
            GiftCodeCatalog dying = new GiftCodeCatalog(crashingAfterCommit, new CodeGenerator(), clock, followUp, LEASE);
            assertThat(catchThrowable(() -> dying.create(STORE.code(), fiveThousand, "body-1", KEY))).hasMessageContaining("died");
            assertThat(repository.rows()).allSatisfy(r -> assertThat(r.code().pending()).isTrue());
            assertThat(usable()).as("committed: usable through the batch read").hasSize(5_000);

            clock.advance(LEASE.plusSeconds(10));
            var check = catalog().check(STORE.code(), GiftCodeBatch.idFor(STORE.code(), KEY.get()));

            assertThat(repository.rows()).allSatisfy(r -> {
                assertThat(r.code().pending()).isFalse();
                assertThat(r.expiresAt()).as("no TTL left on a committed code").isNull();
            });
            assertThat(check.eventsDue()).as("nobody emitted their coupon-created events").hasSize(5_000);
        }
    }

    // --- voiding ------------------------------------------------------------------------------

    @Nested
    class Voiding {

        @Test
        void voidingABatchVoidsEachOfItsCodesOnceAndKeepsTheFirstTime() {
            Created created = catalog().create(STORE.code(), new Listed(listed(250)), "h", NO_KEY);
            repository.with(code(STORE, "OTHER", TERMS));

            var voided = catalog().voidBatch(STORE.code(), created.batchId()).orElseThrow();
            clock.advance(Duration.ofHours(1));
            var again = catalog().voidBatch(STORE.code(), created.batchId()).orElseThrow();

            assertThat(voided.codes()).isEqualTo(250);
            assertThat(again.voidedAt()).isEqualTo(voided.voidedAt()).isEqualTo(NOW);
            assertThat(repository.rows()).filteredOn(r -> created.batchId().equals(r.batchId()))
                    .hasSize(250).allSatisfy(r -> assertThat(r.code().voidedAt()).isEqualTo(NOW));
            assertThat(repository.find(STORE.code(), CodeValue.of("OTHER")).orElseThrow().voided()).isFalse();
            assertThat(usable()).extracting(GiftCode::code).containsExactly(CodeValue.of("OTHER"));
        }

        @Test
        void aBatchStillBeingWrittenCannotBeVoidedAndAnUnknownOneIsNotFound() {
            repository.beforeInsert(call -> {
                if (call == 2) {
                    throw crash();
                }
            });
            catchThrowable(() -> catalog().create(STORE.code(), new Listed(listed(250)), "h", KEY));
            String batchId = GiftCodeBatch.idFor(STORE.code(), KEY.get());

            assertThatThrownBy(() -> catalog().voidBatch(STORE.code(), batchId))
                    .isInstanceOf(GiftCodeCatalog.InProgressException.class);
            assertThat(catalog().voidBatch(STORE.code(), "no-such-batch")).isEmpty();
        }

        @Test
        void voidingACodeKeepsItsFirstVoidTime() {
            repository.with(code(STORE, "ONE", TERMS));
            assertThat(catalog().voidCode(STORE.code(), CodeValue.of("ONE")).orElseThrow().voidedAt()).isEqualTo(NOW);
            clock.advance(Duration.ofMinutes(5));
            assertThat(catalog().voidCode(STORE.code(), CodeValue.of("ONE")).orElseThrow().voidedAt()).isEqualTo(NOW);
            assertThat(catalog().voidCode(STORE.code(), CodeValue.of("NONE"))).isEmpty();
        }
    }

    /** The repository of a process that dies right after its commit point, before the roll forward. */
    private static final class CrashAfterCommit implements GiftCodeRepository {
        private final GiftCodeRepository delegate;

        CrashAfterCommit(GiftCodeRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean commit(StoreCode store, String batchId, String lease, int count, Instant now) {
            boolean done = delegate.commit(store, batchId, lease, count, now);
            throw new IllegalStateException("the process died right after committing (" + done + ")");
        }

        // Everything else passes through.
        @Override public Optional<GiftCode> find(StoreCode s, CodeValue c) { return delegate.find(s, c); }
        @Override public Optional<CodeRead> findForUse(StoreCode s, CodeValue c) { return delegate.findForUse(s, c); }
        @Override public ValidationReads readForValidation(StoreCode s, CodeValue c, String g, List<CodeValue> a) {
            return delegate.readForValidation(s, c, g, a);
        }
        @Override public List<CodeValue> existing(StoreCode s, java.util.Collection<CodeValue> c) { return delegate.existing(s, c); }
        @Override public List<GiftCode> findAll(StoreCode s, java.util.Collection<CodeValue> c) { return delegate.findAll(s, c); }
        @Override public CodePage listCodes(StoreCode s, CodeQuery q) { return delegate.listCodes(s, q); }
        @Override public Optional<GiftCodeBatch> findBatch(StoreCode s, String b) { return delegate.findBatch(s, b); }
        @Override public Map<String, BatchStatus> batchStatuses(StoreCode s, Set<String> b) { return delegate.batchStatuses(s, b); }
        @Override public List<Chunk> chunks(StoreCode s, String b, int f, int m) { return delegate.chunks(s, b, f, m); }
        @Override public CreateOutcome createAtOnce(GiftCodeBatch b, List<GiftCode> c) { return delegate.createAtOnce(b, c); }
        @Override public boolean startBatch(GiftCodeBatch b) { return delegate.startBatch(b); }
        @Override public ChunkOutcome writeChunk(StoreCode s, String b, String l, int i, List<GiftCode> c, Instant u, Instant e) {
            return delegate.writeChunk(s, b, l, i, c, u, e);
        }
        @Override public void clearPending(StoreCode s, String b, List<CodeValue> c) { delegate.clearPending(s, b, c); }
        @Override public void markFinished(StoreCode s, String b) { delegate.markFinished(s, b); }
        @Override public void markEventsEmitted(StoreCode s, String b) { delegate.markEventsEmitted(s, b); }
        @Override public boolean takeOver(StoreCode s, String b, String o, String n, Instant u) { return delegate.takeOver(s, b, o, n, u); }
        @Override public boolean restart(StoreCode s, String b, String n, Instant u, Instant now) { return delegate.restart(s, b, n, u, now); }
        @Override public boolean abandon(StoreCode s, String b, String l, Optional<Instant> by) { return delegate.abandon(s, b, l, by); }
        @Override public void deletePending(StoreCode s, String b, List<CodeValue> c) { delegate.deletePending(s, b, c); }
        @Override public void deleteChunk(StoreCode s, String b, int i) { delegate.deleteChunk(s, b, i); }
        @Override public void markCleaned(StoreCode s, String b, Instant e) { delegate.markCleaned(s, b, e); }
        @Override public Optional<GiftCode> voidCode(StoreCode s, CodeValue c, Instant n) { return delegate.voidCode(s, c, n); }
        @Override public Instant markBatchVoided(StoreCode s, String b, Instant n) { return delegate.markBatchVoided(s, b, n); }
        @Override public void voidCodes(StoreCode s, String b, List<CodeValue> c, Instant v) { delegate.voidCodes(s, b, c, v); }
    }
}

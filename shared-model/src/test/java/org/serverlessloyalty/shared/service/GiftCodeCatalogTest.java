package org.serverlessloyalty.shared.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.serverlessloyalty.shared.fakes.Fixtures.code;
import static org.serverlessloyalty.shared.fakes.Fixtures.store;
import static org.serverlessloyalty.shared.fakes.Fixtures.terms;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.InMemoryGiftCodeRepository;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.model.CodeValue;
import org.serverlessloyalty.shared.model.GiftCode;
import org.serverlessloyalty.shared.model.GiftCodeTerms;
import org.serverlessloyalty.shared.model.Store;
import org.serverlessloyalty.shared.rules.CodeGenerator;
import org.serverlessloyalty.shared.store.AlreadyExistsException;
import org.serverlessloyalty.shared.store.GiftCodeRepository;

class GiftCodeCatalogTest {

    private static final Store STORE = store("13");
    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final GiftCodeTerms TERMS = terms().value("10").build();

    private final InMemoryGiftCodeRepository repository = new InMemoryGiftCodeRepository();
    private final MutableClock clock = new MutableClock(NOW);

    private GiftCodeCatalog catalog(CodeGenerator generator) {
        return new GiftCodeCatalog(repository, generator, clock);
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

    // --- listed codes -------------------------------------------------------------------------

    @Test
    void createListedWritesEveryCodeInChunksTheRepositoryAccepts() {
        List<GiftCode> created = catalog().createListed(STORE.code(), listed(250));

        assertThat(created).hasSize(250);
        assertThat(created).allSatisfy(c -> {
            assertThat(c.store()).isEqualTo(STORE.code());
            assertThat(c.terms()).isEqualTo(TERMS);
            assertThat(c.usedCount()).isZero();
            assertThat(c.createdAt()).isEqualTo(NOW);
        });
        assertThat(storedCodes()).isEqualTo(listed(250).keySet());
        assertThat(repository.insertCalls()).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(repository.rows()).extracting(InMemoryGiftCodeRepository.Row::batchId).containsOnly(
                repository.rows().get(0).batchId());
    }

    @Test
    void aPreExistingCodeRefusesTheWholeListNamingItAndWritesNothing() {
        repository.with(code(STORE, "LIST-0042", terms().value("1").build()));

        var e = catchThrowableOfType(AlreadyExistsException.class,
                () -> catalog().createListed(STORE.code(), listed(250)));

        assertThat(e).isNotNull();
        assertThat(e.keys()).containsExactly("LIST-0042");
        assertThat(repository.insertCalls()).isEmpty();
        assertThat(repository.rows()).hasSize(1);
        assertThat(repository.find(STORE.code(), listedCode(42)).orElseThrow().terms().value())
                .as("the existing code is untouched").isEqualByComparingTo("1");
    }

    @Test
    void everyPreExistingCodeIsNamed() {
        repository.with(code(STORE, "LIST-0001", TERMS)).with(code(STORE, "LIST-0199", TERMS));

        var e = catchThrowableOfType(AlreadyExistsException.class,
                () -> catalog().createListed(STORE.code(), listed(250)));

        assertThat(e.keys()).containsExactlyInAnyOrder("LIST-0001", "LIST-0199");
        assertThat(repository.writes()).isZero();
    }

    @Test
    void aCodeTakenConcurrentlyInTheThirdChunkUndoesTheFirstTwoChunks() {
        GiftCode theirs = code(STORE, "LIST-0220", terms().value("99").build());
        repository.beforeInsert(call -> {
            if (call == 3) {
                repository.writeConcurrently(theirs); // another request won the race after our check
            }
        });

        var e = catchThrowableOfType(AlreadyExistsException.class,
                () -> catalog().createListed(STORE.code(), listed(250)));

        assertThat(e).isNotNull();
        assertThat(e.keys()).containsExactly("LIST-0220");
        assertThat(repository.insertCalls()).hasSize(3);
        assertThat(repository.rows()).as("nothing of ours is left; the concurrent code is kept")
                .containsExactly(new InMemoryGiftCodeRepository.Row(theirs, "concurrent"));
    }

    @Test
    void aRepositoryFailureMidWayRemovesWhatWasWrittenAndIsRethrown() {
        var outage = new IllegalStateException("DynamoDB is unavailable");
        repository.beforeInsert(call -> {
            if (call == 2) {
                throw outage;
            }
        });

        Throwable thrown = catchThrowable(() -> catalog().createListed(STORE.code(), listed(250)));

        assertThat(thrown).isSameAs(outage);
        assertThat(repository.rows()).isEmpty();
        assertThat(repository.deleteCalls()).hasSize(1);
        assertThat(repository.deleteCalls().get(0)).hasSize(100);
    }

    // --- generated codes ----------------------------------------------------------------------

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
                assertThat(chunk).hasSizeLessThanOrEqualTo(GiftCodeRepository.MAX_INSERT));
        assertThat(repository.deleteCalls()).isEmpty();
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
            assertThat(row.batchId()).isEqualTo("pre-existing");
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
    void aRepositoryFailureMidGenerationRemovesWhatWasWritten() {
        var outage = new IllegalStateException("throttled");
        repository.beforeInsert(call -> {
            if (call == 4) {
                throw outage;
            }
        });

        Throwable thrown = catchThrowable(() -> catalog().generate(STORE.code(), "", 12, 1_000, TERMS));

        assertThat(thrown).isSameAs(outage);
        assertThat(repository.rows()).isEmpty();
        assertThat(repository.deleteCalls()).hasSize(1);
        assertThat(repository.deleteCalls().get(0)).hasSize(300);
    }

    @Test
    void generatedCodesAreWrittenUnderOneBatch() {
        catalog().generate(STORE.code(), "B-", 11, 250, TERMS);
        assertThat(repository.rows()).hasSize(250)
                .extracting(InMemoryGiftCodeRepository.Row::batchId).containsOnly(repository.rows().get(0).batchId());
    }

    @Test
    void generateFailsInsteadOfSpinningWhenTheCodeSpaceIsTooSmall() {
        assertThatThrownBy(() -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> catalog().generate(STORE.code(), "P-", 1, 100, TERMS)))
                .isInstanceOfAny(IllegalStateException.class, IllegalArgumentException.class);
        assertThat(repository.rows()).isEmpty();
    }
}

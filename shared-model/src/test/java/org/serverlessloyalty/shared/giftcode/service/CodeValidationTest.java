package org.serverlessloyalty.shared.giftcode.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.fakes.Fixtures.code;
import static org.serverlessloyalty.shared.fakes.Fixtures.store;
import static org.serverlessloyalty.shared.fakes.Fixtures.terms;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.InMemoryGiftCodeRepository;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.giftcode.model.Cart;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.ValidationQuery;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.store.model.Store;

class CodeValidationTest {

    private static final Store STORE = store("13", "EUR", "Europe/Paris", Locale.FRENCH);
    private static final Cart CART = new Cart(132_600, List.of(
            new Cart.Item("ACME Foldable Canoe", "SKU-1", "boats", 1, null)));

    private final InMemoryGiftCodeRepository repository = new InMemoryGiftCodeRepository();
    /** 12:00 in Paris. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-15T10:00:00Z"));
    private final CodeValidation validation = new CodeValidation(repository, clock);

    private static ValidationQuery query(String code, String customerGuid, String... applied) {
        return new ValidationQuery(STORE.code(), CodeValue.of(code), CART, "shopper@example.com", "cibler-1",
                customerGuid, Arrays.stream(applied).map(CodeValue::of).toList());
    }

    private GiftCode stored(String code, boolean combinable) {
        GiftCode giftCode = code(STORE, code, terms().combinable(combinable).build());
        repository.with(giftCode);
        return giftCode;
    }

    @Test
    void passesTheOtherAppliedCodesAndTheCustomerGuidToOneRead() {
        stored("SUMMER", true);

        validation.validate(STORE, query("summer", "cust-42", "SUMMER", "winter", "WINTER", "MERCHANT10"));

        assertThat(repository.validationReads()).containsExactly(new InMemoryGiftCodeRepository.ValidationRead(
                STORE.code(), CodeValue.of("SUMMER"), "cust-42",
                List.of(CodeValue.of("WINTER"), CodeValue.of("MERCHANT10"))));
    }

    @Test
    void passesANullCustomerGuidThrough() {
        stored("SUMMER", true);
        validation.validate(STORE, query("SUMMER", null));
        assertThat(repository.validationReads().get(0).customerGuid()).isNull();
    }

    @Test
    void neverWrites() {
        stored("SUMMER", true);
        stored("WINTER", false);
        var before = repository.rows();

        validation.validate(STORE, query("SUMMER", "cust-42"));
        validation.validate(STORE, query("SUMMER", "cust-42", "WINTER"));
        validation.validate(STORE, query("NOPE", null));

        assertThat(repository.insertCalls()).isEmpty();
        assertThat(repository.batches()).isEmpty();
        assertThat(repository.rows()).isEqualTo(before);
    }

    @Test
    void aUsableCodeIsReturnedWithNoRefusal() {
        GiftCode summer = stored("SUMMER", true);
        var outcome = validation.validate(STORE, query("SUMMER", null));
        assertThat(outcome.canUse()).isTrue();
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.code()).contains(summer);
    }

    @Test
    void anUnknownCodeIsNotFound() {
        var outcome = validation.validate(STORE, query("NOPE", null));
        assertThat(outcome.canUse()).isFalse();
        assertThat(outcome.refusal()).contains(ValidationReason.NOT_FOUND);
        assertThat(outcome.code()).isEmpty();
    }

    @Test
    void aRefusedKnownCodeStillCarriesItsTerms() {
        GiftCode big = code(STORE, "BIG", terms().threshold("5000").build());
        repository.with(big);
        var outcome = validation.validate(STORE, query("BIG", null));
        assertThat(outcome.refusal()).contains(ValidationReason.THRESHOLD_NOT_REACHED);
        assertThat(outcome.code()).contains(big);
    }

    @Test
    void readsTheTimeFromTheClock() {
        repository.with(code(STORE, "JUNE", terms().expirationDate("2026-06-15").build()));
        assertThat(validation.validate(STORE, query("JUNE", null)).canUse()).isTrue();
        clock.advance(Duration.ofHours(12)); // 00:00 on 2026-06-16 in Paris
        assertThat(validation.validate(STORE, query("JUNE", null)).refusal()).contains(ValidationReason.EXPIRED);
    }

    @Test
    void theCustomersUsesComeFromTheRepository() {
        repository.with(code(STORE, "ONCE", terms().perCustomerLimit(1).build()))
                .withCustomerUses(STORE.code(), CodeValue.of("ONCE"), "cust-42", 1);
        assertThat(validation.validate(STORE, query("ONCE", "cust-42")).refusal())
                .contains(ValidationReason.CUSTOMER_LIMIT_REACHED);
        assertThat(validation.validate(STORE, query("ONCE", "cust-7")).canUse()).isTrue();
    }

    @Test
    void revalidatingANonCombinableCodeAlreadyInTheCartIsNotAConflict() {
        stored("SOLO", false);
        var outcome = validation.validate(STORE, query("SOLO", null, "solo"));
        assertThat(outcome.refusal()).isEmpty();
    }

    @Test
    void twoCombinableCodesCanBothBeUsed() {
        stored("A", true);
        stored("B", true);
        assertThat(validation.validate(STORE, query("B", null, "A")).canUse()).isTrue();
    }

    @Test
    void twoCouponsKoWhenTheSecondCodeIsNotCombinable() {
        stored("A", true);
        stored("B", false);
        assertThat(validation.validate(STORE, query("B", null, "A")).refusal())
                .contains(ValidationReason.NOT_COMBINABLE);
    }

    @Test
    void twoCouponsKoWhenTheAppliedCodeIsNotCombinable() {
        stored("A", false);
        stored("B", true);
        assertThat(validation.validate(STORE, query("B", null, "A")).refusal())
                .contains(ValidationReason.NOT_COMBINABLE);
    }

    @Test
    void appliedCodesTheStoreDoesNotKnowAreNotOursAndDoNotConflict() {
        stored("B", false);
        assertThat(validation.validate(STORE, query("B", null, "MERCHANT10")).canUse()).isTrue();
    }

    @Test
    void aCodeOfACreationThatHasNotCommittedDoesNotExistAndShowsNoTerms() {
        var batch = org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch.pending(STORE.code(), "b-1",
                org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch.Mode.GENERATED, 200, "h", "lease-1",
                clock.instant().plusSeconds(15), clock.instant());
        repository.startBatch(batch);
        GiftCode pending = new GiftCode(STORE.code(), CodeValue.of("GEN1"), terms().build(), 0, clock.instant(), "b-1",
                true, null);
        repository.writeChunk(STORE.code(), "b-1", "lease-1", 0, List.of(pending), clock.instant().plusSeconds(15),
                clock.instant().plus(Duration.ofDays(30)));

        var outcome = validation.validate(STORE, query("GEN1", null));

        assertThat(outcome.refusal()).contains(ValidationReason.NOT_FOUND);
        assertThat(outcome.code()).as("like an unknown code: no terms").isEmpty();

        repository.commit(STORE.code(), "b-1", "lease-1", 1, clock.instant());
        assertThat(validation.validate(STORE, query("GEN1", null)).canUse())
                .as("committed, its mark not cleared yet").isTrue();
    }

    @Test
    void aVoidedCodeIsRefusedAsVoidedWithItsTerms() {
        stored("GONE", true);
        repository.voidCode(STORE.code(), CodeValue.of("GONE"), clock.instant());

        var outcome = validation.validate(STORE, query("GONE", null));

        assertThat(outcome.refusal()).contains(ValidationReason.VOIDED);
        assertThat(outcome.code()).isPresent();
    }
}

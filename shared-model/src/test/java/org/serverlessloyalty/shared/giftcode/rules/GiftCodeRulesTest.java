package org.serverlessloyalty.shared.giftcode.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.fakes.Fixtures.code;
import static org.serverlessloyalty.shared.fakes.Fixtures.store;
import static org.serverlessloyalty.shared.fakes.Fixtures.terms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.serverlessloyalty.shared.fakes.Fixtures.Terms;
import org.serverlessloyalty.shared.fakes.Fixtures;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.Cart;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeStatus;
import org.serverlessloyalty.shared.giftcode.model.ValidationQuery;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.giftcode.rules.GiftCodeRules.Facts;
import org.serverlessloyalty.shared.store.model.Store;

/** Every refusal of {@link GiftCodeRules#refusal}, one rule at a time, then their precedence. */
class GiftCodeRulesTest {

    private static final Store EUR_STORE = store("13", "EUR", "Europe/Paris", Locale.FRENCH);
    /** 12:00 in Paris on 2026-06-15. */
    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final Cart CART = new Cart(132_600, List.of(
            new Cart.Item("ACME Foldable Canoe", "SKU-1", "boats", 1, new BigDecimal("1300.00")),
            new Cart.Item("Large yellow toothbrush", "SKU-2", "hygiene", 2, new BigDecimal("13.00"))));

    /** What one test varies; everything else is a usable code on {@link #CART}. */
    private static final class Case {
        Store store = EUR_STORE;
        Terms terms = terms();
        long usedCount;
        boolean known = true;
        Cart cart = CART;
        String customerGuid;
        long customerUses;
        List<GiftCode> applied = new ArrayList<>();
        Instant voidedAt;
        /** The code carries a pending mark of batch "B1", whose status is {@link #batches}' entry (if any). */
        boolean pending;
        Map<String, BatchStatus> batches = new HashMap<>();

        Optional<ValidationReason> refusal() {
            GiftCode giftCode = new GiftCode(store.code(), CodeValue.of("SUMMER"), terms.build(), usedCount,
                    Fixtures.CREATED, "B1", pending, voidedAt);
            var query = new ValidationQuery(store.code(), CodeValue.of("SUMMER"), cart, "shopper@example.com",
                    "AZ34R5TYU7UY654RE32RT6YT", customerGuid, applied.stream().map(GiftCode::code).toList());
            return GiftCodeRules.refusal(new Facts(store, query, known ? Optional.of(giftCode) : Optional.empty(),
                    customerUses, applied, batches, NOW));
        }
    }

    private static Case usable() {
        return new Case();
    }

    @Test
    void acceptsUsableCodeWithNoReason() {
        assertThat(usable().refusal()).isEmpty();
    }

    @Test
    void refusesCodeTheStoreDoesNotHaveAsNotFound() {
        Case c = usable();
        c.known = false;
        assertThat(c.refusal()).contains(ValidationReason.NOT_FOUND);
    }

    @Nested
    class Dates {

        @Test
        void refusesCodeWhoseActiveFromIsTomorrow() {
            Case c = usable();
            c.terms.activeFrom("2026-06-16");
            assertThat(c.refusal()).contains(ValidationReason.NOT_YET_ACTIVE);
        }

        @Test
        void acceptsCodeOnItsActiveFromDay() {
            Case c = usable();
            c.terms.activeFrom("2026-06-15");
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void rejectsCodeExpiredYesterdayInStoreTimeZone() {
            Case c = usable();
            c.terms.expirationDate("2026-06-14");
            assertThat(c.refusal()).contains(ValidationReason.EXPIRED);
        }

        @Test
        void acceptsCodeOnItsExpirationDay() {
            Case c = usable();
            c.terms.expirationDate("2026-06-15");
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void acceptsCodeWithNoDates() {
            Case c = usable();
            c.terms.activeFrom(null).expirationDate(null);
            assertThat(c.refusal()).isEmpty();
        }

        /** The order ledger asks the same question at the order's date: one function answers both. */
        @Test
        void unavailabilityJudgesTheDatesAtTheGivenInstantWhateverTheCounters() {
            GiftCode exhausted = code(EUR_STORE, "SUMMER", terms().activeFrom("2026-06-10").expirationDate("2026-06-14")
                    .numberOfUsage(1).build(), 1);
            var paris = EUR_STORE.timezone();
            assertThat(GiftCodeRules.unavailability(exhausted, java.util.Optional.empty(), Instant.parse("2026-06-09T21:59:59Z"), paris))
                    .contains(ValidationReason.NOT_YET_ACTIVE);
            assertThat(GiftCodeRules.unavailability(exhausted, java.util.Optional.empty(), Instant.parse("2026-06-09T22:00:00Z"), paris)).isEmpty();
            assertThat(GiftCodeRules.unavailability(exhausted, java.util.Optional.empty(), Instant.parse("2026-06-14T21:59:59Z"), paris)).isEmpty();
            assertThat(GiftCodeRules.unavailability(exhausted, java.util.Optional.empty(), Instant.parse("2026-06-14T22:00:00Z"), paris))
                    .contains(ValidationReason.EXPIRED);
        }
    }

    @Nested
    class Usage {

        @Test
        void refusesCodeUsedAsOftenAsItsNumberOfUsage() {
            Case c = usable();
            c.terms.numberOfUsage(3);
            c.usedCount = 3;
            assertThat(c.refusal()).contains(ValidationReason.USAGE_EXHAUSTED);
        }

        @Test
        void refusesCodeUsedMoreOftenThanItsNumberOfUsage() {
            Case c = usable();
            c.terms.numberOfUsage(3);
            c.usedCount = 4;
            assertThat(c.refusal()).contains(ValidationReason.USAGE_EXHAUSTED);
        }

        @Test
        void acceptsCodeWithOneUseLeft() {
            Case c = usable();
            c.terms.numberOfUsage(3);
            c.usedCount = 2;
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void nullNumberOfUsageMeansUnlimited() {
            Case c = usable();
            c.terms.numberOfUsage(null);
            c.usedCount = 1_000_000;
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void refusesCustomerWhoReachedThePerCustomerLimit() {
            Case c = usable();
            c.terms.perCustomerLimit(2);
            c.customerGuid = "cust-42";
            c.customerUses = 2;
            assertThat(c.refusal()).contains(ValidationReason.CUSTOMER_LIMIT_REACHED);
        }

        @Test
        void acceptsCustomerBelowThePerCustomerLimit() {
            Case c = usable();
            c.terms.perCustomerLimit(2);
            c.customerGuid = "cust-42";
            c.customerUses = 1;
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void perCustomerLimitIsNotCheckedWithoutACustomerGuid() {
            Case c = usable();
            c.terms.perCustomerLimit(1);
            c.customerGuid = null;
            c.customerUses = 5;
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void nullPerCustomerLimitMeansUnlimited() {
            Case c = usable();
            c.terms.perCustomerLimit(null);
            c.customerGuid = "cust-42";
            c.customerUses = 1_000;
            assertThat(c.refusal()).isEmpty();
        }
    }

    @Nested
    class Threshold {

        @Test
        void acceptsCartWhoseTotalEqualsTheThreshold() {
            Case c = usable();
            c.terms.threshold("1326.00"); // cart.total 132600 minor units = 1,326.00 EUR
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void refusesCartOneCentBelowTheThreshold() {
            Case c = usable();
            c.terms.threshold("1326.01");
            assertThat(c.refusal()).contains(ValidationReason.THRESHOLD_NOT_REACHED);
        }

        @Test
        void readsCartTotalInMinorUnits() {
            Case c = usable();
            c.cart = new Cart(2_999, CART.items()); // 29.99 EUR, not 2,999 EUR
            c.terms.threshold("30.00");
            assertThat(c.refusal()).contains(ValidationReason.THRESHOLD_NOT_REACHED);
        }

        @Test
        void acceptsCartAboveTheThreshold() {
            Case c = usable();
            c.cart = new Cart(3_001, CART.items());
            c.terms.threshold("30");
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void yenHasNoMinorUnitsSoTheTotalIsTakenAsIs() {
            Case c = usable();
            c.store = store("jp", "JPY", "Asia/Tokyo", Locale.JAPANESE);
            c.cart = new Cart(1_326, CART.items()); // 1,326 JPY
            c.terms.threshold("1000");
            assertThat(c.refusal()).isEmpty();
            c.terms.threshold("1326");
            assertThat(c.refusal()).isEmpty();
            c.terms.threshold("1327");
            assertThat(c.refusal()).contains(ValidationReason.THRESHOLD_NOT_REACHED);
        }

        @Test
        void threeDecimalCurrencyDividesByOneThousand() {
            Case c = usable();
            c.store = store("kw", "KWD", "Asia/Kuwait", Locale.ENGLISH);
            c.cart = new Cart(1_500, CART.items()); // 1.500 KWD
            c.terms.threshold("1.5");
            assertThat(c.refusal()).isEmpty();
            c.terms.threshold("1.501");
            assertThat(c.refusal()).contains(ValidationReason.THRESHOLD_NOT_REACHED);
        }

        @Test
        void nullThresholdAcceptsAnEmptyCart() {
            Case c = usable();
            c.terms.threshold(null);
            c.cart = new Cart(0, List.of());
            assertThat(c.refusal()).isEmpty();
        }
    }

    @Nested
    class EligibleItems {

        @Test
        void acceptsCartWithAnItemWhoseProductIdIsListed() {
            Case c = usable();
            c.terms.products("SKU-2");
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void matchesProductIdTrimmedAndCaseInsensitively() {
            Case c = usable();
            c.terms.products("  sku-2 ");
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void matchesItemNameAgainstProducts() {
            Case c = usable();
            c.terms.products("acme FOLDABLE canoe ");
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void matchesItemCategoryAgainstCategories() {
            Case c = usable();
            c.terms.categories(" HYGIENE");
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void refusesCartWithNoListedProduct() {
            Case c = usable();
            c.terms.products("SKU-9", "Paddle");
            assertThat(c.refusal()).contains(ValidationReason.NO_ELIGIBLE_ITEM);
        }

        @Test
        void refusesCartWithNoListedCategory() {
            Case c = usable();
            c.terms.categories("garden");
            assertThat(c.refusal()).contains(ValidationReason.NO_ELIGIBLE_ITEM);
        }

        @Test
        void doesNotMatchAnItemCategoryAgainstProducts() {
            Case c = usable();
            c.terms.products("boats");
            assertThat(c.refusal()).contains(ValidationReason.NO_ELIGIBLE_ITEM);
        }

        @Test
        void doesNotMatchAProductIdAgainstCategories() {
            Case c = usable();
            c.terms.categories("SKU-1");
            assertThat(c.refusal()).contains(ValidationReason.NO_ELIGIBLE_ITEM);
        }

        @Test
        void refusesRestrictedCodeOnACartWithoutItems() {
            Case c = usable();
            c.cart = new Cart(132_600, List.of());
            c.terms.products("SKU-1");
            assertThat(c.refusal()).contains(ValidationReason.NO_ELIGIBLE_ITEM);
        }

        @Test
        void itemsWithoutIdsDoNotMatch() {
            Case c = usable();
            c.cart = new Cart(132_600, List.of(new Cart.Item(null, null, null, 1, null)));
            c.terms.products("SKU-1").categories("boats");
            assertThat(c.refusal()).contains(ValidationReason.NO_ELIGIBLE_ITEM);
        }

        @Test
        void unrestrictedCodeAcceptsACartWithoutItems() {
            Case c = usable();
            c.cart = new Cart(132_600, List.of());
            assertThat(c.refusal()).isEmpty();
        }
    }

    @Nested
    class Combinable {

        private GiftCode applied(boolean combinable) {
            return code(EUR_STORE, "WINTER", terms().combinable(combinable).build());
        }

        @Test
        void refusesNonCombinableCodeWhenAnotherCodeIsApplied() {
            Case c = usable();
            c.terms.combinable(false);
            c.applied.add(applied(true));
            assertThat(c.refusal()).contains(ValidationReason.NOT_COMBINABLE);
        }

        @Test
        void refusesCombinableCodeWhenAnAppliedCodeIsNonCombinable() {
            Case c = usable();
            c.terms.combinable(true);
            c.applied.add(applied(false));
            assertThat(c.refusal()).contains(ValidationReason.NOT_COMBINABLE);
        }

        @Test
        void refusesCombinableCodeWhenOneOfSeveralAppliedCodesIsNonCombinable() {
            Case c = usable();
            c.applied.add(applied(true));
            c.applied.add(code(EUR_STORE, "AUTUMN", terms().combinable(false).build()));
            assertThat(c.refusal()).contains(ValidationReason.NOT_COMBINABLE);
        }

        @Test
        void acceptsTwoCombinableCodes() {
            Case c = usable();
            c.terms.combinable(true);
            c.applied.add(applied(true));
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void acceptsNonCombinableCodeAlone() {
            Case c = usable();
            c.terms.combinable(false);
            assertThat(c.refusal()).isEmpty();
        }
    }

    @Nested
    class VoidedAndPendingCodes {

        @Test
        void refusesAVoidedCodeAsVoided() {
            Case c = usable();
            c.voidedAt = NOW.minusSeconds(1);
            assertThat(c.refusal()).contains(ValidationReason.VOIDED);
        }

        @Test
        void aCodeOfABatchStillBeingWrittenDoesNotExistYet() {
            Case c = usable();
            c.pending = true;
            c.batches.put("B1", BatchStatus.PENDING);
            assertThat(c.refusal()).contains(ValidationReason.NOT_FOUND);
        }

        @Test
        void aCodeOfAnAbandonedBatchDoesNotExist() {
            Case c = usable();
            c.pending = true;
            c.batches.put("B1", BatchStatus.ABANDONED);
            assertThat(c.refusal()).contains(ValidationReason.NOT_FOUND);
        }

        @Test
        void aPendingCodeWhoseBatchRecordIsGoneDoesNotExist() {
            Case c = usable();
            c.pending = true;
            assertThat(c.refusal()).contains(ValidationReason.NOT_FOUND);
        }

        @Test
        void aPendingMarkLeftOnACommittedBatchDoesNotStopTheCode() {
            Case c = usable();
            c.pending = true;
            c.batches.put("B1", BatchStatus.COMPLETE);
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void anAppliedCodeWhoseBatchNeverCommittedIsNotCountedAgainstCombinability() {
            Case c = usable();
            c.terms.combinable(false);
            c.applied.add(new GiftCode(EUR_STORE.code(), CodeValue.of("GHOST"), terms().build(), 0, Fixtures.CREATED,
                    "B2", true, null));
            c.batches.put("B2", BatchStatus.PENDING);
            assertThat(c.refusal()).isEmpty();
        }

        @Test
        void theUnavailabilityTheLedgerSharesIgnoresTheCartAndTheCounters() {
            GiftCode exhausted = new GiftCode(EUR_STORE.code(), CodeValue.of("USED"), terms().numberOfUsage(1).build(),
                    1, Fixtures.CREATED, "B1", false, null);
            assertThat(GiftCodeRules.unavailability(exhausted, Optional.empty(), NOW, EUR_STORE.timezone())).isEmpty();
            assertThat(GiftCodeRules.unavailability(exhausted.inBatch("B1", true), Optional.of(BatchStatus.PENDING), NOW,
                    EUR_STORE.timezone())).contains(ValidationReason.NOT_FOUND);
        }

        @Test
        void statusesFollowTheRefusalOrder() {
            GiftCode base = new GiftCode(EUR_STORE.code(), CodeValue.of("S"), terms().build(), 0, Fixtures.CREATED,
                    "B1", false, null);
            var zone = EUR_STORE.timezone();
            assertThat(GiftCodeRules.status(base, Optional.empty(), NOW, zone)).isEqualTo(GiftCodeStatus.ACTIVE);
            assertThat(GiftCodeRules.status(base.inBatch("B1", true), Optional.of(BatchStatus.PENDING), NOW, zone))
                    .isEqualTo(GiftCodeStatus.PENDING);
            assertThat(GiftCodeRules.status(base.inBatch("B1", true), Optional.of(BatchStatus.COMPLETE), NOW, zone))
                    .isEqualTo(GiftCodeStatus.ACTIVE);
            GiftCode voidedAndExpired = new GiftCode(EUR_STORE.code(), CodeValue.of("S"),
                    terms().expirationDate("2026-06-14").build(), 0, Fixtures.CREATED, "B1", false, NOW);
            assertThat(GiftCodeRules.status(voidedAndExpired, Optional.empty(), NOW, zone)).isEqualTo(GiftCodeStatus.VOIDED);
            GiftCode scheduled = new GiftCode(EUR_STORE.code(), CodeValue.of("S"), terms().activeFrom("2026-06-16").build(),
                    0, Fixtures.CREATED, "B1", false, null);
            assertThat(GiftCodeRules.status(scheduled, Optional.empty(), NOW, zone)).isEqualTo(GiftCodeStatus.SCHEDULED);
            GiftCode expiredAndUsed = new GiftCode(EUR_STORE.code(), CodeValue.of("S"),
                    terms().expirationDate("2026-06-14").numberOfUsage(1).build(), 1, Fixtures.CREATED, "B1", false, null);
            assertThat(GiftCodeRules.status(expiredAndUsed, Optional.empty(), NOW, zone)).isEqualTo(GiftCodeStatus.EXPIRED);
            GiftCode used = new GiftCode(EUR_STORE.code(), CodeValue.of("S"), terms().numberOfUsage(1).build(), 1,
                    Fixtures.CREATED, "B1", false, null);
            assertThat(GiftCodeRules.status(used, Optional.empty(), NOW, zone)).isEqualTo(GiftCodeStatus.EXHAUSTED);
        }
    }

    /**
     * A code failing the rule of {@code expected} and every rule after it in the enum is refused
     * for {@code expected}: the first failing rule in enum order wins.
     */
    @ParameterizedTest
    @EnumSource(ValidationReason.class)
    void reportsTheFirstFailingRuleInEnumOrder(ValidationReason expected) {
        Case c = usable();
        List<ValidationReason> failing = Arrays.stream(ValidationReason.values())
                .filter(r -> r.ordinal() >= expected.ordinal())
                .toList();
        for (ValidationReason reason : failing) {
            switch (reason) {
                case NOT_FOUND -> c.known = false;
                case VOIDED -> c.voidedAt = NOW.minusSeconds(60);
                case NOT_YET_ACTIVE -> c.terms.activeFrom("2026-06-16");
                case EXPIRED -> c.terms.expirationDate("2026-06-14");
                case USAGE_EXHAUSTED -> {
                    c.terms.numberOfUsage(1);
                    c.usedCount = 1;
                }
                case CUSTOMER_LIMIT_REACHED -> {
                    c.terms.perCustomerLimit(1);
                    c.customerGuid = "cust-42";
                    c.customerUses = 1;
                }
                case NOT_COMBINABLE -> {
                    c.terms.combinable(false);
                    c.applied.add(code(EUR_STORE, "WINTER", terms().build()));
                }
                case THRESHOLD_NOT_REACHED -> c.terms.threshold("5000");
                case NO_ELIGIBLE_ITEM -> c.terms.products("SKU-404");
                default -> throw new AssertionError("no setup for " + reason);
            }
        }
        assertThat(c.refusal()).contains(expected);
    }
}

package org.serverlessloyalty.shared.store.dynamodb;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.api.OrderReportJson;
import org.serverlessloyalty.shared.model.CodeValue;
import org.serverlessloyalty.shared.model.DiscountType;
import org.serverlessloyalty.shared.model.GiftCodeTerms;
import org.serverlessloyalty.shared.model.Store;
import org.serverlessloyalty.shared.model.StoreCode;
import org.serverlessloyalty.shared.model.ValidationReason;
import org.serverlessloyalty.shared.model.order.ApplyResult;
import org.serverlessloyalty.shared.model.order.OrderReport;
import org.serverlessloyalty.shared.model.order.OrderSource;
import org.serverlessloyalty.shared.model.order.OrderStatus;
import org.serverlessloyalty.shared.model.order.Redemption;
import org.serverlessloyalty.shared.rules.CodeGenerator;
import org.serverlessloyalty.shared.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.service.StoreDirectory;
import org.serverlessloyalty.shared.store.OrderLedger;
import org.serverlessloyalty.shared.testing.LocalTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's guarantees, against the in-process DynamoDB: limits held by the store, replays inert. */
class DynamoDbOrderLedgerIT {

    private static final StoreCode SHOP = new StoreCode("ledger");
    private static LocalTable table;
    private static DynamoDbOrderLedger ledger;
    private static GiftCodeCatalog catalog;

    @BeforeAll
    static void seed() {
        table = LocalTable.create();
        ledger = new DynamoDbOrderLedger(table.client(), table.name(), Clock.systemUTC());
        catalog = new GiftCodeCatalog(new DynamoDbGiftCodeRepository(table.client(), table.name()),
                new CodeGenerator(), Clock.systemUTC());
        new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC())
                .create(new Store(SHOP, "Ledger shop", Currency.getInstance("EUR"), java.time.ZoneId.of("Europe/Paris"),
                        Locale.FRENCH, true, null, null, null));
    }

    private static void code(String code, Integer uses, Integer perCustomer) {
        catalog.createListed(SHOP, Map.of(CodeValue.of(code), new GiftCodeTerms(new BigDecimal("5"), DiscountType.VALUE,
                null, true, "5€", "five", null, null, uses, perCustomer, List.of(), List.of(), true, null, null)));
    }

    private static OrderReport order(String orderId, String customer, OrderStatus status, String... codes) {
        return new OrderReport(SHOP, orderId, OrderSource.CIBLER, status, customer,
                OffsetDateTime.parse("2026-11-25T10:00:00Z"), new BigDecimal("150.0"), new BigDecimal("20.00"),
                BigDecimal.ZERO, new BigDecimal("30.00"),
                java.util.Arrays.stream(codes).map(CodeValue::of).toList(), List.of(), Map.of("email", "a@b.c"));
    }

    private static ApplyResult apply(OrderReport report) {
        return ledger.apply(report, OrderReportJson.contentHash(report));
    }

    private static long usedCount(String code) {
        return catalog.find(SHOP, CodeValue.of(code)).orElseThrow().usedCount();
    }

    private static Redemption redemption(String orderId) {
        return ledger.find(SHOP, orderId).orElseThrow().redemptions().get(0);
    }

    @Test
    void fiftyConcurrentOrdersForASingleUseCodeApplyItOnce() throws Exception {
        code("RACE1", 1, null);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<ApplyResult>> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            OrderReport report = order("race-" + i, "shopper-" + i, OrderStatus.PAID, "RACE1");
            orders.add(() -> apply(report));
        }
        List<ApplyResult> results = new ArrayList<>();
        for (Future<ApplyResult> f : pool.invokeAll(orders)) {
            results.add(f.get());
        }
        pool.shutdown();

        assertThat(results).containsOnly(ApplyResult.RECORDED).hasSize(50);
        List<Redemption> outcomes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            outcomes.add(redemption("race-" + i));
        }
        assertThat(outcomes).filteredOn(r -> r.outcome() == Redemption.Outcome.APPLIED).hasSize(1);
        assertThat(outcomes).filteredOn(r -> r.outcome() == Redemption.Outcome.CONFLICT).hasSize(49)
                .allMatch(r -> r.reason() == ValidationReason.USAGE_EXHAUSTED);
        assertThat(usedCount("RACE1")).isEqualTo(1);
    }

    @Test
    void theSameOrderFiveTimesChangesNothingAfterTheFirst() {
        code("REPLAY", 10, null);
        OrderReport report = order("replay-1", "c1", OrderStatus.PAID, "REPLAY");
        assertThat(apply(report)).isEqualTo(ApplyResult.RECORDED);
        for (int i = 0; i < 4; i++) {
            assertThat(apply(report)).isEqualTo(ApplyResult.UNCHANGED);
        }
        assertThat(usedCount("REPLAY")).isEqualTo(1);
        OrderReport viaAnotherEndpoint = new OrderReport(SHOP, "replay-1", OrderSource.CITRUSAD, OrderStatus.PAID, "c1",
                null, new BigDecimal("150"), null, null, null, List.of(CodeValue.of("REPLAY")), List.of(), Map.of());
        assertThat(apply(viaAnotherEndpoint)).isEqualTo(ApplyResult.UNCHANGED);
        assertThat(usedCount("REPLAY")).isEqualTo(1);
    }

    @Test
    void cancelAndRefundGiveTheUseBackExactlyOnce() {
        code("GIVEBACK", 1, 1);
        apply(order("gb-1", "c1", OrderStatus.PAID, "GIVEBACK"));
        assertThat(usedCount("GIVEBACK")).isEqualTo(1);

        assertThat(apply(order("gb-1", "c1", OrderStatus.CANCELLED))).isEqualTo(ApplyResult.RELEASED);
        assertThat(apply(order("gb-1", "c1", OrderStatus.CANCELLED))).isEqualTo(ApplyResult.UNCHANGED);
        assertThat(apply(order("gb-1", "c1", OrderStatus.REFUNDED))).isEqualTo(ApplyResult.UNCHANGED);
        assertThat(usedCount("GIVEBACK")).isZero();
        var applied = ledger.find(SHOP, "gb-1").orElseThrow();
        assertThat(applied.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(applied.redemptions()).singleElement().extracting(Redemption::outcome)
                .isEqualTo(Redemption.Outcome.RELEASED);

        // The use and the customer's quota are free again: the same shopper may use it once more.
        apply(order("gb-2", "c1", OrderStatus.PAID, "GIVEBACK"));
        assertThat(redemption("gb-2").outcome()).isEqualTo(Redemption.Outcome.APPLIED);
        assertThat(apply(order("gb-2", "c1", OrderStatus.REFUNDED))).isEqualTo(ApplyResult.RELEASED);
        assertThat(usedCount("GIVEBACK")).isZero();
    }

    @Test
    void thePerCustomerLimitIsHeldByTheStore() {
        code("ONEEACH", null, 1);
        apply(order("pc-1", "alice", OrderStatus.PAID, "ONEEACH"));
        apply(order("pc-2", "alice", OrderStatus.PAID, "ONEEACH"));
        apply(order("pc-3", "bob", OrderStatus.PAID, "ONEEACH"));
        assertThat(redemption("pc-1").outcome()).isEqualTo(Redemption.Outcome.APPLIED);
        assertThat(redemption("pc-2").reason()).isEqualTo(ValidationReason.CUSTOMER_LIMIT_REACHED);
        assertThat(redemption("pc-3").outcome()).isEqualTo(Redemption.Outcome.APPLIED);
        assertThat(usedCount("ONEEACH")).isEqualTo(2);
    }

    @Test
    void anUnknownCodeIsRecordedAsAConflictAndTheOtherCodesStillApply() {
        code("REAL2", null, null);
        assertThat(apply(order("mix-1", "c9", OrderStatus.PAID, "REAL2", "GHOST"))).isEqualTo(ApplyResult.RECORDED);
        var outcomes = ledger.find(SHOP, "mix-1").orElseThrow().redemptions();
        assertThat(outcomes).extracting(r -> r.code().value() + ":" + r.outcome() + ":" + r.reason())
                .containsExactlyInAnyOrder("REAL2:APPLIED:null", "GHOST:CONFLICT:NOT_FOUND");
    }

    @Test
    void aCancellationBeforeThePaymentMakesTheLatePaymentInert() {
        code("EARLY", 5, null);
        assertThat(apply(order("early-1", "c2", OrderStatus.CANCELLED))).isEqualTo(ApplyResult.RECORDED);
        assertThat(apply(order("early-1", "c2", OrderStatus.PAID, "EARLY"))).isEqualTo(ApplyResult.UNCHANGED);
        assertThat(usedCount("EARLY")).isZero();
    }

    @Test
    void aBonusCodeActivationWithNothingSpentIsAnOrder() {
        code("BONUS20", 1, null);
        OrderReport activation = new OrderReport(SHOP, "234567866", OrderSource.CIBLER, OrderStatus.PAID,
                "bbc47c1f", null, new BigDecimal("0.0"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("20.00"),
                List.of(CodeValue.of("BONUS20")), List.of(), Map.of());
        assertThat(apply(activation)).isEqualTo(ApplyResult.RECORDED);
        assertThat(redemption("234567866").outcome()).isEqualTo(Redemption.Outcome.APPLIED);
    }

    @Test
    void anOrderForAStoreThatDoesNotExistIsRefusedForRetry() {
        OrderReport report = new OrderReport(new StoreCode("nowhere"), "x", OrderSource.CIBLER, OrderStatus.PAID,
                null, null, BigDecimal.ONE, null, null, null, List.of(), List.of(), Map.of());
        assertThatThrownBy(() -> apply(report)).isInstanceOf(OrderLedger.UnknownStoreException.class);
        assertThat(ledger.find(new StoreCode("nowhere"), "x")).isEmpty();
    }
}

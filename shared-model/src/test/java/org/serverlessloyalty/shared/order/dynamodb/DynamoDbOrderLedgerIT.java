package org.serverlessloyalty.shared.order.dynamodb;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.serverlessloyalty.local.dynamodb.FaultKind;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.ApplyResult;
import org.serverlessloyalty.shared.order.model.OrderPlan;
import org.serverlessloyalty.shared.order.model.OrderRecord;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.OrderStep;
import org.serverlessloyalty.shared.order.model.Redemption;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.order.port.OrderRepository;
import org.serverlessloyalty.shared.order.service.OrderApplication;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.CallCounter;
import org.serverlessloyalty.shared.testing.DynamoDbFaults;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.testing.OrderLedgers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's guarantees, against the in-process DynamoDB: limits held by the store, replays inert. */
class DynamoDbOrderLedgerIT {

    private static final StoreCode SHOP = new StoreCode("ledger");
    private static LocalTable table;
    private static OrderLedger ledger;
    private static GiftCodeCatalog catalog;

    @BeforeAll
    static void seed() {
        table = LocalTable.create();
        ledger = OrderLedgers.onDynamoDb(table.client(), table.name(), Clock.systemUTC());
        catalog = new GiftCodeCatalog(new DynamoDbGiftCodeRepository(table.client(), table.name()),
                new CodeGenerator(), Clock.systemUTC());
        new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC())
                .create(new Store(SHOP, "Ledger shop", Currency.getInstance("EUR"), java.time.ZoneId.of("Europe/Paris"),
                        Locale.FRENCH, true, null, null, null));
    }

    private static void code(String code, Integer uses, Integer perCustomer) {
        code(code, uses, perCustomer, null, null);
    }

    private static void code(String code, Integer uses, Integer perCustomer, String activeFrom, String expirationDate) {
        catalog.createListed(SHOP, Map.of(CodeValue.of(code), new GiftCodeTerms(new BigDecimal("5"), DiscountType.VALUE,
                null, true, "5€", "five", expirationDate == null ? null : LocalDate.parse(expirationDate),
                activeFrom == null ? null : LocalDate.parse(activeFrom), uses, perCustomer, List.of(), List.of(), true,
                null, null)));
    }

    private static OrderReport order(String orderId, String customer, OrderStatus status, String... codes) {
        return report(OrderSource.CIBLER, orderId, customer, status, codes);
    }

    private static OrderReport report(OrderSource source, String orderId, String customer, OrderStatus status,
                                      String... codes) {
        return dated(source, orderId, customer, status, "2026-11-25T10:00:00Z", codes);
    }

    /** A report of {@code source} placed at {@code orderDate} (null: the report gives no date). */
    private static OrderReport dated(OrderSource source, String orderId, String customer, OrderStatus status,
                                     String orderDate, String... codes) {
        return new OrderReport(SHOP, orderId, source, status, customer,
                orderDate == null ? null : OffsetDateTime.parse(orderDate), new BigDecimal("150.0"),
                new BigDecimal("20.00"), BigDecimal.ZERO, new BigDecimal("30.00"),
                java.util.Arrays.stream(codes).map(CodeValue::of).toList(), List.of(), Map.of("email", "a@b.c"));
    }

    /** What the beacon sends: no codes (it has none to give), always PAID; its key is public. */
    private static OrderReport beacon(String orderId) {
        return report(OrderSource.BEACON, orderId, "whoever", OrderStatus.PAID);
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

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void fiftyConcurrentOrdersForASingleUseCodeApplyItOnce(DynamoDbFaults faults) throws Exception {
        String code = "RACE1-" + faults;
        code(code, 1, null);
        List<ApplyResult> results = underFaults(faults, "fifty orders racing for a single-use code", true, ledger -> {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Callable<ApplyResult>> orders = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                OrderReport report = order("race-" + faults + "-" + i, "shopper-" + i, OrderStatus.PAID, code);
                orders.add(() -> ledger.apply(report, OrderReportJson.contentHash(report)));
            }
            List<ApplyResult> applied = new ArrayList<>();
            for (Future<ApplyResult> f : pool.invokeAll(orders)) {
                applied.add(f.get());
            }
            pool.shutdown();
            return applied;
        });

        assertThat(results).containsOnly(ApplyResult.RECORDED).hasSize(50);
        List<Redemption> outcomes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            outcomes.add(redemption("race-" + faults + "-" + i));
        }
        assertThat(outcomes).filteredOn(r -> r.outcome() == Redemption.Outcome.APPLIED).hasSize(1);
        assertThat(outcomes).filteredOn(r -> r.outcome() == Redemption.Outcome.CONFLICT).hasSize(49)
                .allMatch(r -> r.reason() == ValidationReason.USAGE_EXHAUSTED);
        assertThat(usedCount(code)).isEqualTo(1);
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void theSameOrderFiveTimesChangesNothingAfterTheFirst(DynamoDbFaults faults) throws Exception {
        String code = "REPLAY-" + faults;
        String orderId = "replay-" + faults;
        code(code, 10, null);
        OrderReport report = order(orderId, "c1", OrderStatus.PAID, code);
        OrderReport viaAnotherEndpoint = new OrderReport(SHOP, orderId, OrderSource.CITRUSAD, OrderStatus.PAID, "c1",
                null, new BigDecimal("150"), null, null, null, List.of(CodeValue.of(code)), List.of(), Map.of());
        List<ApplyResult> results = underFaults(faults, "the same order five times at once, then through another endpoint",
                true, ledger -> {
                    ExecutorService pool = Executors.newFixedThreadPool(5);
                    List<Callable<ApplyResult>> copies = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        copies.add(() -> ledger.apply(report, OrderReportJson.contentHash(report)));
                    }
                    List<ApplyResult> applied = new ArrayList<>();
                    for (Future<ApplyResult> f : pool.invokeAll(copies)) {
                        applied.add(f.get());
                    }
                    pool.shutdown();
                    applied.add(ledger.apply(viaAnotherEndpoint, OrderReportJson.contentHash(viaAnotherEndpoint)));
                    return applied;
                });

        assertThat(results.subList(0, 5)).containsOnlyOnce(ApplyResult.RECORDED)
                .filteredOn(r -> r != ApplyResult.RECORDED).containsOnly(ApplyResult.UNCHANGED);
        assertThat(results.get(5)).isEqualTo(ApplyResult.UNCHANGED);
        assertThat(usedCount(code)).isEqualTo(1);
        assertThat(ledger.find(SHOP, orderId).orElseThrow().order().source()).isEqualTo(OrderSource.CIBLER);
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void cancelAndRefundGiveTheUseBackExactlyOnce(DynamoDbFaults faults) throws Exception {
        String code = "GIVEBACK-" + faults;
        String first = "gb-1-" + faults;
        String second = "gb-2-" + faults;
        code(code, 1, 1);
        List<ApplyResult> results = underFaults(faults, "a payment, its cancellation three times, a payment again", false,
                ledger -> {
                    List<ApplyResult> applied = new ArrayList<>();
                    for (OrderReport r : List.of(order(first, "c1", OrderStatus.PAID, code),
                            order(first, "c1", OrderStatus.CANCELLED), order(first, "c1", OrderStatus.CANCELLED),
                            order(first, "c1", OrderStatus.REFUNDED),
                            // The use and the customer's quota are free again: the same shopper may use it once more.
                            order(second, "c1", OrderStatus.PAID, code), order(second, "c1", OrderStatus.REFUNDED))) {
                        applied.add(ledger.apply(r, OrderReportJson.contentHash(r)));
                    }
                    return applied;
                });

        assertThat(results).containsExactly(ApplyResult.RECORDED, ApplyResult.RELEASED, ApplyResult.UNCHANGED,
                ApplyResult.UNCHANGED, ApplyResult.RECORDED, ApplyResult.RELEASED);
        assertThat(usedCount(code)).isZero();
        var applied = ledger.find(SHOP, first).orElseThrow();
        assertThat(applied.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(applied.redemptions()).singleElement().extracting(Redemption::outcome)
                .isEqualTo(Redemption.Outcome.RELEASED);
        assertThat(ledger.find(SHOP, second).orElseThrow().redemptions()).singleElement()
                .extracting(Redemption::outcome).isEqualTo(Redemption.Outcome.RELEASED);
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
    void anOrderWithAVoidedCodeRecordsConflictVoidedAndTakesNoUse() {
        code("VOIDME", null, null);
        catalog.voidCode(SHOP, CodeValue.of("VOIDME"));

        assertThat(apply(order("void-1", "c1", OrderStatus.PAID, "VOIDME"))).isEqualTo(ApplyResult.RECORDED);

        Redemption r = redemption("void-1");
        assertThat(r.outcome()).isEqualTo(Redemption.Outcome.CONFLICT);
        assertThat(r.reason()).isEqualTo(ValidationReason.VOIDED);
        assertThat(usedCount("VOIDME")).isZero();
    }

    @Test
    void aVoidRacingOrdersStopsEveryUseAfterItAndEachRefusedOrderSaysVoided() throws Exception {
        code("RACEVOID", null, null);
        int orders = 30;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String id = "racevoid-" + i;
            futures.add(pool.submit(() -> {
                start.await();
                return apply(order(id, "c-" + id, OrderStatus.PAID, "RACEVOID"));
            }));
        }
        futures.add(pool.submit(() -> {
            start.await();
            Thread.sleep(5);
            return catalog.voidCode(SHOP, CodeValue.of("RACEVOID"));
        }));
        start.countDown();
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();

        long applied = 0;
        for (int i = 0; i < orders; i++) {
            Redemption r = redemption("racevoid-" + i);
            if (r.outcome() == Redemption.Outcome.APPLIED) {
                applied++;
            } else {
                assertThat(r.reason()).isEqualTo(ValidationReason.VOIDED);
            }
        }
        // Every use counted on the code belongs to an order recorded APPLIED, and none came after the void.
        assertThat(usedCount("RACEVOID")).isEqualTo(applied);
        assertThat(apply(order("racevoid-late", "late", OrderStatus.PAID, "RACEVOID"))).isEqualTo(ApplyResult.RECORDED);
        assertThat(redemption("racevoid-late").reason()).isEqualTo(ValidationReason.VOIDED);
        assertThat(usedCount("RACEVOID")).isEqualTo(applied);
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

    // ------------------------------------------------------------------ trusted and untrusted sources

    /**
     * Every ordered pair of reports of one order id, each naming a single-use code. The beacon's key is
     * public, so its report may never block, replace or hide a trusted one (CibleR, CitrusAd: store key);
     * between trusted sources the first PAID report is the order.
     */
    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({
            "BEACON,   CIBLER,   RECORDED,  CIBLER",
            "BEACON,   CITRUSAD, RECORDED,  CITRUSAD",
            "CIBLER,   BEACON,   RECORDED,  CIBLER",
            "CITRUSAD, BEACON,   RECORDED,  CITRUSAD",
            "CIBLER,   CITRUSAD, UNCHANGED, CIBLER",
            "CITRUSAD, CIBLER,   UNCHANGED, CITRUSAD",
            "BEACON,   BEACON,   UNCHANGED, BEACON",
    })
    void aBeaconReportNeverBlocksReplacesOrHidesATrustedOne(OrderSource first, OrderSource second,
                                                             ApplyResult secondResult, OrderSource shown) {
        String code = "PAIR-" + first + "-" + second;
        String orderId = "pair-" + first + "-" + second;
        code(code, 1, 1);

        assertThat(apply(report(first, orderId, "shopper-" + first, OrderStatus.PAID, code))).isEqualTo(ApplyResult.RECORDED);
        assertThat(apply(report(second, orderId, "shopper-" + second, OrderStatus.PAID, code))).isEqualTo(secondResult);

        var applied = ledger.find(SHOP, orderId).orElseThrow();
        assertThat(applied.order().source()).isEqualTo(shown);
        boolean trusted = shown != OrderSource.BEACON;
        assertThat(usedCount(code)).as("uses taken").isEqualTo(trusted ? 1 : 0);
        if (trusted) {
            assertThat(applied.redemptions()).singleElement()
                    .extracting(r -> r.code().value() + ":" + r.outcome()).isEqualTo(code + ":APPLIED");
            assertThat(applied.order().customerGuid()).isEqualTo("shopper-" + shown);
        } else {
            assertThat(applied.redemptions()).as("a beacon takes no code").isEmpty();
        }
        boolean beaconSent = first == OrderSource.BEACON || second == OrderSource.BEACON;
        assertThat(applied.beacon().isPresent()).as("the beacon's report beside the trusted order")
                .isEqualTo(trusted && beaconSent);
        applied.beacon().ifPresent(b -> {
            assertThat(b.report().source()).isEqualTo(OrderSource.BEACON);
            assertThat(b.report().customerGuid()).isEqualTo("shopper-BEACON");
            assertThat(b.receivedAt()).isNotNull();
        });
    }

    @Test
    void theSameBeaconFiveTimesIsRecordedOnce() {
        OrderReport report = beacon("beacon-replay");
        assertThat(apply(report)).isEqualTo(ApplyResult.RECORDED);
        for (int i = 0; i < 4; i++) {
            assertThat(apply(report)).isEqualTo(ApplyResult.UNCHANGED);
        }
        assertThat(ledger.find(SHOP, "beacon-replay").orElseThrow().order().source()).isEqualTo(OrderSource.BEACON);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"CANCELLED", "REFUNDED"})
    void aBeaconCannotCancelOrRefundATrustedOrder(OrderStatus status) {
        String code = "NOBEACONCANCEL-" + status;
        String orderId = "beacon-cancel-" + status;
        code(code, 1, null);
        apply(order(orderId, "c1", OrderStatus.PAID, code));

        apply(report(OrderSource.BEACON, orderId, "c1", status));

        var applied = ledger.find(SHOP, orderId).orElseThrow();
        assertThat(applied.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(applied.redemptions()).extracting(Redemption::outcome).containsExactly(Redemption.Outcome.APPLIED);
        assertThat(usedCount(code)).isEqualTo(1);
        // The storefront's own cancellation still gives the use back.
        assertThat(apply(order(orderId, "c1", status, code))).isEqualTo(ApplyResult.RELEASED);
        assertThat(usedCount(code)).isZero();
    }

    @Test
    void aBeaconBeforeAnyTrustedReportCancelsNothingEither() {
        code("BEACONFIRSTCANCEL", 1, null);
        apply(report(OrderSource.BEACON, "beacon-cancel-first", "c1", OrderStatus.CANCELLED));

        assertThat(apply(order("beacon-cancel-first", "c1", OrderStatus.PAID, "BEACONFIRSTCANCEL")))
                .isEqualTo(ApplyResult.RECORDED);
        assertThat(usedCount("BEACONFIRSTCANCEL")).isEqualTo(1);
        assertThat(ledger.find(SHOP, "beacon-cancel-first").orElseThrow().order().status()).isEqualTo(OrderStatus.PAID);
    }

    @ParameterizedTest
    @EnumSource(value = OrderSource.class, names = {"CIBLER", "CITRUSAD"})
    void aTrustedCancelAfterABeaconAndThePaymentGivesTheUseBack(OrderSource trusted) {
        String code = "CANCELAFTERBEACON-" + trusted;
        String orderId = "cancel-after-beacon-" + trusted;
        code(code, 1, 1);
        apply(beacon(orderId));
        apply(report(trusted, orderId, "c1", OrderStatus.PAID, code));
        assertThat(usedCount(code)).isEqualTo(1);

        assertThat(apply(report(trusted, orderId, "c1", OrderStatus.CANCELLED, code))).isEqualTo(ApplyResult.RELEASED);

        assertThat(usedCount(code)).isZero();
        var applied = ledger.find(SHOP, orderId).orElseThrow();
        assertThat(applied.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(applied.order().source()).isEqualTo(trusted);
        assertThat(applied.redemptions()).extracting(Redemption::outcome).containsExactly(Redemption.Outcome.RELEASED);
    }

    @Test
    void aTrustedCancelBeforeThePaymentButAfterABeaconStillMakesTheLatePaymentInert() {
        code("CANCELFIRST", 1, null);
        apply(beacon("cancel-first"));

        assertThat(apply(order("cancel-first", "c1", OrderStatus.CANCELLED))).isEqualTo(ApplyResult.RECORDED);
        assertThat(apply(order("cancel-first", "c1", OrderStatus.PAID, "CANCELFIRST"))).isEqualTo(ApplyResult.UNCHANGED);

        assertThat(usedCount("CANCELFIRST")).isZero();
        var applied = ledger.find(SHOP, "cancel-first").orElseThrow();
        assertThat(applied.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(applied.order().source()).isEqualTo(OrderSource.CIBLER);
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void beaconsRacingTheirTrustedOrdersNeverTakeTheirUse(DynamoDbFaults faults) throws Exception {
        int orders = 20;
        String code = "RACEBEACON-" + faults;
        code(code, orders, null);
        List<ApplyResult> results = underFaults(faults, "beacons racing their trusted orders", true, ledger -> {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Callable<ApplyResult>> reports = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                String orderId = "race-beacon-" + faults + "-" + i;
                OrderReport beacon = beacon(orderId);
                OrderReport trusted = order(orderId, "shopper-" + orderId, OrderStatus.PAID, code);
                reports.add(() -> ledger.apply(beacon, OrderReportJson.contentHash(beacon)));
                reports.add(() -> ledger.apply(trusted, OrderReportJson.contentHash(trusted)));
            }
            List<ApplyResult> applied = new ArrayList<>();
            for (Future<ApplyResult> f : pool.invokeAll(reports)) {
                applied.add(f.get());
            }
            pool.shutdown();
            return applied;
        });

        assertThat(results).hasSize(2 * orders).containsOnly(ApplyResult.RECORDED);
        assertThat(usedCount(code)).isEqualTo(orders);
        for (int i = 0; i < orders; i++) {
            var applied = ledger.find(SHOP, "race-beacon-" + faults + "-" + i).orElseThrow();
            assertThat(applied.order().source()).isEqualTo(OrderSource.CIBLER);
            assertThat(applied.redemptions()).extracting(Redemption::outcome).containsExactly(Redemption.Outcome.APPLIED);
            assertThat(applied.beacon()).isPresent();
        }
    }

    // ------------------------------------------------------------------ the code's dates, at the order's date

    @Test
    void anOrderPlacedAfterItsCodeExpiredRecordsConflictExpiredAndTakesNoUse() {
        code("GONE", 10, 1, null, "2026-11-24");

        assertThat(apply(order("expired-1", "c1", OrderStatus.PAID, "GONE"))).isEqualTo(ApplyResult.RECORDED);

        var applied = ledger.find(SHOP, "expired-1").orElseThrow();
        assertThat(applied.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(applied.redemptions()).extracting(r -> r.outcome() + ":" + r.reason())
                .containsExactly("CONFLICT:EXPIRED");
        assertThat(usedCount("GONE")).isZero();
    }

    @Test
    void anOrderPlacedBeforeItsCodeIsActiveRecordsConflictNotYetActive() {
        code("LATER", 10, null, "2026-11-26", null);

        apply(order("too-early-1", "c1", OrderStatus.PAID, "LATER"));

        assertThat(redemption("too-early-1")).extracting(Redemption::outcome, Redemption::reason)
                .containsExactly(Redemption.Outcome.CONFLICT, ValidationReason.NOT_YET_ACTIVE);
        assertThat(usedCount("LATER")).isZero();
    }

    /** The shop is in Europe/Paris (UTC+1 in November): its 24th ends at 23:00 UTC. */
    @Test
    void rejectsCodeExpiredAtTheOrderDateInStoreTimeZone() {
        code("PARISDAY", null, null, "2026-11-24", "2026-11-24");

        apply(dated(OrderSource.CITRUSAD, "paris-last-second", "c1", OrderStatus.PAID, "2026-11-24T22:59:59Z", "PARISDAY"));
        apply(dated(OrderSource.CITRUSAD, "paris-next-day", "c1", OrderStatus.PAID, "2026-11-24T23:00:00Z", "PARISDAY"));
        apply(dated(OrderSource.CITRUSAD, "paris-day-before", "c1", OrderStatus.PAID, "2026-11-23T22:59:59Z", "PARISDAY"));

        assertThat(redemption("paris-last-second").outcome()).isEqualTo(Redemption.Outcome.APPLIED);
        assertThat(redemption("paris-next-day").reason()).isEqualTo(ValidationReason.EXPIRED);
        assertThat(redemption("paris-day-before").reason()).isEqualTo(ValidationReason.NOT_YET_ACTIVE);
        assertThat(usedCount("PARISDAY")).isEqualTo(1);
    }

    @Test
    void anOrderPlacedWhileItsCodeWasValidTakesItsUseEvenWhenAppliedAfterExpiry() {
        code("LATEDELIVERY", 10, null, null, "2026-11-24");
        var later = OrderLedgers.onDynamoDb(table.client(), table.name(), Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

        OrderReport report = dated(OrderSource.CITRUSAD, "late-1", "c1", OrderStatus.PAID, "2026-11-24T12:00:00Z", "LATEDELIVERY");
        later.apply(report, OrderReportJson.contentHash(report));

        assertThat(redemption("late-1").outcome()).isEqualTo(Redemption.Outcome.APPLIED);
        assertThat(usedCount("LATEDELIVERY")).isEqualTo(1);
    }

    @Test
    void anOrderWithoutADateIsJudgedWhenItIsApplied() {
        code("UNDATED-GONE", 10, null, null, "2026-11-30");
        code("UNDATED-OK", 10, null, null, "2026-12-01");
        var onTheFirst = OrderLedgers.onDynamoDb(table.client(), table.name(), Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

        OrderReport report = dated(OrderSource.CIBLER, "undated-1", "c1", OrderStatus.PAID, null, "UNDATED-GONE", "UNDATED-OK");
        onTheFirst.apply(report, OrderReportJson.contentHash(report));

        assertThat(ledger.find(SHOP, "undated-1").orElseThrow().redemptions())
                .extracting(r -> r.code().value() + ":" + r.outcome() + ":" + r.reason())
                .containsExactlyInAnyOrder("UNDATED-GONE:CONFLICT:EXPIRED", "UNDATED-OK:APPLIED:null");
        assertThat(usedCount("UNDATED-GONE")).isZero();
        assertThat(usedCount("UNDATED-OK")).isEqualTo(1);
    }

    @Test
    void aReleaseGivesBackOnlyTheUsesTheOrderTook() {
        code("OLDONE", 10, 5, null, "2026-11-24");
        code("FRESHONE", 10, 5, null, null);
        apply(dated(OrderSource.CIBLER, "before-expiry", "c1", OrderStatus.PAID, "2026-11-20T10:00:00Z", "OLDONE"));
        assertThat(usedCount("OLDONE")).isEqualTo(1);

        apply(order("after-expiry", "c1", OrderStatus.PAID, "OLDONE", "FRESHONE"));
        assertThat(usedCount("OLDONE")).isEqualTo(1);
        assertThat(usedCount("FRESHONE")).isEqualTo(1);
        assertThat(apply(order("after-expiry", "c1", OrderStatus.CANCELLED))).isEqualTo(ApplyResult.RELEASED);

        assertThat(usedCount("OLDONE")).as("the expired code's use belongs to the earlier order").isEqualTo(1);
        assertThat(usedCount("FRESHONE")).isZero();
        assertThat(ledger.find(SHOP, "after-expiry").orElseThrow().redemptions())
                .extracting(r -> r.code().value() + ":" + r.outcome() + ":" + r.reason())
                .containsExactlyInAnyOrder("OLDONE:CONFLICT:EXPIRED", "FRESHONE:RELEASED:null");
    }

    // ------------------------------------------------------------------ faults

    /** What one stretch of a test does with the ledger. */
    private interface Act<T> {
        T run(OrderLedger ledger) throws Exception;
    }

    /**
     * Runs {@code act} on a ledger of its own under {@code faults}, then checks that every fault was absorbed by
     * exactly one retry (the SDK's for throttling and 500s, the order service's for conflicts and throttled
     * transactions) and records how many retries each fault caused.
     */
    private static <T> T underFaults(DynamoDbFaults faults, String test, boolean racing, Act<T> act)
            throws Exception {
        CallCounter calls = new CallCounter();
        DynamoDbClient client = table.countedClient(calls);
        ContentionCounter orders = new ContentionCounter(new DynamoDbOrderRepository(client, table.name()));
        OrderLedger faulted = new OrderApplication(orders, new DynamoDbGiftCodeRepository(client, table.name()),
                new DynamoDbStoreRepository(client, table.name()), Clock.systemUTC());
        T result;
        DynamoDbFaults.Run run = faults.start(table.engine());
        try (run) {
            result = act.run(faulted);
        }
        run.record("DynamoDbOrderLedgerIT: " + test);
        assertThat(orders.contended.get()).as("contended plans, each read, planned and executed again")
                .isEqualTo(run.retriedByTheService());
        for (String operation : run.counts().requestsByOperation().keySet()) {
            assertThat(run.counts().requests(operation)).as(operation + " attempts: one per call, plus one SDK retry per"
                            + " throttling or 500")
                    .isEqualTo(calls.count(operation) + run.counts().injected(FaultKind.THROTTLING, operation)
                            + run.counts().injected(FaultKind.INTERNAL_ERROR, operation));
        }
        // Random faults hit any run; overlaps only happen where writes race (a sequential replay has none).
        if (faults == DynamoDbFaults.RANDOM || (faults == DynamoDbFaults.OVERLAP && racing)) {
            assertThat(run.counts().injected()).as("faults injected").isPositive();
        }
        return result;
    }

    /** The order port, counting the plans the store answered as contended. */
    private static final class ContentionCounter implements OrderRepository {
        private final OrderRepository delegate;
        private final AtomicLong contended = new AtomicLong();

        ContentionCounter(OrderRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public OrderRecord read(StoreCode store, String orderId) {
            return delegate.read(store, orderId);
        }

        @Override
        public PlanResult<OrderStep> execute(OrderPlan plan) {
            PlanResult<OrderStep> result = delegate.execute(plan);
            if (result instanceof PlanResult.Contended<OrderStep>) {
                contended.incrementAndGet();
            }
            return result;
        }
    }
}

package org.serverlessloyalty.shared.order.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessloyalty.shared.fakes.Fixtures.code;
import static org.serverlessloyalty.shared.fakes.Fixtures.store;
import static org.serverlessloyalty.shared.fakes.Fixtures.terms;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.CountingStoreRepository;
import org.serverlessloyalty.shared.fakes.InMemoryGiftCodeRepository;
import org.serverlessloyalty.shared.fakes.InMemoryOrderRepository;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.order.model.AppliedOrder;
import org.serverlessloyalty.shared.order.model.ApplyResult;
import org.serverlessloyalty.shared.order.model.OrderPlan;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.OrderStep;
import org.serverlessloyalty.shared.order.model.Redemption;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The order's decisions with a fake order port, no DynamoDB: what each report plans, how each refused limit
 * becomes a CONFLICT reason, that a release gives back once exactly what was taken, that the beacon never blocks,
 * and that contention is retried rather than answered.
 */
class OrderApplicationTest {

    private static final Store SHOP = store("13");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryGiftCodeRepository codes = new InMemoryGiftCodeRepository();
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(codes);
    private final CountingStoreRepository stores = new CountingStoreRepository().with(SHOP);
    private final OrderApplication ledger = new OrderApplication(orders, codes, stores, clock, Duration.ofSeconds(30), 5);

    private void stored(String code, GiftCodeTerms terms) {
        codes.with(code(SHOP, code, terms));
    }

    private static OrderReport report(OrderSource source, String orderId, String customer, OrderStatus status,
                                      String... codes) {
        return new OrderReport(SHOP.code(), orderId, source, status, customer,
                OffsetDateTime.parse("2026-11-25T10:00:00Z"), new BigDecimal("150"), null, null, null,
                Arrays.stream(codes).map(CodeValue::of).toList(), List.of(), Map.of());
    }

    private static OrderReport paid(String orderId, String customer, String... codes) {
        return report(OrderSource.CIBLER, orderId, customer, OrderStatus.PAID, codes);
    }

    private ApplyResult apply(OrderReport report) {
        return ledger.apply(report, "hash-" + report.orderId() + "-" + report.status() + "-" + report.source());
    }

    private long usedCount(String code) {
        return codes.find(SHOP.code(), CodeValue.of(code)).orElseThrow().usedCount();
    }

    private long customerUses(String code, String customer) {
        return codes.customerUses(SHOP.code(), CodeValue.of(code), customer);
    }

    private Map<String, String> outcomes(String orderId) {
        var out = new java.util.LinkedHashMap<String, String>();
        for (Redemption r : ledger.find(SHOP.code(), orderId).orElseThrow().redemptions()) {
            out.put(r.code().value(), r.outcome() + (r.reason() == null ? "" : " " + r.reason()));
        }
        return out;
    }

    private OrderPlan lastPlan() {
        return orders.executed().get(orders.executed().size() - 1);
    }

    // ------------------------------------------------------------------ a payment

    @Test
    void aPaymentPlansTheOrderAUseOfEachCodeTheShoppersUseWhereLimitedAndARedemptionEach() {
        stored("ONEEACH", terms().numberOfUsage(10).perCustomerLimit(1).build());
        stored("PLAIN", terms().build());

        assertThat(apply(paid("o-1", "alice", "oneeach", "PLAIN", "ONEEACH"))).isEqualTo(ApplyResult.RECORDED);

        OrderPlan plan = lastPlan();
        assertThat(plan.steps()).containsExactly(
                new OrderStep.RecordOrder(paid("o-1", "alice", "oneeach", "PLAIN", "ONEEACH"),
                        "hash-o-1-PAID-CIBLER"),
                new OrderStep.TakeCodeUse(CodeValue.of("ONEEACH")),
                new OrderStep.TakeCustomerUse(CodeValue.of("ONEEACH"), "alice", 1),
                new OrderStep.RecordRedemption(new Redemption(CodeValue.of("ONEEACH"), Redemption.Outcome.APPLIED, null, true)),
                new OrderStep.TakeCodeUse(CodeValue.of("PLAIN")),
                new OrderStep.RecordRedemption(new Redemption(CodeValue.of("PLAIN"), Redemption.Outcome.APPLIED, null, false)));
        assertThat(plan.at()).isEqualTo(NOW);
        assertThat(usedCount("ONEEACH")).isEqualTo(1);
        assertThat(customerUses("ONEEACH", "alice")).isEqualTo(1);
        assertThat(usedCount("PLAIN")).isEqualTo(1);
        assertThat(outcomes("o-1")).containsExactly(Map.entry("ONEEACH", "APPLIED"), Map.entry("PLAIN", "APPLIED"));
    }

    @Test
    void aShopperWithoutAGuidIsNotCountedAgainstThePerCustomerLimit() {
        stored("ONEEACH", terms().perCustomerLimit(1).build());

        apply(paid("o-1", null, "ONEEACH"));

        assertThat(lastPlan().steps()).noneMatch(OrderStep.TakeCustomerUse.class::isInstance);
        assertThat(ledger.find(SHOP.code(), "o-1").orElseThrow().redemptions()).singleElement()
                .extracting(Redemption::customerCounted).isEqualTo(false);
    }

    @Test
    void codesThatCannotBeUsedAtTheOrderDateAreConflictBeforeAnyWriteAndTakeNoUse() {
        stored("OLD", terms().expirationDate("2026-11-24").build());
        stored("SOON", terms().activeFrom("2026-11-26").build());
        codes.with(new GiftCode(SHOP.code(), CodeValue.of("GONE"), terms().build(), 0, NOW, "b-1", false,
                Instant.parse("2026-11-20T00:00:00Z")));
        codes.with(code(SHOP, "HALF", terms().build()).inBatch("b-never-committed", true));

        assertThat(apply(paid("o-1", "c", "GHOST", "OLD", "SOON", "GONE", "HALF"))).isEqualTo(ApplyResult.RECORDED);

        assertThat(orders.executed()).hasSize(1);
        assertThat(lastPlan().steps()).noneMatch(OrderStep.TakeCodeUse.class::isInstance);
        assertThat(outcomes("o-1")).containsExactly(
                Map.entry("GHOST", "CONFLICT NOT_FOUND"), Map.entry("OLD", "CONFLICT EXPIRED"),
                Map.entry("SOON", "CONFLICT NOT_YET_ACTIVE"), Map.entry("GONE", "CONFLICT VOIDED"),
                Map.entry("HALF", "CONFLICT NOT_FOUND"));
        assertThat(usedCount("OLD") + usedCount("SOON") + usedCount("GONE") + usedCount("HALF")).isZero();
    }

    @Test
    void aUseTheStoreRefusesIsConflictUsageExhaustedAndTheOrderIsRecordedWithItsOtherCodes() {
        codes.with(code(SHOP, "LASTONE", terms().numberOfUsage(1).build(), 1));
        stored("FINE", terms().build());

        assertThat(apply(paid("o-1", "c", "LASTONE", "FINE"))).isEqualTo(ApplyResult.RECORDED);

        // The read does not judge the counters; the first plan tries, the store refuses, the second plan drops it.
        assertThat(orders.executed()).hasSize(2);
        assertThat(orders.executed().get(0).steps()).contains(new OrderStep.TakeCodeUse(CodeValue.of("LASTONE")));
        assertThat(lastPlan().steps()).doesNotContain(new OrderStep.TakeCodeUse(CodeValue.of("LASTONE")))
                .contains(new OrderStep.TakeCodeUse(CodeValue.of("FINE")));
        assertThat(outcomes("o-1")).containsExactly(Map.entry("LASTONE", "CONFLICT USAGE_EXHAUSTED"),
                Map.entry("FINE", "APPLIED"));
        assertThat(usedCount("LASTONE")).isEqualTo(1);
        assertThat(usedCount("FINE")).isEqualTo(1);
    }

    @Test
    void aShopperAtTheirLimitIsConflictCustomerLimitReachedAndTakesNoUseOfTheCode() {
        stored("ONEEACH", terms().perCustomerLimit(1).build());
        codes.withCustomerUses(SHOP.code(), CodeValue.of("ONEEACH"), "alice", 1);

        apply(paid("o-1", "alice", "ONEEACH"));

        assertThat(outcomes("o-1")).containsExactly(Map.entry("ONEEACH", "CONFLICT CUSTOMER_LIMIT_REACHED"));
        assertThat(usedCount("ONEEACH")).isZero();
        assertThat(customerUses("ONEEACH", "alice")).isEqualTo(1);
    }

    @Test
    void whenBothTheCodesUsesAndTheShoppersAreRefusedUsageExhaustedIsTheReasonAsAtCheckout() {
        codes.with(code(SHOP, "BOTH", terms().numberOfUsage(1).perCustomerLimit(1).build(), 1));
        codes.withCustomerUses(SHOP.code(), CodeValue.of("BOTH"), "alice", 1);

        apply(paid("o-1", "alice", "BOTH"));

        assertThat(outcomes("o-1")).containsExactly(Map.entry("BOTH", "CONFLICT USAGE_EXHAUSTED"));
    }

    @Test
    void aCodeVoidedBetweenTheReadAndTheWriteIsConflictVoided() {
        stored("RACEVOID", terms().build());
        orders.beforeExecute(plan -> {
            if (orders.executed().size() == 1) {
                GiftCode c = codes.find(SHOP.code(), CodeValue.of("RACEVOID")).orElseThrow();
                codes.with(new GiftCode(c.store(), c.code(), c.terms(), c.usedCount(), c.createdAt(), c.batchId(),
                        c.pending(), NOW));
            }
        });

        assertThat(apply(paid("o-1", "c", "RACEVOID"))).isEqualTo(ApplyResult.RECORDED);

        assertThat(outcomes("o-1")).containsExactly(Map.entry("RACEVOID", "CONFLICT VOIDED"));
        assertThat(usedCount("RACEVOID")).isZero();
    }

    @Test
    void aCodeDeletedBetweenTheReadAndTheWriteIsConflictNotFoundRatherThanExhausted() {
        stored("ABANDONED", terms().build());
        orders.beforeExecute(plan -> {
            if (orders.executed().size() == 1) {
                codes.remove(SHOP.code(), CodeValue.of("ABANDONED"));
            }
        });

        apply(paid("o-1", "c", "ABANDONED"));

        assertThat(outcomes("o-1")).containsExactly(Map.entry("ABANDONED", "CONFLICT NOT_FOUND"));
    }

    @Test
    void theSameOrderAgainThroughAnyTrustedEndpointChangesNothing() {
        stored("REPLAY", terms().numberOfUsage(10).build());
        assertThat(apply(paid("o-1", "c", "REPLAY"))).isEqualTo(ApplyResult.RECORDED);

        for (int i = 0; i < 4; i++) {
            assertThat(apply(paid("o-1", "c", "REPLAY"))).isEqualTo(ApplyResult.UNCHANGED);
        }
        assertThat(apply(report(OrderSource.CITRUSAD, "o-1", "c", OrderStatus.PAID, "REPLAY")))
                .isEqualTo(ApplyResult.UNCHANGED);

        assertThat(usedCount("REPLAY")).isEqualTo(1);
        assertThat(ledger.find(SHOP.code(), "o-1").orElseThrow().order().source()).isEqualTo(OrderSource.CIBLER);
    }

    @Test
    void anOrderForAStoreThatDoesNotExistIsRefusedAndNothingIsPlanned() {
        OrderReport elsewhere = new OrderReport(new StoreCode("nowhere"), "x", OrderSource.CIBLER, OrderStatus.PAID,
                null, null, BigDecimal.ONE, null, null, null, List.of(), List.of(), Map.of());

        assertThatThrownBy(() -> ledger.apply(elsewhere, "h")).isInstanceOf(OrderLedger.UnknownStoreException.class);
        assertThat(orders.executed()).isEmpty();
    }

    // ------------------------------------------------------------------ a release

    @Test
    void aCancellationGivesBackExactlyWhatThePaymentTookAndOnlyOnce() {
        stored("ONEEACH", terms().numberOfUsage(5).perCustomerLimit(1).build());
        codes.with(code(SHOP, "LASTONE", terms().numberOfUsage(1).build(), 1));
        apply(paid("o-1", "alice", "ONEEACH", "LASTONE"));

        assertThat(apply(report(OrderSource.CIBLER, "o-1", "alice", OrderStatus.CANCELLED))).isEqualTo(ApplyResult.RELEASED);

        assertThat(lastPlan().steps()).containsExactly(
                new OrderStep.ReleaseOrder(OrderStatus.CANCELLED),
                new OrderStep.GiveBackCodeUse(CodeValue.of("ONEEACH")),
                new OrderStep.GiveBackCustomerUse(CodeValue.of("ONEEACH"), "alice"),
                new OrderStep.RecordRedemption(new Redemption(CodeValue.of("ONEEACH"), Redemption.Outcome.RELEASED, null, true)));
        assertThat(usedCount("ONEEACH")).isZero();
        assertThat(customerUses("ONEEACH", "alice")).isZero();
        assertThat(usedCount("LASTONE")).as("a CONFLICT code took nothing, so gives nothing back").isEqualTo(1);
        assertThat(outcomes("o-1")).containsExactly(Map.entry("ONEEACH", "RELEASED"),
                Map.entry("LASTONE", "CONFLICT USAGE_EXHAUSTED"));

        assertThat(apply(report(OrderSource.CIBLER, "o-1", "alice", OrderStatus.CANCELLED))).isEqualTo(ApplyResult.UNCHANGED);
        assertThat(apply(report(OrderSource.CITRUSAD, "o-1", "alice", OrderStatus.REFUNDED))).isEqualTo(ApplyResult.UNCHANGED);
        assertThat(usedCount("ONEEACH")).isZero();
        assertThat(ledger.find(SHOP.code(), "o-1").orElseThrow().order().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void twoDeliveriesOfACancellationRacingGiveBackOnce() {
        stored("SHARED", terms().numberOfUsage(5).build());
        apply(paid("o-1", "c", "SHARED"));
        apply(paid("o-2", "c", "SHARED"));
        OrderReport cancel = report(OrderSource.CIBLER, "o-1", "c", OrderStatus.CANCELLED);
        // The other delivery releases the order after this one read it PAID.
        orders.beforeExecute(plan -> {
            if (plan.steps().get(0) instanceof OrderStep.ReleaseOrder && usedCount("SHARED") == 2) {
                orders.beforeExecute(p -> { });
                orders.execute(plan);
            }
        });

        assertThat(apply(cancel)).isEqualTo(ApplyResult.UNCHANGED);

        assertThat(usedCount("SHARED")).isEqualTo(1);
    }

    @Test
    void aCancellationBeforeThePaymentIsRecordedAndTheLatePaymentChangesNothing() {
        stored("EARLY", terms().numberOfUsage(5).build());

        assertThat(apply(report(OrderSource.CIBLER, "o-1", "c", OrderStatus.CANCELLED))).isEqualTo(ApplyResult.RECORDED);
        assertThat(lastPlan().steps()).singleElement().isInstanceOf(OrderStep.RecordOrder.class);
        assertThat(apply(paid("o-1", "c", "EARLY"))).isEqualTo(ApplyResult.UNCHANGED);

        assertThat(usedCount("EARLY")).isZero();
        assertThat(ledger.find(SHOP.code(), "o-1").orElseThrow().order().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aCancellationThatFindsThePaymentRecordedMeanwhileReadsAgainAndReleasesIt() {
        stored("RACED", terms().numberOfUsage(5).build());
        OrderReport payment = paid("o-1", "c", "RACED");
        // Between the cancellation's read (no order yet) and its write, the payment is applied.
        orders.beforeExecute(plan -> {
            if (plan.steps().get(0) instanceof OrderStep.RecordOrder r && r.report().status() == OrderStatus.CANCELLED
                    && ledger.find(SHOP.code(), "o-1").isEmpty()) {
                orders.beforeExecute(p -> { });
                apply(payment);
            }
        });

        assertThat(apply(report(OrderSource.CIBLER, "o-1", "c", OrderStatus.CANCELLED))).isEqualTo(ApplyResult.RELEASED);

        assertThat(usedCount("RACED")).isZero();
        assertThat(outcomes("o-1")).containsExactly(Map.entry("RACED", "RELEASED"));
    }

    @Test
    void aReleaseThatFindsACounterAlreadyAtZeroFailsAndWritesNothing() {
        stored("DRIFT", terms().build());
        apply(paid("o-1", "c", "DRIFT"));
        GiftCode c = codes.find(SHOP.code(), CodeValue.of("DRIFT")).orElseThrow();
        codes.with(new GiftCode(c.store(), c.code(), c.terms(), 0, c.createdAt()));

        assertThatThrownBy(() -> apply(report(OrderSource.CIBLER, "o-1", "c", OrderStatus.REFUNDED)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GiveBackCodeUse");

        assertThat(ledger.find(SHOP.code(), "o-1").orElseThrow().order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(outcomes("o-1")).containsExactly(Map.entry("DRIFT", "APPLIED"));
    }

    // ------------------------------------------------------------------ the beacon

    @Test
    void aBeaconReportOnlyKeepsItsReportWhateverItSays() {
        stored("BEACONCODE", terms().numberOfUsage(1).build());

        assertThat(apply(report(OrderSource.BEACON, "o-1", "whoever", OrderStatus.PAID, "BEACONCODE")))
                .isEqualTo(ApplyResult.RECORDED);
        assertThat(lastPlan().steps()).singleElement().isInstanceOf(OrderStep.RecordBeaconReport.class);
        assertThat(apply(report(OrderSource.BEACON, "o-1", "whoever", OrderStatus.CANCELLED)))
                .isEqualTo(ApplyResult.UNCHANGED);

        assertThat(usedCount("BEACONCODE")).isZero();
        AppliedOrder shown = ledger.find(SHOP.code(), "o-1").orElseThrow();
        assertThat(shown.order().source()).isEqualTo(OrderSource.BEACON);
        assertThat(shown.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(shown.redemptions()).isEmpty();
    }

    @Test
    void aBeaconFirstNeverBlocksTheTrustedOrderWhichIsShownWithTheBeaconBesideIt() {
        stored("SINGLE", terms().numberOfUsage(1).perCustomerLimit(1).build());
        apply(report(OrderSource.BEACON, "o-1", "whoever", OrderStatus.PAID, "SINGLE"));

        assertThat(apply(paid("o-1", "alice", "SINGLE"))).isEqualTo(ApplyResult.RECORDED);

        assertThat(usedCount("SINGLE")).isEqualTo(1);
        AppliedOrder shown = ledger.find(SHOP.code(), "o-1").orElseThrow();
        assertThat(shown.order().source()).isEqualTo(OrderSource.CIBLER);
        assertThat(shown.order().customerGuid()).isEqualTo("alice");
        assertThat(shown.beacon()).hasValueSatisfying(b -> {
            assertThat(b.report().source()).isEqualTo(OrderSource.BEACON);
            assertThat(b.receivedAt()).isEqualTo(NOW);
        });
        assertThat(outcomes("o-1")).containsExactly(Map.entry("SINGLE", "APPLIED"));
    }

    @Test
    void aBeaconCannotCancelATrustedOrder() {
        stored("KEEP", terms().build());
        apply(paid("o-1", "c", "KEEP"));

        apply(report(OrderSource.BEACON, "o-1", "c", OrderStatus.CANCELLED));

        assertThat(usedCount("KEEP")).isEqualTo(1);
        assertThat(ledger.find(SHOP.code(), "o-1").orElseThrow().order().status()).isEqualTo(OrderStatus.PAID);
    }

    // ------------------------------------------------------------------ contention

    @Test
    void contentionIsReadPlannedAndExecutedAgainUntilThePlanCommitsOnce() {
        stored("BUSY", terms().numberOfUsage(1).build());
        orders.contendNext(3);

        assertThat(apply(paid("o-1", "c", "BUSY"))).isEqualTo(ApplyResult.RECORDED);

        assertThat(orders.executed()).hasSize(4);
        assertThat(usedCount("BUSY")).isEqualTo(1);
        assertThat(outcomes("o-1")).containsExactly(Map.entry("BUSY", "APPLIED"));
    }

    @Test
    void contentionOnAReleaseOrABeaconIsRetriedToo() {
        stored("BUSY", terms().build());
        apply(paid("o-1", "c", "BUSY"));

        orders.contendNext(2);
        assertThat(apply(report(OrderSource.CIBLER, "o-1", "c", OrderStatus.REFUNDED))).isEqualTo(ApplyResult.RELEASED);
        orders.contendNext(2);
        assertThat(apply(report(OrderSource.BEACON, "o-2", "c", OrderStatus.PAID))).isEqualTo(ApplyResult.RECORDED);

        assertThat(usedCount("BUSY")).isZero();
    }

    @Test
    void contentionThatNeverEndsFailsTheReportAfterItsAttemptsWithNothingWritten() {
        stored("BUSY", terms().build());
        orders.contendNext(Integer.MAX_VALUE);

        assertThatThrownBy(() -> apply(paid("o-1", "c", "BUSY"))).isInstanceOf(Contention.ContendedException.class);

        assertThat(orders.executed()).hasSize(5);
        assertThat(ledger.find(SHOP.code(), "o-1")).isEmpty();
        assertThat(usedCount("BUSY")).isZero();
    }
}

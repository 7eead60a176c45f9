package org.serverlessloyalty.shared.order.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.dynamodb.FaultPolicy;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.order.model.OrderPlan;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.OrderStep;
import org.serverlessloyalty.shared.order.model.Redemption;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;

/**
 * The order adapter alone, on the in-process DynamoDB: it writes a plan whole or not at all, names each step
 * whose limit did not hold, and reports contention as such. What those answers mean is the service's.
 */
class DynamoDbOrderRepositoryIT {

    private static final StoreCode SHOP = new StoreCode("adapter");
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static LocalTable table;
    private static DynamoDbOrderRepository orders;
    private static GiftCodeCatalog catalog;

    @BeforeAll
    static void createTable() {
        table = LocalTable.create();
        orders = new DynamoDbOrderRepository(table.client(), table.name());
        catalog = new GiftCodeCatalog(new DynamoDbGiftCodeRepository(table.client(), table.name()), new CodeGenerator(),
                Clock.systemUTC());
    }

    private static void code(String code, Integer uses) {
        catalog.createListed(SHOP, Map.of(CodeValue.of(code), new GiftCodeTerms(new BigDecimal("5"), DiscountType.VALUE,
                null, true, "5", "five", null, null, uses, null, List.of(), List.of(), true, null, null)));
    }

    private static long usedCount(String code) {
        return catalog.find(SHOP, CodeValue.of(code)).orElseThrow().usedCount();
    }

    private static OrderReport report(String orderId, OrderStatus status) {
        return new OrderReport(SHOP, orderId, OrderSource.CIBLER, status, "c1", OffsetDateTime.parse("2026-11-25T10:00:00Z"),
                BigDecimal.TEN, null, null, null, List.of(), List.of(), Map.of());
    }

    private static OrderPlan plan(String orderId, OrderStep... steps) {
        return new OrderPlan(SHOP, orderId, AT, List.of(steps));
    }

    private static OrderStep.RecordRedemption applied(String code) {
        return new OrderStep.RecordRedemption(new Redemption(CodeValue.of(code), Redemption.Outcome.APPLIED, null, true));
    }

    @Test
    void aPlanIsWrittenWholeAndReadBack() {
        code("WHOLE", 2);
        var use = new OrderStep.TakeCodeUse(CodeValue.of("WHOLE"));
        var customer = new OrderStep.TakeCustomerUse(CodeValue.of("WHOLE"), "c1", 1);

        assertThat(orders.execute(plan("whole-1", new OrderStep.RecordOrder(report("whole-1", OrderStatus.PAID), "h"),
                use, customer, applied("WHOLE")))).isInstanceOf(PlanResult.Committed.class);

        var record = orders.read(SHOP, "whole-1");
        assertThat(record.order()).hasValueSatisfying(o -> {
            assertThat(o.report().status()).isEqualTo(OrderStatus.PAID);
            assertThat(o.contentHash()).isEqualTo("h");
            assertThat(o.appliedAt()).isEqualTo(AT);
        });
        assertThat(record.beacon()).isEmpty();
        assertThat(record.redemptions()).containsExactly(new Redemption(CodeValue.of("WHOLE"), Redemption.Outcome.APPLIED,
                null, true));
        assertThat(usedCount("WHOLE")).isEqualTo(1);
    }

    @Test
    void eachStepWhoseLimitDoesNotHoldIsNamedAndNothingIsWritten() {
        code("SPENT", 1);
        code("OPEN", null);
        orders.execute(plan("spent-0", new OrderStep.RecordOrder(report("spent-0", OrderStatus.PAID), "h"),
                new OrderStep.TakeCodeUse(CodeValue.of("SPENT")),
                new OrderStep.TakeCustomerUse(CodeValue.of("OPEN"), "c1", 1), applied("SPENT")));
        var spent = new OrderStep.TakeCodeUse(CodeValue.of("SPENT"));
        var limited = new OrderStep.TakeCustomerUse(CodeValue.of("OPEN"), "c1", 1);
        var open = new OrderStep.TakeCodeUse(CodeValue.of("OPEN"));

        PlanResult<OrderStep> result = orders.execute(plan("spent-1",
                new OrderStep.RecordOrder(report("spent-1", OrderStatus.PAID), "h"), spent, open, limited, applied("OPEN")));

        assertThat(result).isEqualTo(new PlanResult.Refused<>(List.of(spent, limited)));
        assertThat(orders.read(SHOP, "spent-1").order()).isEmpty();
        assertThat(usedCount("OPEN")).isZero();
    }

    @Test
    void anOrderIdRecordedBeforeIsARefusedRecordOrderAndAReleaseHappensOnce() {
        var record = new OrderStep.RecordOrder(report("once-1", OrderStatus.PAID), "h");
        orders.execute(plan("once-1", record));

        assertThat(orders.execute(plan("once-1", record))).isEqualTo(new PlanResult.Refused<>(List.of(record)));
        var release = new OrderStep.ReleaseOrder(OrderStatus.CANCELLED);
        assertThat(orders.execute(plan("once-1", release))).isInstanceOf(PlanResult.Committed.class);
        assertThat(orders.execute(plan("once-1", release))).isEqualTo(new PlanResult.Refused<>(List.of(release)));
        assertThat(orders.read(SHOP, "once-1").order().orElseThrow().report().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aGiveBackBelowZeroIsRefused() {
        code("ZERO", 5);
        var giveBack = new OrderStep.GiveBackCodeUse(CodeValue.of("ZERO"));

        assertThat(orders.execute(plan("zero-1", giveBack, applied("ZERO"))))
                .isEqualTo(new PlanResult.Refused<>(List.of(giveBack)));
        assertThat(usedCount("ZERO")).isZero();
    }

    @Test
    void aBeaconReportIsItsOwnItemFirstOneStays() {
        var beacon = new OrderStep.RecordBeaconReport(report("beacon-1", OrderStatus.PAID), "first");

        assertThat(orders.execute(plan("beacon-1", beacon))).isInstanceOf(PlanResult.Committed.class);
        assertThat(orders.execute(plan("beacon-1", new OrderStep.RecordBeaconReport(report("beacon-1", OrderStatus.PAID),
                "second")))).isInstanceOf(PlanResult.Refused.class);
        assertThat(orders.execute(plan("beacon-1", new OrderStep.RecordOrder(report("beacon-1", OrderStatus.PAID), "t"))))
                .as("the beacon's item blocks no order").isInstanceOf(PlanResult.Committed.class);

        var record = orders.read(SHOP, "beacon-1");
        assertThat(record.beacon().orElseThrow().contentHash()).isEqualTo("first");
        assertThat(record.order().orElseThrow().contentHash()).isEqualTo("t");
    }

    @Test
    void aConflictingTransactionOrAThrottledOneIsContentionWithNothingWritten() {
        code("BUSY", null);
        OrderPlan plan = plan("busy-1", new OrderStep.RecordOrder(report("busy-1", OrderStatus.PAID), "h"),
                new OrderStep.TakeCodeUse(CodeValue.of("BUSY")), applied("BUSY"));
        try {
            table.engine().faultPolicy(FaultPolicy.none().conflictRate(1).operations("TransactWriteItems"));
            assertThat(orders.execute(plan)).isEqualTo(new PlanResult.Contended<OrderStep>("TransactionConflict"));
            table.engine().faultPolicy(FaultPolicy.none().transactionThrottleRate(1).operations("TransactWriteItems"));
            assertThat(orders.execute(plan)).isEqualTo(new PlanResult.Contended<OrderStep>("ThrottlingError"));
        } finally {
            table.engine().faultPolicy(FaultPolicy.none());
        }
        assertThat(orders.read(SHOP, "busy-1").order()).isEmpty();
        assertThat(usedCount("BUSY")).isZero();
    }

    @Test
    void aSingleWriteMeetingAnOverlappingTransactionIsContention() throws Exception {
        // The order's item is held by a slow transaction while the one-step plan (a cancellation first) writes it.
        OrderPlan slow = plan("overlap-1", new OrderStep.RecordOrder(report("overlap-1", OrderStatus.PAID), "paid"),
                new OrderStep.RecordRedemption(new Redemption(CodeValue.of("X"), Redemption.Outcome.CONFLICT, null, false)));
        OrderPlan single = plan("overlap-1", new OrderStep.RecordOrder(report("overlap-1", OrderStatus.CANCELLED), "c"));
        try {
            table.engine().faultPolicy(FaultPolicy.none().overlapConflicts(true).latencyMillis(400, 400)
                    .operations("TransactWriteItems"));
            var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            var held = pool.submit(() -> orders.execute(slow));
            Thread.sleep(150);
            assertThat(orders.execute(single)).isEqualTo(new PlanResult.Contended<OrderStep>("TransactionConflict"));
            assertThat(held.get()).isInstanceOf(PlanResult.Committed.class);
            pool.shutdown();
        } finally {
            table.engine().faultPolicy(FaultPolicy.none());
        }
        assertThat(orders.read(SHOP, "overlap-1").order().orElseThrow().contentHash()).isEqualTo("paid");
    }
}

package org.serverlessloyalty.shared.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.order.model.OrderPlan;
import org.serverlessloyalty.shared.order.model.OrderRecord;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.OrderStep;
import org.serverlessloyalty.shared.order.model.Redemption;
import org.serverlessloyalty.shared.order.port.OrderRepository;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The order port in memory, with the DynamoDB adapter's contract: a plan is written whole or not at all, and each
 * step's limit is checked against what is stored at that moment (the codes' counters and void marks live in the
 * {@link InMemoryGiftCodeRepository} it is given, as they live in the code items). Tests can make the next
 * executions contended, or change the store just before one (a void, a concurrent payment).
 */
public final class InMemoryOrderRepository implements OrderRepository {

    private final InMemoryGiftCodeRepository codes;
    private final Map<String, OrderRecord.Stored> orders = new HashMap<>();
    private final Map<String, OrderRecord.Stored> beacons = new HashMap<>();
    private final Map<String, Map<CodeValue, Redemption>> redemptions = new HashMap<>();
    private final List<OrderPlan> executed = new ArrayList<>();
    private int contendNext;
    private Consumer<OrderPlan> beforeExecute = plan -> { };

    public InMemoryOrderRepository(InMemoryGiftCodeRepository codes) {
        this.codes = codes;
    }

    /** The next {@code n} executions answer Contended and write nothing, as a concurrent transaction would. */
    public InMemoryOrderRepository contendNext(int n) {
        this.contendNext = n;
        return this;
    }

    /** Runs before each execution looks at the store: what a concurrent writer does in between. */
    public InMemoryOrderRepository beforeExecute(Consumer<OrderPlan> hook) {
        this.beforeExecute = hook;
        return this;
    }

    /** Every plan handed to {@link #execute}, in order (contended and refused ones included). */
    public List<OrderPlan> executed() {
        return executed;
    }

    /** Records an order as a concurrent writer would (no code is touched). */
    public synchronized void recordConcurrently(OrderReport report, String contentHash, Instant at) {
        orders.put(key(report.store(), report.orderId()), new OrderRecord.Stored(report, contentHash, at, at));
    }

    private static String key(StoreCode store, String orderId) {
        return store.value() + "#" + orderId;
    }

    @Override
    public synchronized OrderRecord read(StoreCode store, String orderId) {
        String key = key(store, orderId);
        return new OrderRecord(Optional.ofNullable(orders.get(key)), Optional.ofNullable(beacons.get(key)),
                List.copyOf(redemptions.getOrDefault(key, Map.of()).values()));
    }

    @Override
    public synchronized PlanResult<OrderStep> execute(OrderPlan plan) {
        executed.add(plan);
        beforeExecute.accept(plan);
        if (contendNext > 0) {
            contendNext--;
            return new PlanResult.Contended<>("TransactionConflict");
        }
        List<OrderStep> refused = plan.steps().stream().filter(step -> !holds(plan, step)).toList();
        if (!refused.isEmpty()) {
            return new PlanResult.Refused<>(refused);
        }
        plan.steps().forEach(step -> write(plan, step));
        return PlanResult.committed();
    }

    private boolean holds(OrderPlan plan, OrderStep step) {
        String key = key(plan.store(), plan.orderId());
        if (step instanceof OrderStep.RecordOrder) {
            return !orders.containsKey(key);
        }
        if (step instanceof OrderStep.RecordBeaconReport) {
            return !beacons.containsKey(key);
        }
        if (step instanceof OrderStep.TakeCodeUse s) {
            return codes.find(plan.store(), s.code())
                    .filter(c -> !c.voided() && (c.terms().numberOfUsage() == null || c.usedCount() < c.terms().numberOfUsage()))
                    .isPresent();
        }
        if (step instanceof OrderStep.TakeCustomerUse s) {
            return codes.customerUses(plan.store(), s.code(), s.customerGuid()) < s.limit();
        }
        if (step instanceof OrderStep.ReleaseOrder) {
            return orders.containsKey(key) && orders.get(key).report().status() == OrderStatus.PAID;
        }
        if (step instanceof OrderStep.GiveBackCodeUse s) {
            return codes.find(plan.store(), s.code()).filter(c -> c.usedCount() > 0).isPresent();
        }
        if (step instanceof OrderStep.GiveBackCustomerUse s) {
            return codes.customerUses(plan.store(), s.code(), s.customerGuid()) > 0;
        }
        return true; // RecordRedemption: the order's own item, no limit
    }

    private void write(OrderPlan plan, OrderStep step) {
        String key = key(plan.store(), plan.orderId());
        if (step instanceof OrderStep.RecordOrder s) {
            orders.put(key, new OrderRecord.Stored(s.report(), s.contentHash(), plan.at(), plan.at()));
        } else if (step instanceof OrderStep.RecordBeaconReport s) {
            beacons.put(key, new OrderRecord.Stored(s.report(), s.contentHash(), plan.at(), plan.at()));
        } else if (step instanceof OrderStep.RecordRedemption s) {
            redemptions.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(s.redemption().code(), s.redemption());
        } else if (step instanceof OrderStep.TakeCodeUse s) {
            addUses(plan.store(), s.code(), 1);
        } else if (step instanceof OrderStep.GiveBackCodeUse s) {
            addUses(plan.store(), s.code(), -1);
        } else if (step instanceof OrderStep.TakeCustomerUse s) {
            codes.withCustomerUses(plan.store(), s.code(), s.customerGuid(),
                    codes.customerUses(plan.store(), s.code(), s.customerGuid()) + 1);
        } else if (step instanceof OrderStep.GiveBackCustomerUse s) {
            codes.withCustomerUses(plan.store(), s.code(), s.customerGuid(),
                    codes.customerUses(plan.store(), s.code(), s.customerGuid()) - 1);
        } else if (step instanceof OrderStep.ReleaseOrder s) {
            OrderRecord.Stored paid = orders.get(key);
            OrderReport r = paid.report();
            orders.put(key, new OrderRecord.Stored(new OrderReport(r.store(), r.orderId(), r.source(), s.status(),
                    r.customerGuid(), r.orderDate(), r.totalSpent(), r.taxes(), r.shippingCost(), r.discountAmount(),
                    r.giftCodes(), r.lines(), r.attributes()), paid.contentHash(), paid.appliedAt(), plan.at()));
        } else {
            throw new IllegalArgumentException("No write for " + step);
        }
    }

    private void addUses(StoreCode store, CodeValue code, long delta) {
        GiftCode c = codes.find(store, code).orElseThrow();
        codes.with(new GiftCode(c.store(), c.code(), c.terms(), c.usedCount() + delta, c.createdAt(), c.batchId(),
                c.pending(), c.voidedAt()));
    }
}

package org.serverlessloyalty.orders.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.order.model.AppliedOrder;
import org.serverlessloyalty.shared.order.model.ApplyResult;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Applied orders in memory, keyed by store and order id (what the read route needs; no code uses). */
public final class InMemoryOrderLedger implements OrderLedger {

    private static final Instant APPLIED = Instant.parse("2026-01-02T00:00:00Z");
    private final Map<String, AppliedOrder> orders = new HashMap<>();

    @Override
    public ApplyResult apply(OrderReport report, String contentHash) {
        String key = report.store().value() + "#" + report.orderId();
        if (orders.containsKey(key)) {
            return ApplyResult.UNCHANGED;
        }
        orders.put(key, new AppliedOrder(report, contentHash, List.of(), APPLIED, APPLIED));
        return ApplyResult.RECORDED;
    }

    @Override
    public Optional<AppliedOrder> find(StoreCode store, String orderId) {
        return Optional.ofNullable(orders.get(store.value() + "#" + orderId));
    }
}

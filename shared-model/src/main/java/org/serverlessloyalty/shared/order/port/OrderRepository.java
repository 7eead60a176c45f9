package org.serverlessloyalty.shared.order.port;

import org.serverlessloyalty.shared.order.model.OrderPlan;
import org.serverlessloyalty.shared.order.model.OrderRecord;
import org.serverlessloyalty.shared.order.model.OrderStep;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Where orders are kept and their plans written. It decides nothing: it reads an order id's items and executes
 * the plan the domain made, all or nothing, holding each step's limit ({@link OrderStep}) in the same write.
 */
public interface OrderRepository {

    /** The order id's items as stored now (strongly consistent); {@link OrderRecord#NONE} when there are none. */
    OrderRecord read(StoreCode store, String orderId);

    /**
     * Writes every step of {@code plan} or none.
     *
     * @return Committed; Refused naming each step whose limit did not hold (nothing was written); Contended when
     *         a concurrent write or throttling got in the way (nothing was written; reading and planning again is right)
     */
    PlanResult<OrderStep> execute(OrderPlan plan);
}

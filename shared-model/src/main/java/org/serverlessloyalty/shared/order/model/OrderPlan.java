package org.serverlessloyalty.shared.order.model;

import java.time.Instant;
import java.util.List;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * What applying one report writes, decided by the domain ({@code OrderPlans}): the steps of one order, all written
 * or none. The adapter executes it as one DynamoDB transaction.
 *
 * @param at when the plan was made: the order's {@code appliedAt}/{@code updatedAt}
 */
public record OrderPlan(StoreCode store, String orderId, Instant at, List<OrderStep> steps) {

    public OrderPlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A plan writes something");
        }
    }
}

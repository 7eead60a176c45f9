package org.serverlessloyalty.shared.points.model;

import java.util.List;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** The writes of one points action: one DynamoDB transaction, all or nothing. */
public record LedgerPlan(StoreCode store, List<LedgerStep> steps) {

    public LedgerPlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a plan writes something");
        }
    }
}

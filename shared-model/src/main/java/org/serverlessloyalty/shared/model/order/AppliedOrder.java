package org.serverlessloyalty.shared.model.order;

import java.time.Instant;
import java.util.List;

/** An order as the ledger holds it: the report (with its current status) and each code's outcome. */
public record AppliedOrder(OrderReport order, String contentHash, List<Redemption> redemptions,
                           Instant appliedAt, Instant updatedAt) {

    public AppliedOrder {
        redemptions = List.copyOf(redemptions);
    }
}

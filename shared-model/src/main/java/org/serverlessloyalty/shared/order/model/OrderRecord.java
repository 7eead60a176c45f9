package org.serverlessloyalty.shared.order.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the ledger holds for one order id: the trusted order, the beacon's report and each code's outcome
 * (any of them may be missing).
 */
public record OrderRecord(Optional<Stored> order, Optional<Stored> beacon, List<Redemption> redemptions) {

    public static final OrderRecord NONE = new OrderRecord(Optional.empty(), Optional.empty(), List.of());

    public OrderRecord {
        redemptions = List.copyOf(redemptions);
    }

    /** A report as recorded: with its status now and when it was recorded and last changed. */
    public record Stored(OrderReport report, String contentHash, Instant appliedAt, Instant updatedAt) {
    }
}

package org.serverlessloyalty.shared.order.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An order as the ledger holds it: the report (with its current status) and each code's outcome.
 *
 * @param order  the trusted report (CibleR, CitrusAd) when one was applied; else the beacon's, which takes no codes
 * @param beacon the beacon's report of the same order id when a trusted report is {@code order}: shown, never applied
 */
public record AppliedOrder(OrderReport order, String contentHash, List<Redemption> redemptions,
                           Instant appliedAt, Instant updatedAt, Optional<UnverifiedReport> beacon) {

    public AppliedOrder {
        redemptions = List.copyOf(redemptions);
        beacon = beacon == null ? Optional.empty() : beacon;
    }

    /** An order no beacon report stands beside. */
    public AppliedOrder(OrderReport order, String contentHash, List<Redemption> redemptions,
                        Instant appliedAt, Instant updatedAt) {
        this(order, contentHash, redemptions, appliedAt, updatedAt, Optional.empty());
    }
}

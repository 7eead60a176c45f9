package org.serverlessloyalty.shared.points.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The state a transfer's item stores for lists and exports, and the instant it next changes by time alone (a locked
 * lot unlocking, an active lot expiring; null when it never does). The state that counts is always the one derived
 * at the instant of a read or a spend ({@link PointsTransfer#stateAt}, section 4 item 7); this copy only lags it until
 * the scheduled tidy-up passes {@code nextChange}.
 */
public record ListedState(TransferState state, Instant nextChange) {

    public ListedState {
        Objects.requireNonNull(state, "state");
    }
}

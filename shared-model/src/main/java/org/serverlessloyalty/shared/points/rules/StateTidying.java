package org.serverlessloyalty.shared.points.rules;

import java.time.Instant;
import java.util.Optional;
import org.serverlessloyalty.shared.points.model.ListedState;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.StoredTransfer;
import org.serverlessloyalty.shared.points.model.TransferState;

/**
 * The scheduled tidy-up's decision (section 4 item 7: "a scheduled sweep only tidies up"). Open Loyalty's crons
 * unlock (rule P6) and expire (rule P7) transfers, and its points wait for them; ours count exactly at every read, so
 * the sweep only brings the state a transfer's item stores for lists up to the derived one. It never touches what a
 * balance or a spend's conditions read ({@code available}, {@code usableFrom}, {@code usableUntil}, the cancel mark).
 */
public final class StateTidying {

    private StateTidying() {
    }

    /**
     * What an item stores for lists at {@code at}: the derived state, and when time alone changes it next (a pending
     * lot at the end of its lock, rule P6; an active lot at its expiry, rule P5; never for anything else).
     */
    public static ListedState listedAt(PointsTransfer transfer, Instant at) {
        TransferState state = transfer.stateAt(at);
        Instant next = switch (state) {
            case PENDING -> transfer.usableFrom();
            case ACTIVE -> transfer.type().isLot() ? transfer.usableUntil() : null;
            default -> null;
        };
        return new ListedState(state, next);
    }

    /**
     * The state to store for a transfer read as {@code stored}, at {@code now}; empty when the stored one is already
     * right. A cancelled transfer is never tidied: its cancel wrote its state itself (rule P9).
     */
    public static Optional<ListedState> tidy(StoredTransfer stored, Instant now) {
        if (stored.transfer().isCanceled()) {
            return Optional.empty();
        }
        ListedState listed = listedAt(stored.transfer(), now);
        return listed.equals(stored.listed()) ? Optional.empty() : Optional.of(listed);
    }
}

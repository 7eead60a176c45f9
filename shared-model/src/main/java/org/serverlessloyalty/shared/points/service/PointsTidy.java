package org.serverlessloyalty.shared.points.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.serverlessloyalty.shared.points.model.ListedState;
import org.serverlessloyalty.shared.points.model.StoredTransfer;
import org.serverlessloyalty.shared.points.port.DueTransfers;
import org.serverlessloyalty.shared.points.rules.StateTidying;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The scheduled tidy-up of one store (section 4 item 7): every transfer whose stored state time has changed gets the
 * derived one, each with its own conditional write. Idempotent (a second run finds nothing due, and a stale read's
 * write fails its condition); a transfer that changed meanwhile is left alone and met again by the next run.
 */
public final class PointsTidy {

    /** What one run did in one store. */
    public record Report(int due, int tidied, int changedMeanwhile) {
        public static final Report NONE = new Report(0, 0, 0);

        public Report plus(Report other) {
            return new Report(due + other.due, tidied + other.tidied, changedMeanwhile + other.changedMeanwhile);
        }
    }

    private final DueTransfers transfers;
    private final Clock clock;

    public PointsTidy(DueTransfers transfers, Clock clock) {
        this.transfers = transfers;
        this.clock = clock;
    }

    public Report tidy(StoreCode store) {
        // Milliseconds, as the instants the items hold.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int[] counts = new int[3];
        transfers.due(store, now, page -> {
            for (StoredTransfer seen : page) {
                counts[0]++;
                Optional<ListedState> tidied = StateTidying.tidy(seen, now);
                if (tidied.isEmpty()) {
                    continue;
                }
                if (transfers.tidy(seen, tidied.get())) {
                    counts[1]++;
                } else {
                    counts[2]++;
                }
            }
        });
        return new Report(counts[0], counts[1], counts[2]);
    }
}

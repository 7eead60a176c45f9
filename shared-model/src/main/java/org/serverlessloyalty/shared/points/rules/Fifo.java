package org.serverlessloyalty.shared.points.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.points.model.Draw;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsTransfer;

/** Rule P8: spending takes from the lots that count now, oldest first, until the amount is covered. */
public final class Fifo {

    private Fifo() {
    }

    /** The balance at {@code at} (rule P1): what the lots that count hold. */
    public static Points balance(List<PointsTransfer> account, Instant at) {
        Points sum = Points.ZERO;
        for (PointsTransfer t : account) {
            if (t.countsAt(at)) {
                sum = sum.plus(t.available());
            }
        }
        return sum;
    }

    /**
     * What to take from which lot to cover {@code amount} at {@code at}, oldest lot first (creation order: the id
     * order of time-ordered ids); empty when the lots that count do not hold enough.
     */
    public static Optional<List<Draw>> draw(List<PointsTransfer> account, Points amount, Instant at) {
        List<PointsTransfer> lots = account.stream()
                .filter(t -> t.countsAt(at) && t.available().isPositive())
                .sorted(Comparator.comparing(PointsTransfer::id))
                .toList();
        List<Draw> draws = new ArrayList<>();
        Points missing = amount;
        for (PointsTransfer lot : lots) {
            if (missing.isZero()) {
                break;
            }
            Points take = lot.available().min(missing);
            draws.add(new Draw(lot.id(), take));
            missing = missing.minus(take);
        }
        return missing.isZero() ? Optional.of(List.copyOf(draws)) : Optional.empty();
    }
}

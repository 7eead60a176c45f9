package org.serverlessloyalty.shared.points.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.points.rules.Lots.adding;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.points.model.Draw;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsTransfer;

/** Rule P8: spending takes from the lots that count, oldest first. */
class FifoTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant FAR = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void p8TakesTheOldestLotsFirstAndOnlyWhatIsNeededFromTheLast() {
        PointsTransfer first = adding("20", T0, FAR);
        PointsTransfer second = adding("200", T0.plusSeconds(60), FAR);
        PointsTransfer third = adding("5", T0.plusSeconds(120), FAR);
        // Given out of order: the order is the lots' creation order, not the list's.
        List<Draw> draws = Fifo.draw(List.of(third, second, first), Points.of(100), NOW).orElseThrow();
        assertThat(draws).containsExactly(new Draw(first.id(), Points.of(20)), new Draw(second.id(), Points.of(80)));
    }

    @Test
    void p8SkipsLotsThatAreLockedExpiredCancelledOrEmpty() {
        PointsTransfer expired = adding("10", T0, NOW);                       // expired at NOW exactly
        PointsTransfer locked = adding(Lots.ALICE.memberId(), "10", T0.plusSeconds(1), NOW.plusSeconds(1), FAR);
        PointsTransfer cancelled = adding("10", T0.plusSeconds(2), FAR).canceled(T0.plusSeconds(3));
        PointsTransfer empty = adding("10", T0.plusSeconds(4), FAR).withAvailable(Points.ZERO);
        PointsTransfer good = adding("10.50", T0.plusSeconds(5), FAR);
        List<PointsTransfer> account = List.of(expired, locked, cancelled, empty, good);
        assertThat(Fifo.balance(account, NOW)).isEqualTo(Points.of("10.50"));
        assertThat(Fifo.draw(account, Points.of("10.5"), NOW).orElseThrow())
                .containsExactly(new Draw(good.id(), Points.of("10.50")));
        assertThat(Fifo.draw(account, Points.of("10.51"), NOW)).isEmpty();
    }

    @Test
    void theBalanceIsExactAtEveryInstantWithoutAnyJob() {
        PointsTransfer lot = adding("10", T0, NOW);
        assertThat(Fifo.balance(List.of(lot), NOW.minusMillis(1))).isEqualTo(Points.of(10));
        assertThat(Fifo.balance(List.of(lot), NOW)).isEqualTo(Points.ZERO);
    }
}

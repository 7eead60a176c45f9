package org.serverlessloyalty.shared.points.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.ListedState;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.StoredTransfer;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferState;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.points.port.DueTransfers;
import org.serverlessloyalty.shared.points.rules.StateTidying;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** One store's tidy-up over a fake port: what is due is written once, what changed meanwhile is counted, not forced. */
class PointsTidyTest {

    private static final StoreCode STORE = new StoreCode("13");
    private static final Instant CREATED = Instant.parse("2026-05-01T10:00:00.123Z");

    private final MutableClock clock = new MutableClock(CREATED);

    private static PointsTransfer lot(Instant lockedUntil, Instant expiresAt) {
        return PointsTransfer.lot(STORE, TransferId.newAt(CREATED), "alice", TransferType.ADDING, Points.of(10), CREATED,
                lockedUntil, expiresAt, Issuer.ADMIN, "test lot", null, null, null, null);
    }

    /** Hands out what it holds as due and records each write; the writes it is told to lose answer false. */
    private static final class FakeDue implements DueTransfers {
        final List<StoredTransfer> due = new ArrayList<>();
        final List<Map.Entry<StoredTransfer, ListedState>> written = new ArrayList<>();
        final List<TransferId> losing = new ArrayList<>();
        Instant askedAt;

        @Override
        public void due(StoreCode store, Instant now, Consumer<List<StoredTransfer>> page) {
            askedAt = now;
            page.accept(List.copyOf(due));
        }

        @Override
        public boolean tidy(StoredTransfer seen, ListedState tidied) {
            if (losing.contains(seen.transfer().id())) {
                return false;
            }
            written.add(Map.entry(seen, tidied));
            return true;
        }
    }

    @Test
    void writesTheDerivedStateOfEachDueTransferAndCountsTheOnesThatChangedMeanwhile() {
        PointsTransfer unlocking = lot(CREATED.plus(Duration.ofDays(1)), CREATED.plus(Duration.ofDays(30)));
        PointsTransfer expiring = lot(null, CREATED.plus(Duration.ofDays(2)));
        PointsTransfer raced = lot(null, CREATED.plus(Duration.ofDays(2)));
        FakeDue due = new FakeDue();
        for (PointsTransfer t : List.of(unlocking, expiring, raced)) {
            due.due.add(new StoredTransfer(t, StateTidying.listedAt(t, CREATED)));
        }
        due.losing.add(raced.id());
        clock.advance(Duration.ofDays(3));

        PointsTidy.Report report = new PointsTidy(due, clock).tidy(STORE);

        assertThat(report).isEqualTo(new PointsTidy.Report(3, 2, 1));
        assertThat(due.written).extracting(e -> e.getKey().transfer().id(), e -> e.getValue().state())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(unlocking.id(), TransferState.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple(expiring.id(), TransferState.EXPIRED));
        // Milliseconds, as the items store instants.
        assertThat(due.askedAt).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void aDueEntryWhoseStoredStateIsAlreadyRightWritesNothing() {
        PointsTransfer unlocked = lot(CREATED.plus(Duration.ofDays(1)), null);
        FakeDue due = new FakeDue();
        clock.advance(Duration.ofDays(2));
        due.due.add(new StoredTransfer(unlocked, new ListedState(TransferState.ACTIVE, null)));

        assertThat(new PointsTidy(due, clock).tidy(STORE)).isEqualTo(new PointsTidy.Report(1, 0, 0));
        assertThat(due.written).isEmpty();
    }
}

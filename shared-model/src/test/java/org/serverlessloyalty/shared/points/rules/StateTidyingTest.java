package org.serverlessloyalty.shared.points.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.points.model.Draw;
import org.serverlessloyalty.shared.points.model.ListedState;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.StoredTransfer;
import org.serverlessloyalty.shared.points.model.TransferState;

/** The tidy-up's decision (section 4 item 7): the stored state follows the derived one, nothing else. */
class StateTidyingTest {

    private static final Instant CREATED = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant UNLOCK = Instant.parse("2026-05-08T10:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2026-06-01T22:00:00Z");

    private final PointsTransfer locked = Lots.adding("alice-id", "50", CREATED, UNLOCK, EXPIRY);
    private final PointsTransfer unlocked = Lots.adding("alice-id", "50", CREATED, null, EXPIRY);

    @Test
    void aLockedLotIsStoredPendingUntilItsLockEndsThenActiveUntilItsExpiry() {
        assertThat(StateTidying.listedAt(locked, CREATED)).isEqualTo(new ListedState(TransferState.PENDING, UNLOCK));
        assertThat(StateTidying.listedAt(locked, UNLOCK)).isEqualTo(new ListedState(TransferState.ACTIVE, EXPIRY));
        assertThat(StateTidying.listedAt(locked, EXPIRY)).isEqualTo(new ListedState(TransferState.EXPIRED, null));
    }

    @Test
    void p6ALotPastItsLockEndIsTidiedFromPendingToActiveAndDueAgainAtItsExpiry() {
        StoredTransfer stored = new StoredTransfer(locked, StateTidying.listedAt(locked, CREATED));
        assertThat(StateTidying.tidy(stored, UNLOCK.plusMillis(1)))
                .contains(new ListedState(TransferState.ACTIVE, EXPIRY));
    }

    @Test
    void p5ALotPastItsExpiryIsTidiedFromActiveToExpiredAndIsNeverDueAgain() {
        StoredTransfer stored = new StoredTransfer(unlocked, StateTidying.listedAt(unlocked, CREATED));
        assertThat(StateTidying.tidy(stored, EXPIRY)).contains(new ListedState(TransferState.EXPIRED, null));
    }

    @Test
    void aLockedLotWhoseLockAndExpiryBothPassedSinceTheLastRunGoesStraightToExpired() {
        StoredTransfer stored = new StoredTransfer(locked, StateTidying.listedAt(locked, CREATED));
        assertThat(StateTidying.tidy(stored, EXPIRY.plusSeconds(3600)))
                .contains(new ListedState(TransferState.EXPIRED, null));
    }

    @Test
    void aLotNotYetDueOrAlreadyTidiedIsLeftAsItIs() {
        StoredTransfer pending = new StoredTransfer(locked, StateTidying.listedAt(locked, CREATED));
        assertThat(StateTidying.tidy(pending, UNLOCK.minusMillis(1))).isEmpty();
        StoredTransfer tidied = new StoredTransfer(locked, StateTidying.listedAt(locked, UNLOCK));
        assertThat(StateTidying.tidy(tidied, UNLOCK.plusSeconds(60))).isEmpty();
    }

    @Test
    void aCancelledLotIsNeverTidiedItsCancelWroteItsState() {
        PointsTransfer cancelled = locked.canceled(CREATED.plusSeconds(60));
        StoredTransfer stale = new StoredTransfer(cancelled, new ListedState(TransferState.PENDING, UNLOCK));
        assertThat(StateTidying.tidy(stale, UNLOCK.plusSeconds(1))).isEmpty();
    }

    @Test
    void aLotActivatedByHandIsActiveAndItsDueMovesToItsExpiry() {
        PointsTransfer activated = locked.activated(CREATED.plusSeconds(60));
        // What the activate step stores: active, its due keys still at the lock's end.
        StoredTransfer stored = new StoredTransfer(activated, new ListedState(TransferState.ACTIVE, UNLOCK));
        assertThat(StateTidying.tidy(stored, UNLOCK)).contains(new ListedState(TransferState.ACTIVE, EXPIRY));
    }

    @Test
    void spendsAndBlocksNeverChangeByTimeAlone() {
        PointsTransfer block = Lots.block("alice-id", CREATED, List.of(new Draw(unlocked.id(), Points.of(5))));
        assertThat(StateTidying.listedAt(block, CREATED)).isEqualTo(new ListedState(TransferState.BLOCKED, null));
        assertThat(StateTidying.listedAt(block, EXPIRY.plusSeconds(1)))
                .isEqualTo(new ListedState(TransferState.BLOCKED, null));
        PointsTransfer neverExpires = Lots.adding("alice-id", "5", CREATED, null, null);
        assertThat(StateTidying.listedAt(neverExpires, CREATED)).isEqualTo(new ListedState(TransferState.ACTIVE, null));
    }
}

package org.serverlessloyalty.shared.points.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Section 4 item 7: a transfer's state is derived at an instant, never waiting for a job. */
class PointsTransferTest {

    private static final StoreCode STORE = new StoreCode("13");
    private static final Instant ADDED = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant UNLOCKS = Instant.parse("2026-01-12T10:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-01-20T23:00:00Z");

    private static PointsTransfer lot(Instant lockedUntil, Instant expiresAt) {
        return PointsTransfer.lot(STORE, TransferId.newAt(ADDED), "m1", TransferType.ADDING, Points.of(10), ADDED,
                lockedUntil, expiresAt, Issuer.ADMIN, "test", null, null, null, null);
    }

    @Test
    void aLockedLotIsPendingUntilItsLockEndsThenActiveUntilItExpiresThenExpired() {
        PointsTransfer lot = lot(UNLOCKS, EXPIRES);
        assertThat(lot.stateAt(ADDED)).isEqualTo(TransferState.PENDING);
        assertThat(lot.stateAt(UNLOCKS.minusMillis(1))).isEqualTo(TransferState.PENDING);
        assertThat(lot.stateAt(UNLOCKS)).isEqualTo(TransferState.ACTIVE);
        assertThat(lot.stateAt(EXPIRES.minusMillis(1))).isEqualTo(TransferState.ACTIVE);
        assertThat(lot.stateAt(EXPIRES)).isEqualTo(TransferState.EXPIRED);
        assertThat(lot.countsAt(UNLOCKS)).isTrue();
        assertThat(lot.countsAt(EXPIRES)).isFalse();
    }

    @Test
    void cancelWinsOverEveryOtherStateAndRecordsWhatWasConsumed() {
        PointsTransfer lot = lot(null, EXPIRES).withAvailable(Points.of("6.5")).canceled(ADDED.plusSeconds(60));
        assertThat(lot.stateAt(ADDED.plusSeconds(61))).isEqualTo(TransferState.CANCELED);
        assertThat(lot.stateAt(EXPIRES.plusSeconds(1))).isEqualTo(TransferState.CANCELED);
        assertThat(lot.consumedAtCancel()).isEqualTo(Points.of("3.5"));
    }

    @Test
    void activatingEndsTheLockAndExpiringByHandEndsTheLotAtThatInstant() {
        Instant early = ADDED.plusSeconds(3600);
        PointsTransfer activated = lot(UNLOCKS, EXPIRES).activated(early);
        assertThat(activated.stateAt(early)).isEqualTo(TransferState.ACTIVE);
        Instant byHand = early.plusSeconds(60);
        PointsTransfer expired = activated.expired(byHand);
        assertThat(expired.stateAt(byHand.minusMillis(1))).isEqualTo(TransferState.ACTIVE);
        assertThat(expired.stateAt(byHand)).isEqualTo(TransferState.EXPIRED);
        assertThat(expired.usableUntil()).isEqualTo(byHand);
    }

    @Test
    void spendsAreActiveShowTheirCreationAsExpiryAndBlocksAreBlockedUntilCancelled() {
        PointsTransfer spend = PointsTransfer.drawing(STORE, TransferId.newAt(ADDED), "m1", TransferType.SPENDING,
                Points.of(5), ADDED, Issuer.ADMIN, "spent", null, null, null,
                List.of(new Draw(TransferId.newAt(ADDED), Points.of(5))));
        assertThat(spend.stateAt(EXPIRES.plusSeconds(999))).isEqualTo(TransferState.ACTIVE);
        assertThat(spend.shownExpiresAt()).isEqualTo(ADDED);
        assertThat(spend.available()).isEqualTo(Points.ZERO);
        PointsTransfer block = PointsTransfer.drawing(STORE, TransferId.newAt(ADDED), "m1", TransferType.BLOCKED,
                Points.of(5), ADDED, Issuer.ADMIN, "held", null, null, null,
                List.of(new Draw(TransferId.newAt(ADDED), Points.of(5))));
        assertThat(block.stateAt(ADDED)).isEqualTo(TransferState.BLOCKED);
        assertThat(block.canceled(ADDED).stateAt(ADDED)).isEqualTo(TransferState.CANCELED);
    }

    @Test
    void aLotShowsTheLastSecondOfItsLastDayAsExpiresAt() {
        assertThat(lot(null, EXPIRES).shownExpiresAt()).isEqualTo(Instant.parse("2026-01-20T22:59:59Z"));
    }

    @Test
    void item22EveryTransferNeedsAComment() {
        assertThatThrownBy(() -> PointsTransfer.lot(STORE, TransferId.newAt(ADDED), "m1", TransferType.ADDING,
                Points.of(1), ADDED, null, null, Issuer.ADMIN, " ", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAreUuidVersion7AndSortInCreationOrderEvenWithinOneMillisecond() {
        List<TransferId> ids = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            ids.add(TransferId.newAt(ADDED));
        }
        ids.add(TransferId.newAt(ADDED.plusSeconds(86_400)));
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(java.util.UUID.fromString(ids.get(0).value()).version()).isEqualTo(7);
        assertThat(TransferId.parse(ids.get(0).value().toUpperCase())).isEqualTo(ids.get(0));
    }

    @Test
    void pointsKeepTwoDecimalsAndRefuseAThird() {
        assertThat(Points.of("6.9").value().toPlainString()).isEqualTo("6.90");
        assertThatThrownBy(() -> Points.of("1.005")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Points.of(1).minus(Points.of(2))).isInstanceOf(IllegalArgumentException.class);
    }
}

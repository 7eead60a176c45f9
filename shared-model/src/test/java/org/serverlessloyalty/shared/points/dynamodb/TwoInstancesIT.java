package org.serverlessloyalty.shared.points.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.points.model.BlockPoints;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.testing.LocalTable;

/**
 * Two service instances (two Lambda instances, each with its own account cache) over one table: when one gives an
 * older lot usable points again, the other's next spend, decided on its cache, must still take the oldest points
 * first (rule P8). The account version check is what refuses the stale decision.
 */
class TwoInstancesIT {

    private static final LocalTable TABLE = LocalTable.create();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T10:00:00Z"));
    private PointsHarness points;
    private PointsTransfers first;
    private PointsTransfers second;

    @BeforeEach
    void setUp() {
        points = new PointsHarness(TABLE.client(), TABLE.name(), clock);
        first = points.transfers;
        second = points.otherInstance;
        points.member("m0");
        points.member("m1");
    }

    @Test
    void aSpendCachedBeforeTheOtherInstanceCancelledABlockTakesTheOldestLotFirst() {
        TransferId older = points.added("m0", "10");
        TransferId newer = points.added("m0", "100");
        TransferId block = PointsHarness.done(first.block(points.store,
                new BlockPoints("m0", new BigDecimal("10"), null, Issuer.ADMIN), Claim.none())).id();
        assertThat(available(older)).isEqualByComparingTo("0");

        PointsHarness.done(second.cancel(points.store, block, Claim.none()));
        PointsHarness.done(spend(first, "5"));

        assertThat(available(older)).isEqualByComparingTo("5");
        assertThat(available(newer)).isEqualByComparingTo("100");
    }

    @Test
    void aSpendCachedBeforeTheOtherInstanceActivatedAnOlderLotTakesItFirst() {
        points.settings.set(new PointsSettings(ExpiryMode.NEVER, 30, 1, Set.of("active"), Set.of("active"), false));
        TransferId gift = points.added("m1", "100");
        clock.advance(Duration.ofDays(2));
        TransferId locked = points.added("m0", "10");
        PointsHarness.done(second.sendAsAdmin(points.store, "m1", "m0", new BigDecimal("50"), Claim.none()));
        PointsHarness.done(spend(first, "5"));
        TransferId received = points.ledger.account(points.store.code(), "m0").stream()
                .filter(t -> t.sourceTransferId() != null && t.sourceTransferId().equals(gift))
                .findFirst().orElseThrow().id();
        assertThat(available(received)).isEqualByComparingTo("45");

        PointsHarness.done(second.activate(points.store, locked, Claim.none()));
        PointsHarness.done(spend(first, "5"));

        assertThat(available(locked)).isEqualByComparingTo("5");
        assertThat(available(received)).isEqualByComparingTo("45");
    }

    @Test
    void aSpendCachedBeforeTheOtherInstanceSpentTheSamePointsIsDecidedAgainAndNeverOverdraws() {
        points.added("m0", "10");
        PointsHarness.done(spend(first, "1"));
        PointsHarness.done(spend(second, "9"));

        assertThat(spend(first, "1")).isInstanceOf(TransferOutcome.Refused.class);
        assertThat(points.status("m0").points().value()).isEqualByComparingTo("0");
    }

    private TransferOutcome spend(PointsTransfers instance, String amount) {
        return instance.spend(points.store, new SpendPoints("m0", new BigDecimal(amount), null, Issuer.ADMIN, null),
                Claim.none());
    }

    private BigDecimal available(TransferId id) {
        return points.ledger.transfers(points.store.code(), "m0").stream().filter(t -> t.id().equals(id))
                .map(PointsTransfer::available).findFirst().orElseThrow().value();
    }
}

package org.serverlessloyalty.shared.points.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.points.rules.Lots.PARIS;
import static org.serverlessloyalty.shared.points.rules.Lots.adding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.Draw;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferType;

/** Rules P1 and P11 and section 4 item 12, with worked examples. */
class AccountRulesTest {

    private static final Instant NOW = paris("2026-05-20T12:00");

    private static Instant paris(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
    }

    private static Instant endOf(String lastDay) {
        return LocalDate.parse(lastDay).plusDays(1).atStartOfDay(PARIS).toInstant();
    }

    private static PointsTransfer p2pLot(String points, Instant at, Instant expiresAt) {
        return PointsTransfer.lot(Lots.STORE, TransferId.newAt(at), "alice-id", TransferType.P2P_ADDING,
                Points.of(points), at, null, expiresAt, Issuer.API, "p2p from bob", null, null, "bob-id", null);
    }

    @Test
    void p11AggregatesAWorkedAccount() {
        Instant t0 = paris("2026-05-01T10:00");
        // 100 earned, 30 of it used; still counts.
        PointsTransfer spentFrom = adding("100", t0, endOf("2026-06-30")).withAvailable(Points.of(70));
        // 50 earned, expired on 10 May with 40 left.
        PointsTransfer expired = adding("50", t0.plusSeconds(1), endOf("2026-05-10")).withAvailable(Points.of(40));
        // 25 earned, locked until 25 May.
        PointsTransfer locked = adding("alice-id", "25", t0.plusSeconds(2), paris("2026-05-25T10:00"), endOf("2026-07-15"));
        // 60 earned then cancelled after 10 was spent: neither earned nor counted; its 10 stays used.
        PointsTransfer cancelled = adding("60", t0.plusSeconds(3), endOf("2026-09-01")).withAvailable(Points.of(50))
                .canceled(t0.plusSeconds(4));
        // 12.5 received by p2p, 2.5 of it used: p2pPoints, not totalEarnedPoints.
        PointsTransfer received = p2pLot("12.50", t0.plusSeconds(5), endOf("2026-06-05")).withAvailable(Points.of(10));
        // An open block holding 20 of the first lot's points (taken from it: its 70 left already excludes them).
        PointsTransfer block = Lots.block("alice-id", t0.plusSeconds(6), List.of(new Draw(spentFrom.id(), Points.of(20))));

        AccountStatus s = AccountRules.status(List.of(spentFrom, expired, locked, cancelled, received, block), NOW, PARIS);

        assertThat(s.points()).isEqualTo(Points.of(80));                 // 70 + 10
        assertThat(s.p2pPoints()).isEqualTo(Points.of(10));
        assertThat(s.totalEarnedPoints()).isEqualTo(Points.of(175));     // 100 + 50 + 25, not p2p, not cancelled
        assertThat(s.usedPoints()).isEqualTo(Points.of("32.50"));        // 30 + 10 + 10 + 2.5 - 20 held by the block
        assertThat(s.expiredPoints()).isEqualTo(Points.of(40));
        assertThat(s.lockedPoints()).isEqualTo(Points.of(25));
        assertThat(s.blockedPoints()).isEqualTo(Points.of(20));
        // Next month is June: the 70 (30 June) and the 10 (5 June); not the 25 expiring in July.
        assertThat(s.pointsExpiringNextMonth()).isEqualTo(Points.of(80));
        assertThat(s.pointsExpiringBreakdown()).containsExactly(
                Map.entry(LocalDate.parse("2026-06-05"), Points.of(10)),
                Map.entry(LocalDate.parse("2026-06-30"), Points.of(70)),
                Map.entry(LocalDate.parse("2026-07-15"), Points.of(25)));
    }

    @Test
    void item12CountsOnlyExpiriesInsideNextMonthNotEveryLaterOne() {
        Instant t0 = paris("2026-12-10T10:00");
        List<PointsTransfer> account = List.of(
                adding("1", t0, endOf("2026-12-31")),   // this month
                adding("2", t0, endOf("2027-01-01")),   // next month, first day
                adding("4", t0, endOf("2027-01-31")),   // next month, last day
                adding("8", t0, endOf("2027-02-01")),   // the month after: Open Loyalty's inverted test counted it
                adding("16", t0, null));                // never
        assertThat(AccountRules.status(account, paris("2026-12-15T12:00"), PARIS).pointsExpiringNextMonth())
                .isEqualTo(Points.of(6));
    }

    @Test
    void p1TheBalanceDropsTheInstantPointsExpireInTheStoreTimeZone() {
        PointsTransfer lot = adding("10", paris("2026-05-01T10:00"), endOf("2026-05-31"));
        assertThat(AccountRules.status(List.of(lot), paris("2026-05-31T23:59:59"), PARIS).points()).isEqualTo(Points.of(10));
        AccountStatus after = AccountRules.status(List.of(lot), paris("2026-06-01T00:00"), PARIS);
        assertThat(after.points()).isEqualTo(Points.ZERO);
        assertThat(after.expiredPoints()).isEqualTo(Points.of(10));
    }

    @Test
    void anEmptyAccountIsAllZeros() {
        AccountStatus s = AccountRules.status(List.of(), NOW, PARIS);
        assertThat(List.of(s.points(), s.p2pPoints(), s.totalEarnedPoints(), s.usedPoints(), s.expiredPoints(),
                s.lockedPoints(), s.blockedPoints(), s.pointsExpiringNextMonth())).containsOnly(Points.ZERO);
        assertThat(s.pointsExpiringBreakdown()).isEmpty();
    }
}

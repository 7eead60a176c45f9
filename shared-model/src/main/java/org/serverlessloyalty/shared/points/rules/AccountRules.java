package org.serverlessloyalty.shared.points.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.TransferState;
import org.serverlessloyalty.shared.points.model.TransferType;

/** Rules P1 and P11 (and section 4 item 12): a member's points at an instant, from the account's lots and blocks. */
public final class AccountRules {

    private AccountRules() {
    }

    public static AccountStatus status(List<PointsTransfer> account, Instant at, ZoneId zone) {
        Points points = Points.ZERO;
        Points p2p = Points.ZERO;
        Points earned = Points.ZERO;
        Points consumed = Points.ZERO;
        Points expired = Points.ZERO;
        Points locked = Points.ZERO;
        Points blocked = Points.ZERO;
        Points nextMonth = Points.ZERO;
        SortedMap<LocalDate, Points> breakdown = new TreeMap<>();
        YearMonth next = YearMonth.from(at.atZone(zone)).plusMonths(1);
        for (PointsTransfer t : account) {
            if (t.type() == TransferType.BLOCKED) {
                if (!t.isCanceled()) {
                    blocked = blocked.plus(t.value());
                }
                continue;
            }
            if (!t.type().isLot()) {
                continue;
            }
            consumed = consumed.plus(t.consumed());
            if (t.type() == TransferType.ADDING && !t.isCanceled()) {
                earned = earned.plus(t.value());
            }
            TransferState state = t.stateAt(at);
            switch (state) {
                case ACTIVE -> {
                    points = points.plus(t.available());
                    if (t.type() == TransferType.P2P_ADDING) {
                        p2p = p2p.plus(t.available());
                    }
                }
                case PENDING -> locked = locked.plus(t.available());
                case EXPIRED -> expired = expired.plus(t.available());
                default -> {
                }
            }
            // Item 12: only what expires inside next month (Open Loyalty's inverted test counted every later expiry).
            // Locked points are included: they will count before they expire.
            boolean stillToExpire = state == TransferState.ACTIVE || state == TransferState.PENDING;
            if (stillToExpire && t.expiresAt() != null && t.available().isPositive()) {
                LocalDate lastDay = PointsLifetime.lastDay(t.expiresAt(), zone);
                breakdown.merge(lastDay, t.available(), Points::plus);
                if (YearMonth.from(lastDay).equals(next)) {
                    nextMonth = nextMonth.plus(t.available());
                }
            }
        }
        // What an open block holds was taken from lots but not used: it comes back when the block is cancelled.
        Points used = consumed.minus(blocked.min(consumed));
        return new AccountStatus(points, p2p, earned, used, expired, locked, blocked, nextMonth, breakdown);
    }
}

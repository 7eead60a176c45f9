package org.serverlessloyalty.shared.points.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A member's points at an instant (rules P1 and P11, section 1.B.2), all from one Query of the account.
 *
 * @param points                    the balance: what lots hold and can be spent now (P1)
 * @param p2pPoints                 what active p2p_adding lots hold (P11)
 * @param totalEarnedPoints         the value of every adding (not p2p) lot not cancelled, locked and expired ones included (P11)
 * @param usedPoints                what spends and p2p sends took from lots, cancelled ones included (P11); points an
 *                                  open block holds are not used
 * @param expiredPoints             what expired lots still held when they expired (P11)
 * @param lockedPoints              what pending lots hold (P6, P11)
 * @param blockedPoints             what open blocks hold (B9; not an Open Loyalty field)
 * @param pointsExpiringNextMonth   what lots counting now or later hold that expires inside next calendar month (item 12)
 * @param pointsExpiringBreakdown   the same per last valid day, for every day from today on (4.x)
 */
public record AccountStatus(Points points, Points p2pPoints, Points totalEarnedPoints, Points usedPoints,
                            Points expiredPoints, Points lockedPoints, Points blockedPoints,
                            Points pointsExpiringNextMonth, SortedMap<LocalDate, Points> pointsExpiringBreakdown) {

    public AccountStatus {
        pointsExpiringBreakdown = Collections.unmodifiableSortedMap(new TreeMap<>(pointsExpiringBreakdown));
    }
}

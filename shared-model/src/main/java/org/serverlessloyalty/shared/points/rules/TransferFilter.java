package org.serverlessloyalty.shared.points.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Predicate;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.TransferQuery;

/**
 * Rule P12's filters of the transfer lists, on one transfer at an instant: states are derived then (item 7), so a
 * list never shows points as active past their expiry, whether or not any job ran.
 */
public final class TransferFilter {

    private TransferFilter() {
    }

    public static Predicate<PointsTransfer> of(TransferQuery query, Instant at, ZoneId zone) {
        return t -> matches(t, query, at, zone);
    }

    public static boolean matches(PointsTransfer t, TransferQuery q, Instant at, ZoneId zone) {
        if (q.memberId() != null && !q.memberId().equals(t.memberId())) {
            return false;
        }
        if (q.type() != null && q.type() != t.type()) {
            return false;
        }
        if (!q.states().isEmpty() && !q.states().contains(t.stateAt(at))) {
            return false;
        }
        if (q.willExpireTill() != null) {
            Instant shown = t.shownExpiresAt();
            if (shown == null || shown.atZone(zone).toLocalDate().isAfter(q.willExpireTill())) {
                return false;
            }
        }
        return same(q.firstName(), t.member().firstName()) && same(q.lastName(), t.member().lastName())
                && same(q.email(), t.member().email()) && same(q.phone(), t.member().phone());
    }

    /** Names and contacts match whole, ignoring case (Open Loyalty's filters take a name, not a pattern). */
    private static boolean same(String wanted, String actual) {
        if (wanted == null || wanted.isBlank()) {
            return true;
        }
        return actual != null && actual.strip().toLowerCase(Locale.ROOT).equals(wanted.strip().toLowerCase(Locale.ROOT));
    }
}

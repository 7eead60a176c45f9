package org.serverlessloyalty.shared.points.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.serverlessloyalty.shared.points.model.PointsSettings;

/**
 * When added points unlock (rule P6) and expire (rule P5), in the store's time zone.
 *
 * <p>Expiry is a calendar day: points count until 23:59:59 of their last day there, whatever the daylight-saving
 * changes in between. It is kept as the first instant after that day (the next day's start, which
 * {@link java.time.LocalDate#atStartOfDay(ZoneId)} finds even on a day whose midnight a DST change skips), so
 * "counts at t" is simply {@code t < expiresAt}, with no lost last second.
 */
public final class PointsLifetime {

    private PointsLifetime() {
    }

    /**
     * Rule P6: {@code createdAt} plus the lock days (calendar days in the store's zone, so a lock across a DST change
     * ends at the same wall-clock time); null when the store does not lock (0 days: our lazy unlocking needs no job,
     * so unlike Open Loyalty's, a 0-day lock is no lock at all, section 4 item 7).
     */
    public static Instant lockedUntil(Instant createdAt, PointsSettings settings, ZoneId zone) {
        if (settings.lockDays() == 0) {
            return null;
        }
        return createdAt.atZone(zone).plusDays(settings.lockDays()).toInstant();
    }

    /**
     * Rule P5: the last day is counted from the day the points start counting ({@code lockedUntil}, else creation):
     * N days after it ({@code after_x_days}), the last day of its month or of its year, or never (null).
     *
     * @return the first instant the points no longer count: the start of the day after their last day
     */
    public static Instant expiresAt(Instant countsFrom, PointsSettings settings, ZoneId zone) {
        LocalDate base = countsFrom.atZone(zone).toLocalDate();
        LocalDate lastDay = switch (settings.expiryMode()) {
            case AFTER_X_DAYS -> base.plusDays(settings.expiryDays());
            case END_OF_MONTH -> base.with(TemporalAdjusters.lastDayOfMonth());
            case END_OF_YEAR -> base.with(TemporalAdjusters.lastDayOfYear());
            case NEVER -> null;
        };
        return lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The last day an expiry instant of {@link #expiresAt} leaves the points counting, in the store's zone. */
    public static LocalDate lastDay(Instant expiresAt, ZoneId zone) {
        return expiresAt.minusNanos(1).atZone(zone).toLocalDate();
    }
}

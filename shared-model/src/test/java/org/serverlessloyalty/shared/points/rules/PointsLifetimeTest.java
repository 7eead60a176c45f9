package org.serverlessloyalty.shared.points.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.PointsSettings;

/** Rules P5 (expiry) and P6 (lock) in the store's time zone, across month and year ends and Paris's DST changes. */
class PointsLifetimeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static PointsSettings settings(ExpiryMode mode, int days, int lockDays) {
        return new PointsSettings(mode, days, lockDays, Set.of("active"), Set.of("active"), false);
    }

    private static Instant paris(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    /** The instant points stop counting, given as the last second they count (23:59:59 local) plus one second. */
    private static Instant endOf(String lastDay) {
        return paris(lastDay + "T23:59:59").plusSeconds(1);
    }

    @ParameterizedTest(name = "P5 {0} x{1} from {2} -> last day {3}")
    @CsvSource({
            // after_x_days: 23:59:59 of the day N days after the day the points start counting
            "AFTER_X_DAYS, 3, 2026-01-30T10:00, 2026-02-02",
            "AFTER_X_DAYS, 3, 2026-12-30T22:30, 2027-01-02",   // across the year end
            "AFTER_X_DAYS, 90, 2026-01-01T00:00, 2026-04-01",
            "AFTER_X_DAYS, 1, 2026-03-28T12:00, 2026-03-29",   // the last day is the 23-hour spring-forward day
            "AFTER_X_DAYS, 1, 2026-10-24T12:00, 2026-10-25",   // the last day is the 25-hour fall-back day
            // end of month: the last day of the month the points start counting in
            "END_OF_MONTH, 0, 2026-02-10T09:00, 2026-02-28",
            "END_OF_MONTH, 0, 2028-02-10T09:00, 2028-02-29",   // leap year
            "END_OF_MONTH, 0, 2026-01-31T23:30, 2026-01-31",   // added on the last evening: gone at midnight
            "END_OF_MONTH, 0, 2026-03-01T00:00, 2026-03-31",   // the 31st ends in summer time
            // end of year
            "END_OF_YEAR, 0, 2026-06-15T12:00, 2026-12-31",
            "END_OF_YEAR, 0, 2026-12-31T23:59, 2026-12-31",
    })
    void expiresAtTheEndOfTheLastDayInTheStoreTimeZone(ExpiryMode mode, int days, String added, String lastDay) {
        Instant expiresAt = PointsLifetime.expiresAt(paris(added), settings(mode, Math.max(days, 1), 0), PARIS);
        assertThat(expiresAt).isEqualTo(endOf(lastDay));
        assertThat(PointsLifetime.lastDay(expiresAt, PARIS)).isEqualTo(LocalDate.parse(lastDay));
    }

    @Test
    void theDayIsTheStoresNotUtcs() {
        // 23:30 UTC on the 30th is already the 31st in Paris: three days after that is 3 February.
        Instant added = Instant.parse("2026-01-30T23:30:00Z");
        assertThat(PointsLifetime.expiresAt(added, settings(ExpiryMode.AFTER_X_DAYS, 3, 0), PARIS))
                .isEqualTo(endOf("2026-02-03"));
        assertThat(PointsLifetime.expiresAt(added, settings(ExpiryMode.AFTER_X_DAYS, 3, 0), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-02-03T00:00:00Z"));
    }

    @Test
    void pointsThatNeverExpireHaveNoExpiry() {
        assertThat(PointsLifetime.expiresAt(paris("2026-06-15T12:00"), settings(ExpiryMode.NEVER, 1, 0), PARIS)).isNull();
    }

    @Test
    void theSpringForwardDayIs23HoursAndTheLastSecondIsStill235959() {
        Instant expiresAt = PointsLifetime.expiresAt(paris("2026-03-28T12:00"), settings(ExpiryMode.AFTER_X_DAYS, 1, 0), PARIS);
        assertThat(expiresAt).isEqualTo(Instant.parse("2026-03-29T22:00:00Z")); // midnight +02:00
        assertThat(expiresAt.minusSeconds(1).atZone(PARIS).toLocalTime().toString()).isEqualTo("23:59:59");
        assertThat(Duration.between(paris("2026-03-29T00:00"), expiresAt)).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void p6LocksForCalendarDaysSoTheUnlockKeepsItsWallClockTimeAcrossDst() {
        Instant added = paris("2026-03-28T12:00");
        Instant lockedUntil = PointsLifetime.lockedUntil(added, settings(ExpiryMode.AFTER_X_DAYS, 3, 2), PARIS);
        assertThat(lockedUntil).isEqualTo(paris("2026-03-30T12:00"));
        assertThat(Duration.between(added, lockedUntil)).isEqualTo(Duration.ofHours(47));
    }

    @Test
    void p5CountsTheExpiryFromTheEndOfTheLock() {
        PointsSettings locked = settings(ExpiryMode.AFTER_X_DAYS, 3, 2);
        Instant added = paris("2026-01-30T10:00");
        Instant lockedUntil = PointsLifetime.lockedUntil(added, locked, PARIS);
        assertThat(PointsLifetime.expiresAt(lockedUntil, locked, PARIS)).isEqualTo(endOf("2026-02-04"));
    }

    @Test
    void aZeroDayLockIsNoLockAtAll() {
        assertThat(PointsLifetime.lockedUntil(paris("2026-01-30T10:00"), settings(ExpiryMode.AFTER_X_DAYS, 3, 0), PARIS))
                .isNull();
    }
}

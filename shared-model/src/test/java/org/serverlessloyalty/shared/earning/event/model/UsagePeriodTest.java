package org.serverlessloyalty.shared.earning.event.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Rule E12: calendar periods in the store's time zone. */
class UsagePeriodTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void dayIsTheStoresCalendarDayNotUtcs() {
        // 23:30 UTC on 29 November is already 30 November in Paris, still 29 November in New York.
        Instant lateEvening = Instant.parse("2026-11-29T23:30:00Z");
        assertThat(UsagePeriod.DAY.periodOf(lateEvening, PARIS)).isEqualTo("2026-11-30");
        assertThat(UsagePeriod.DAY.periodOf(lateEvening, NEW_YORK)).isEqualTo("2026-11-29");
    }

    @Test
    void weekRunsMondayToSundayAsIsoWeeks() {
        assertThat(UsagePeriod.WEEK.periodOf(Instant.parse("2026-11-23T08:00:00Z"), PARIS)).isEqualTo("2026-W48");
        assertThat(UsagePeriod.WEEK.periodOf(Instant.parse("2026-11-29T20:00:00Z"), PARIS)).isEqualTo("2026-W48");
        // Sunday 22:59 UTC is Monday in Paris: the next week.
        assertThat(UsagePeriod.WEEK.periodOf(Instant.parse("2026-11-29T23:30:00Z"), PARIS)).isEqualTo("2026-W49");
        // 1 January 2027 is a Friday of the last ISO week of 2026.
        assertThat(UsagePeriod.WEEK.periodOf(Instant.parse("2027-01-01T12:00:00Z"), PARIS)).isEqualTo("2026-W53");
    }

    @Test
    void monthQuarterHalfYearYearAndForeverAreCalendarPeriods() {
        Instant march = Instant.parse("2026-03-31T22:30:00Z"); // 00:30 on 1 April in Paris (summer time)
        assertThat(UsagePeriod.MONTH.periodOf(march, PARIS)).isEqualTo("2026-04");
        assertThat(UsagePeriod.QUARTER.periodOf(march, PARIS)).isEqualTo("2026-Q2");
        assertThat(UsagePeriod.QUARTER.periodOf(march, NEW_YORK)).isEqualTo("2026-Q1");
        assertThat(UsagePeriod.HALF_YEAR.periodOf(Instant.parse("2026-06-30T23:00:00Z"), PARIS)).isEqualTo("2026-H2");
        assertThat(UsagePeriod.HALF_YEAR.periodOf(Instant.parse("2026-06-30T12:00:00Z"), PARIS)).isEqualTo("2026-H1");
        assertThat(UsagePeriod.YEAR.periodOf(Instant.parse("2026-12-31T23:30:00Z"), PARIS)).isEqualTo("2027");
        assertThat(UsagePeriod.FOREVER.periodOf(march, PARIS)).isEqualTo("forever");
    }

    @Test
    void parsesOpenLoyalty32AndDocs4xSpellings() {
        assertThat(UsagePeriod.parse("3 months")).contains(UsagePeriod.QUARTER);
        assertThat(UsagePeriod.parse("3months")).contains(UsagePeriod.QUARTER);
        assertThat(UsagePeriod.parse("6 months")).contains(UsagePeriod.HALF_YEAR);
        assertThat(UsagePeriod.parse("1 year")).contains(UsagePeriod.YEAR);
        assertThat(UsagePeriod.parse("year")).contains(UsagePeriod.YEAR);
        assertThat(UsagePeriod.parse("fortnight")).isEmpty();
    }
}

package org.serverlessloyalty.shared.giftcode.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.fakes.Fixtures.code;
import static org.serverlessloyalty.shared.fakes.Fixtures.store;
import static org.serverlessloyalty.shared.fakes.Fixtures.terms;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.serverlessloyalty.shared.fakes.Fixtures.Terms;
import org.serverlessloyalty.shared.giftcode.model.Cart;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.ValidationQuery;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.store.model.Store;

/**
 * A code is valid through the whole of its {@code expirationDate} and from the start of its
 * {@code activeFrom}, in the store's time zone: the instants are built from the local date-time in
 * that zone, on far-from-UTC zones and on DST change days (23- and 25-hour days).
 */
class GiftCodeExpiryTest {

    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    private static Optional<ValidationReason> refusal(String zone, Terms terms, Instant now) {
        Store store = store("13", "EUR", zone, Locale.FRENCH);
        var query = new ValidationQuery(store.code(), CodeValue.of("SUMMER"), new Cart(10_000, List.of()), null, null,
                null, List.of());
        var facts = new GiftCodeRules.Facts(store, query, Optional.of(code(store, "SUMMER", terms.build())), 0,
                List.of(), now);
        return GiftCodeRules.refusal(facts);
    }

    private static Instant local(LocalDate date, LocalTime time, String zone) {
        return ZonedDateTime.of(LocalDateTime.of(date, time), ZoneId.of(zone)).toInstant();
    }

    /** The first instant of {@code date} in the zone (01:00 where midnight falls in a DST gap). */
    private static Instant startOfDay(LocalDate date, String zone) {
        return date.atStartOfDay(ZoneId.of(zone)).toInstant();
    }

    @ParameterizedTest(name = "{0}, expires {1}")
    @CsvSource({
            "Pacific/Honolulu,   2026-03-29",
            "Pacific/Kiritimati, 2026-03-29",
            "Europe/Paris,       2026-03-28",  // the next midnight begins the 23-hour day
            "Europe/Paris,       2026-03-29",  // spring forward: 02:00 -> 03:00
            "Europe/Paris,       2026-10-24",  // the next midnight begins the 25-hour day
            "Europe/Paris,       2026-10-25",  // fall back: 03:00 -> 02:00
            "America/New_York,   2026-03-07",
            "America/New_York,   2026-03-08",  // spring forward: 02:00 -> 03:00
            "America/New_York,   2026-10-31",
            "America/New_York,   2026-11-01",  // fall back: 02:00 -> 01:00
            "America/Santiago,   2026-09-05",  // the next midnight does not exist: the day starts at 01:00
            "UTC,                2026-12-31",
    })
    void acceptsCodeAtTheLastSecondOfItsExpirationDayInStoreTimeZone(String zone, LocalDate expiration) {
        Instant lastSecond = local(expiration, LAST_SECOND, zone);
        assertThat(refusal(zone, terms().expirationDate(expiration.toString()), lastSecond)).isEmpty();
    }

    @ParameterizedTest(name = "{0}, expires {1}")
    @CsvSource({
            "Pacific/Honolulu,   2026-03-29",
            "Pacific/Kiritimati, 2026-03-29",
            "Europe/Paris,       2026-03-28",
            "Europe/Paris,       2026-03-29",
            "Europe/Paris,       2026-10-24",
            "Europe/Paris,       2026-10-25",
            "America/New_York,   2026-03-07",
            "America/New_York,   2026-03-08",
            "America/New_York,   2026-10-31",
            "America/New_York,   2026-11-01",
            "America/Santiago,   2026-09-05",
            "UTC,                2026-12-31",
    })
    void rejectsCodeAtMidnightAfterItsExpirationDayInStoreTimeZone(String zone, LocalDate expiration) {
        Instant nextMidnight = startOfDay(expiration.plusDays(1), zone);
        assertThat(refusal(zone, terms().expirationDate(expiration.toString()), nextMidnight))
                .contains(ValidationReason.EXPIRED);
    }

    @ParameterizedTest(name = "{0}, active from {1}")
    @CsvSource({
            "Pacific/Honolulu,   2026-03-29",
            "Pacific/Kiritimati, 2026-03-29",
            "Europe/Paris,       2026-03-29",
            "Europe/Paris,       2026-03-30",
            "Europe/Paris,       2026-10-25",
            "Europe/Paris,       2026-10-26",
            "America/New_York,   2026-03-08",
            "America/New_York,   2026-03-09",
            "America/New_York,   2026-11-01",
            "America/New_York,   2026-11-02",
            "America/Santiago,   2026-09-06",  // starts at 01:00 local
    })
    void activeFromStartsAtTheStartOfTheDayInStoreTimeZone(String zone, LocalDate activeFrom) {
        Terms terms = terms().activeFrom(activeFrom.toString());
        Instant start = startOfDay(activeFrom, zone);
        assertThat(refusal(zone, terms, start)).as("at the first instant of the day").isEmpty();
        assertThat(refusal(zone, terms, start.minusSeconds(1))).as("one second before")
                .contains(ValidationReason.NOT_YET_ACTIVE);
        assertThat(refusal(zone, terms, local(activeFrom.minusDays(1), LAST_SECOND, zone)))
                .as("at 23:59:59 local the day before").contains(ValidationReason.NOT_YET_ACTIVE);
    }

    @Test
    void acceptsCodeAt235959InHonoluluAlthoughItIsAlreadyTheNextDayInUtc() {
        Instant now = local(LocalDate.parse("2026-03-29"), LAST_SECOND, "Pacific/Honolulu");
        assertThat(LocalDate.ofInstant(now, ZoneOffset.UTC)).isEqualTo("2026-03-30");
        assertThat(refusal("Pacific/Honolulu", terms().expirationDate("2026-03-29"), now)).isEmpty();
    }

    @Test
    void rejectsCodeAtMidnightInKiritimatiAlthoughItIsStillTheExpirationDayInUtc() {
        Instant now = local(LocalDate.parse("2026-03-30"), LocalTime.MIDNIGHT, "Pacific/Kiritimati");
        assertThat(LocalDate.ofInstant(now, ZoneOffset.UTC)).isEqualTo("2026-03-29");
        assertThat(refusal("Pacific/Kiritimati", terms().expirationDate("2026-03-29"), now))
                .contains(ValidationReason.EXPIRED);
    }

    @Test
    void rejectsCodeExpiredYesterdayInStoreTimeZoneThoughItIsStillThatDayInUtc() {
        // 00:30 in Kiritimati (UTC+14) on 2026-06-16 is 10:30 UTC on 2026-06-15.
        Instant now = local(LocalDate.parse("2026-06-16"), LocalTime.of(0, 30), "Pacific/Kiritimati");
        assertThat(refusal("Pacific/Kiritimati", terms().expirationDate("2026-06-15"), now))
                .contains(ValidationReason.EXPIRED);
    }

    @Test
    void notYetActiveInHonoluluAlthoughTheActiveFromDayHasBegunInUtc() {
        // 20:00 in Honolulu (UTC-10) on 2026-06-14 is 06:00 UTC on 2026-06-15.
        Instant now = local(LocalDate.parse("2026-06-14"), LocalTime.of(20, 0), "Pacific/Honolulu");
        assertThat(LocalDate.ofInstant(now, ZoneOffset.UTC)).isEqualTo("2026-06-15");
        assertThat(refusal("Pacific/Honolulu", terms().activeFrom("2026-06-15"), now))
                .contains(ValidationReason.NOT_YET_ACTIVE);
    }

    @Test
    void theSpringForwardDayIsValidThroughItsTwentyThreeHoursInParis() {
        Terms terms = terms().expirationDate("2026-03-29");
        Instant start = startOfDay(LocalDate.parse("2026-03-29"), "Europe/Paris");
        Instant end = startOfDay(LocalDate.parse("2026-03-30"), "Europe/Paris");
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(23));
        assertThat(refusal("Europe/Paris", terms, local(LocalDate.parse("2026-03-29"), LocalTime.of(1, 59, 59),
                "Europe/Paris"))).isEmpty();
        assertThat(refusal("Europe/Paris", terms, local(LocalDate.parse("2026-03-29"), LocalTime.of(3, 0),
                "Europe/Paris"))).isEmpty();
        assertThat(refusal("Europe/Paris", terms, end.minusSeconds(1))).isEmpty();
        assertThat(refusal("Europe/Paris", terms, end)).contains(ValidationReason.EXPIRED);
    }

    @Test
    void theFallBackDayIsValidThroughItsTwentyFiveHoursInNewYork() {
        Terms terms = terms().expirationDate("2026-11-01");
        Instant start = startOfDay(LocalDate.parse("2026-11-01"), "America/New_York");
        Instant end = startOfDay(LocalDate.parse("2026-11-02"), "America/New_York");
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(25));
        // 01:30 happens twice; both are on the expiration day.
        ZonedDateTime ambiguous = ZonedDateTime.of(LocalDateTime.parse("2026-11-01T01:30"),
                ZoneId.of("America/New_York"));
        assertThat(refusal("America/New_York", terms, ambiguous.withEarlierOffsetAtOverlap().toInstant())).isEmpty();
        assertThat(refusal("America/New_York", terms, ambiguous.withLaterOffsetAtOverlap().toInstant())).isEmpty();
        assertThat(refusal("America/New_York", terms, end.minusSeconds(1))).isEmpty();
        assertThat(refusal("America/New_York", terms, end)).contains(ValidationReason.EXPIRED);
    }
}

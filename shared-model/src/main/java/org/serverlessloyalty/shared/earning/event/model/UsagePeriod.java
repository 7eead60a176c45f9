package org.serverlessloyalty.shared.earning.event.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;

/**
 * The calendar period an earning rule's usage limit counts in (rule E12): calendar periods in the store's time zone,
 * not rolling windows, so every use in the same period shares one counter ({@code TallyKey.RuleUsage}'s period).
 */
public enum UsagePeriod {
    DAY("day"),
    /** The ISO week, Monday to Sunday. */
    WEEK("week"),
    MONTH("month"),
    /** The quarter: January-March, April-June, ... */
    QUARTER("3 months"),
    /** January-June, July-December. */
    HALF_YEAR("6 months"),
    YEAR("1 year"),
    FOREVER("forever");

    private final String openLoyaltyName;

    UsagePeriod(String openLoyaltyName) {
        this.openLoyaltyName = openLoyaltyName;
    }

    /** Open Loyalty 3.2's spelling ({@code 3 months}); the 4.x docs' ({@code 3months}, {@code year}) parse too. */
    public String openLoyaltyName() {
        return openLoyaltyName;
    }

    public static Optional<UsagePeriod> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String compact = name.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (compact) {
            case "day" -> Optional.of(DAY);
            case "week" -> Optional.of(WEEK);
            case "month" -> Optional.of(MONTH);
            case "3months" -> Optional.of(QUARTER);
            case "6months" -> Optional.of(HALF_YEAR);
            case "1year", "year" -> Optional.of(YEAR);
            case "forever" -> Optional.of(FOREVER);
            default -> Optional.empty();
        };
    }

    /**
     * The name of the period {@code at} falls in, in {@code zone}: {@code 2026-11-29}, {@code 2026-W48},
     * {@code 2026-11}, {@code 2026-Q4}, {@code 2026-H2}, {@code 2026}, {@code forever}. Two instants share a counter
     * exactly when they get the same name.
     */
    public String periodOf(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return switch (this) {
            case DAY -> day.toString();
            // The week-based year: 2027-01-01 (a Friday) is in 2026-W53.
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", day.getYear(), day.getMonthValue());
            case QUARTER -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
            case HALF_YEAR -> day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2);
            case YEAR -> Integer.toString(day.getYear());
            case FOREVER -> "forever";
        };
    }
}

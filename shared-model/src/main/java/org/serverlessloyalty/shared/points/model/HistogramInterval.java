package org.serverlessloyalty.shared.points.model;

import java.time.LocalDate;

/** {@code interval} of the points histogram (B12): how its days are grouped, and each group's key. */
public enum HistogramInterval {
    DAY("day"),
    MONTH("month"),
    YEAR("year");

    private final String openLoyaltyName;

    HistogramInterval(String openLoyaltyName) {
        this.openLoyaltyName = openLoyaltyName;
    }

    public String openLoyaltyName() {
        return openLoyaltyName;
    }

    /** {@code 2018-01-06}, {@code 2018-01} or {@code 2018}. */
    public String keyOf(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case MONTH -> day.toString().substring(0, 7);
            case YEAR -> Integer.toString(day.getYear());
        };
    }

    public static HistogramInterval fromOpenLoyaltyName(String name) {
        for (HistogramInterval interval : values()) {
            if (interval.openLoyaltyName.equals(name)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("unknown interval " + name);
    }
}

package org.serverlessloyalty.shared.earning.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A usage limit's calendar period (rule E12). Open Loyalty 3.2 spells them {@code 3 months}, {@code 6 months},
 * {@code 1 year}; the 4.x docs {@code 3months}, {@code 6months}, {@code year}: both are read, the 4.x spelling is
 * answered.
 */
public enum LimitPeriod {
    DAY("day"),
    WEEK("week"),
    MONTH("month"),
    THREE_MONTHS("3months", "3 months"),
    SIX_MONTHS("6months", "6 months"),
    YEAR("year", "1 year"),
    FOREVER("forever");

    private final String value;
    private final List<String> aliases;

    LimitPeriod(String value, String... aliases) {
        this.value = value;
        this.aliases = List.of(aliases);
    }

    public String value() {
        return value;
    }

    public static Optional<LimitPeriod> fromValue(String text) {
        return Arrays.stream(values()).filter(p -> p.value.equals(text) || p.aliases.contains(text)).findFirst();
    }

    /** The names a client may send, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(LimitPeriod::value).toList());
    }
}

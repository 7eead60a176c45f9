package org.serverlessloyalty.local.template;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Type: Schedule} event (an EventBridge rule) with a {@code rate(...)} expression: the stack invokes the
 * function with a scheduled event every {@code rate}, the first time one {@code rate} after it started, as a new
 * EventBridge rule does. {@code cron(...)} expressions are not emulated (a warning says so).
 */
public record ScheduleDef(String functionLogicalId, String eventName, String expression, Duration rate,
                          boolean enabled) {

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

    /**
     * EventBridge's rate syntax: a positive whole number and a unit, singular for 1 ({@code rate(1 hour)}) and plural
     * otherwise ({@code rate(5 minutes)}); empty for anything else (cron expressions included).
     */
    public static Optional<Duration> parseRate(String expression) {
        Matcher m = RATE.matcher(expression == null ? "" : expression.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (value < 1 || (value == 1) != !unit.endsWith("s")) {
            return Optional.empty();
        }
        return Optional.of(switch (unit.replaceAll("s$", "")) {
            case "minute" -> Duration.ofMinutes(value);
            case "hour" -> Duration.ofHours(value);
            default -> Duration.ofDays(value);
        });
    }
}

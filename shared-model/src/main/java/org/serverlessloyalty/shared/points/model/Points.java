package org.serverlessloyalty.shared.points.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of loyalty points: Open Loyalty's points are decimals with two places (6.9 points exist, DOC L6895),
 * so they are a {@link BigDecimal} at scale 2, never a double. Never negative.
 */
public record Points(BigDecimal value) implements Comparable<Points> {

    public static final int SCALE = 2;
    public static final Points ZERO = new Points(BigDecimal.ZERO);

    public Points {
        if (value == null) {
            throw new IllegalArgumentException("points must be given");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("points cannot be negative: " + value);
        }
        // Rejects a third decimal rather than rounding it away: rule P3's forms refuse it (scale 2).
        value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static Points of(String value) {
        return new Points(new BigDecimal(value));
    }

    public static Points of(long value) {
        return new Points(BigDecimal.valueOf(value));
    }

    /** At most two decimals (rule P3: the forms' scale 2). */
    public static boolean hasValidScale(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= SCALE;
    }

    public Points plus(Points other) {
        return new Points(value.add(other.value));
    }

    /** @throws IllegalArgumentException when the result would be negative */
    public Points minus(Points other) {
        return new Points(value.subtract(other.value));
    }

    public Points min(Points other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isLessThan(Points other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Points other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}

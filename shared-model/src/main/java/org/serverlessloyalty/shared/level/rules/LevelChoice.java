package org.serverlessloyalty.shared.level.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.serverlessloyalty.shared.level.model.Level;

/** Which level an amount reaches (rule L2) and which comes next (rule L7). Pure. */
public final class LevelChoice {

    /**
     * The order of levels from worst to best: by condition value, then by reward (L2's tie-break), then by id so that
     * two identical levels still have one order.
     */
    public static final Comparator<Level> WORST_FIRST = Comparator.comparing(Level::conditionValue)
            .thenComparing(l -> l.reward().value())
            .thenComparing(Level::id);

    private LevelChoice() {
    }

    /**
     * L2: the active level with the largest conditionValue at most {@code amount}; of several with that value, the one
     * with the larger reward.
     */
    public static Optional<Level> forAmount(Collection<Level> levels, BigDecimal amount) {
        return levels.stream()
                .filter(Level::active)
                .filter(l -> l.conditionValue().compareTo(amount) <= 0)
                .max(WORST_FIRST);
    }

    /**
     * L7: the active level with the smallest conditionValue above the current one's; without a current level, the
     * active level with the smallest conditionValue.
     */
    public static Optional<Level> next(Collection<Level> levels, Level current) {
        return levels.stream()
                .filter(Level::active)
                .filter(l -> current == null || l.conditionValue().compareTo(current.conditionValue()) > 0)
                .min(Comparator.comparing(Level::conditionValue)
                        .thenComparing(l -> l.reward().value(), Comparator.reverseOrder())
                        .thenComparing(Level::id));
    }

    /** Whether {@code a} is a better level than {@code b} (no level is worse than any level). */
    public static boolean better(Level a, Level b) {
        if (a == null) {
            return false;
        }
        return b == null || WORST_FIRST.compare(a, b) > 0;
    }

    /** The better of two levels, either of which may be null. */
    public static Level best(Level a, Level b) {
        return better(a, b) ? a : b == null ? a : b;
    }

    /**
     * L7: {@code pointsToNextLevel} = next.conditionValue − (int) points: Open Loyalty truncates the points (12.99
     * points are 12), and so do we; never below 0.
     */
    public static BigDecimal pointsToNext(Level next, BigDecimal points) {
        BigDecimal missing = next.conditionValue().subtract(points.setScale(0, RoundingMode.DOWN));
        return missing.signum() < 0 ? BigDecimal.ZERO : missing;
    }

    /** L4's counterpart: the transaction amount still missing for the next level, exact to the cent; never below 0. */
    public static BigDecimal amountToNext(Level next, BigDecimal amount) {
        BigDecimal missing = next.conditionValue().subtract(amount);
        return missing.signum() < 0 ? BigDecimal.ZERO : missing;
    }
}

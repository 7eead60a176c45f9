package org.serverlessloyalty.shared.points.rules;

import java.math.BigDecimal;
import java.util.Optional;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.Refusal;

/**
 * Rule P3 and section 4 item 10: which amounts a transfer may carry. Add, spend and block take 1 or more (Open
 * Loyalty's forms: "This value should be 1 or more."); a p2p send takes more than 0 (Open Loyalty accepts 0 in its
 * form and then fails with a 500: ours answers 400). Every amount has at most two decimals.
 */
public final class PointsAmounts {

    public static final String AT_LEAST_ONE = "This value should be 1 or more.";
    public static final String POSITIVE = "This value should be greater than 0.";
    public static final String TWO_DECIMALS = "This value should have at most 2 decimals.";
    public static final String REQUIRED = "This value should not be blank.";
    /** Keeps a number DynamoDB and the counters can hold exactly (38 significant digits) with room to add. */
    public static final BigDecimal MAXIMUM = new BigDecimal("1000000000000");
    public static final String TOO_LARGE = "This value should be " + MAXIMUM.toPlainString() + " or less.";

    private PointsAmounts() {
    }

    /** For add, spend and block: at least 1. */
    public static Optional<Refusal> checkAtLeastOne(String field, BigDecimal points) {
        return check(field, points, points != null && points.compareTo(BigDecimal.ONE) < 0, AT_LEAST_ONE);
    }

    /** For p2p: more than 0. */
    public static Optional<Refusal> checkPositive(String field, BigDecimal points) {
        return check(field, points, points != null && points.signum() <= 0, POSITIVE);
    }

    private static Optional<Refusal> check(String field, BigDecimal points, boolean isTooSmall, String tooSmall) {
        if (points == null) {
            return Optional.of(Refusal.invalidPoints(field, REQUIRED));
        }
        if (isTooSmall) {
            return Optional.of(Refusal.invalidPoints(field, tooSmall));
        }
        if (!Points.hasValidScale(points)) {
            return Optional.of(Refusal.invalidPoints(field, TWO_DECIMALS));
        }
        if (points.compareTo(MAXIMUM) > 0) {
            return Optional.of(Refusal.invalidPoints(field, TOO_LARGE));
        }
        return Optional.empty();
    }
}

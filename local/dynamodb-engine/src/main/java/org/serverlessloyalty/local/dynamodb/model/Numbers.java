package org.serverlessloyalty.local.dynamodb.model;

import java.math.BigDecimal;

import org.serverlessloyalty.local.dynamodb.error.ApiException;

/** DynamoDB's number rules: up to 38 significant digits, magnitude 1E-130 .. 9.99..9E+125, canonical form. */
public final class Numbers {

    private Numbers() {
    }

    /** Parses wire text into a canonical BigDecimal, rejecting what DynamoDB rejects. */
    public static BigDecimal parse(String text) {
        BigDecimal d;
        try {
            if (text.isEmpty() || Character.isWhitespace(text.charAt(0))
                    || Character.isWhitespace(text.charAt(text.length() - 1))) {
                throw new NumberFormatException();
            }
            d = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ApiException.validation("A value provided cannot be converted into a number");
        }
        return check(d);
    }

    /** Validates the range and precision of a number (e.g. an arithmetic result) and canonicalises it. */
    public static BigDecimal check(BigDecimal d) {
        if (d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = d.stripTrailingZeros();
        if (s.precision() > 38) {
            throw ApiException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        int exponent = s.precision() - s.scale() - 1;
        if (exponent > 125) {
            throw ApiException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < -130) {
            throw ApiException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return s;
    }

    static BigDecimal canonical(BigDecimal d) {
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    public static String format(BigDecimal d) {
        return d.toPlainString();
    }

    /**
     * Storage size of a number as DynamoDB bills it: digits are stored in base 100 aligned on the decimal
     * point, one byte per pair of digits between the first and last non-zero pair, plus one byte, plus one
     * for a negative sign; zero takes one byte; at most 21 bytes.
     */
    public static int storageSize(BigDecimal d) {
        if (d.signum() == 0) {
            return 1;
        }
        BigDecimal s = d.abs().stripTrailingZeros();
        int precision = s.precision();
        int scale = s.scale();
        int highestExponent = precision - 1 - scale;
        int lowestExponent = -scale;
        int pairs = Math.floorDiv(highestExponent, 2) - Math.floorDiv(lowestExponent, 2) + 1;
        int size = pairs + 1 + (d.signum() < 0 ? 1 : 0);
        return Math.min(size, 21);
    }
}

package org.serverlessloyalty.shared.giftcode.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** A gift code as stored and matched: trimmed and upper-cased, so codes match case-insensitively. */
public record CodeValue(String value) implements Comparable<CodeValue> {

    public static final int MAX_LENGTH = 64;
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9_-]{1," + MAX_LENGTH + "}");

    public CodeValue {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("code must be 1-" + MAX_LENGTH + " letters, digits, '-' or '_'");
        }
    }

    /** The normal form of what a shopper typed or an admin sent. */
    public static CodeValue of(String raw) {
        return new CodeValue(normalise(raw));
    }

    public static boolean isValid(String raw) {
        return raw != null && FORMAT.matcher(normalise(raw)).matches();
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public int compareTo(CodeValue other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

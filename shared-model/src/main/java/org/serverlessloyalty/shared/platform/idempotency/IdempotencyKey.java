package org.serverlessloyalty.shared.platform.idempotency;

import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key} header: the same key with the same body means "the same
 * request again" (finish it if it was cut short, answer it again if it completed).
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;
    /** Printable ASCII without spaces: UUIDs, ULIDs and the like, nothing a log or a key can trip on. */
    private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    public IdempotencyKey {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Idempotency-Key must be 1-" + MAX_LENGTH
                    + " printable ASCII characters without spaces");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}

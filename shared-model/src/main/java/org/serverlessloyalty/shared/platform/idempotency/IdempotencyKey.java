package org.serverlessloyalty.shared.platform.idempotency;

import java.util.Optional;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.FieldErrors;

/**
 * A client's {@code Idempotency-Key} header: the same key with the same body means "the same
 * request again" (finish it if it was cut short, answer it again if it completed).
 */
public record IdempotencyKey(String value) {

    /** The header's name, as errors name it. */
    public static final String HEADER = "Idempotency-Key";
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

    /** The request's optional {@code Idempotency-Key} header; a malformed one is a 400 naming the header. */
    public static Optional<IdempotencyKey> of(ApiRequest request) {
        Optional<String> raw = request.header(HEADER);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (!isValid(raw.get())) {
            throw ApiException.badRequest(FieldErrors.single(HEADER, "must be 1-" + MAX_LENGTH
                    + " printable ASCII characters without spaces"));
        }
        return Optional.of(new IdempotencyKey(raw.get()));
    }
}

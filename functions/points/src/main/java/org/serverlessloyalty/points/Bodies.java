package org.serverlessloyalty.points;

import java.util.Optional;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;

/** What the points routes read from a request besides the path: the body's fields and the Idempotency-Key. */
final class Bodies {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Bodies() {
    }

    /** The fields of an Open Loyalty body under {@code root} ({@code customer[email]=...}, or JSON with or without it). */
    static JsonFields openLoyalty(ApiRequest request, String root) {
        return OpenLoyaltyBody.parse(request, root);
    }

    /**
     * The optional {@code Idempotency-Key} header, checked on every write: a registration with one derives its member
     * from it, so the same key and body register once; the other writes set a state and are safe to repeat as such.
     */
    static Optional<IdempotencyKey> idempotencyKey(ApiRequest request) {
        Optional<String> raw = request.header(IDEMPOTENCY_KEY);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (!IdempotencyKey.isValid(raw.get())) {
            throw ApiException.badRequest(FieldErrors.single(IDEMPOTENCY_KEY, "must be 1-" + IdempotencyKey.MAX_LENGTH
                    + " printable ASCII characters without spaces"));
        }
        return Optional.of(new IdempotencyKey(raw.get()));
    }
}

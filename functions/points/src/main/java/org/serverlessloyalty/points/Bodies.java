package org.serverlessloyalty.points;

import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;

/** What the points routes read from a request's body (the Idempotency-Key header: {@code IdempotencyKey.of}). */
final class Bodies {

    private Bodies() {
    }

    /** The fields of an Open Loyalty body under {@code root} ({@code customer[email]=...}, or JSON with or without it). */
    static JsonFields openLoyalty(ApiRequest request, String root) {
        return OpenLoyaltyBody.parse(request, root);
    }
}

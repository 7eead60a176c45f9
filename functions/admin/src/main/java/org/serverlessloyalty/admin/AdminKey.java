package org.serverlessloyalty.admin;

import java.util.Optional;
import java.util.function.Supplier;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.store.model.ApiKey;

/**
 * The deployment admin key check. Admin calls send {@code Authorization: Bearer <key>} or Open
 * Loyalty's {@code X-AUTH-TOKEN}. The key is fetched once per instance (from SSM on AWS) on the
 * first admin call, and compared in constant time.
 */
final class AdminKey {

    private final Supplier<String> source;
    private volatile byte[] hash;

    AdminKey(Supplier<String> source) {
        this.source = source;
    }

    void check(ApiRequest request) {
        Optional<String> presented = request.bearerToken().or(() -> request.header("x-auth-token"));
        if (presented.isEmpty() || !ApiKey.matches(presented.get(), expectedHash())) {
            throw ApiException.unauthorized();
        }
    }

    private byte[] expectedHash() {
        byte[] known = hash;
        if (known == null) {
            String key = source.get();
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("The admin key is empty");
            }
            known = ApiKey.hash(key);
            hash = known;
        }
        return known;
    }
}

package org.serverlessloyalty.shared.platform.idempotency;

import java.util.Objects;

/**
 * Where an {@code Idempotency-Key} is unique: one store and one route ({@code POST /points/transfer/spend}).
 * The same key sent to another route, or by another store, is another request.
 *
 * @param store the store code (every table key begins with it)
 * @param route the route key as template.yaml declares it
 */
public record IdempotencyScope(String store, String route) {

    public IdempotencyScope {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(route, "route");
    }
}

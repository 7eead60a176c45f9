package org.serverlessloyalty.points.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.points.model.CustomerTokenSecret;
import org.serverlessloyalty.shared.points.port.CustomerTokenSecrets;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Customer-token keys in memory. */
public final class InMemoryTokenSecrets implements CustomerTokenSecrets {

    private final Map<StoreCode, CustomerTokenSecret> secrets = new HashMap<>();

    @Override
    public synchronized Optional<CustomerTokenSecret> find(StoreCode store) {
        return Optional.ofNullable(secrets.get(store));
    }

    @Override
    public synchronized CustomerTokenSecret createIfAbsent(StoreCode store, CustomerTokenSecret first) {
        return secrets.computeIfAbsent(store, s -> first);
    }

    @Override
    public synchronized CustomerTokenSecret replace(StoreCode store, byte[] key, Instant now) {
        long version = find(store).map(CustomerTokenSecret::version).orElse(0L) + 1;
        CustomerTokenSecret next = new CustomerTokenSecret(version, key, now);
        secrets.put(store, next);
        return next;
    }
}

package org.serverlessloyalty.shared.points.port;

import java.util.Optional;
import org.serverlessloyalty.shared.points.model.CustomerTokenSecret;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Each store's customer-token key, kept in the table (encrypted at rest) and never returned by the API. */
public interface CustomerTokenSecrets {

    /** The store's current key, read consistently: a rotated key is never seen late. */
    Optional<CustomerTokenSecret> find(StoreCode store);

    /**
     * Stores {@code first} as the store's key unless it has one already (two first token requests racing both end
     * up with the one the store kept). @return the store's key after the call
     */
    CustomerTokenSecret createIfAbsent(StoreCode store, CustomerTokenSecret first);

    /** Replaces the store's key with {@code key} (version one more than the previous, 1 if none). @return the new key */
    CustomerTokenSecret replace(StoreCode store, byte[] key, java.time.Instant now);
}

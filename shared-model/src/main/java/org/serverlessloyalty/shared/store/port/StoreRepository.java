package org.serverlessloyalty.shared.store.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.persistence.AlreadyExistsException;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Stores (tenants) and their storefront key hashes. */
public interface StoreRepository {

    /**
     * Writes the store and the hash of its publishable key together.
     *
     * @throws AlreadyExistsException when a store with this code exists; nothing is written then
     */
    void create(Store store, byte[] publishableKeyHash);

    Optional<Store> find(StoreCode code);

    /** Up to {@code limit} stores in code order, starting after {@code after} (exclusive, may be null). */
    List<Store> list(StoreCode after, int limit);

    /** Replaces the editable settings. @return false when the store does not exist */
    boolean update(Store store);

    /** Swaps the key hash. @return false when the store does not exist */
    boolean replaceApiKeyHash(StoreCode code, byte[] apiKeyHash, Instant now);

    /** Swaps the publishable key hash. @return false when the store does not exist */
    boolean replacePublishableKeyHash(StoreCode code, byte[] publishableKeyHash, Instant now);
}

package org.serverlessloyalty.shared.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.serverlessloyalty.shared.http.ApiException;
import org.serverlessloyalty.shared.model.ApiKey;
import org.serverlessloyalty.shared.model.PlainText;
import org.serverlessloyalty.shared.model.Store;
import org.serverlessloyalty.shared.model.StoreCode;
import org.serverlessloyalty.shared.store.StoreRepository;

/**
 * Storefront authentication: which store a key opens. A missing or unknown key is 401; a valid key
 * of another store is 404, the same answer as a store that does not exist, so a key never reveals
 * which other stores exist.
 */
public final class StoreAccess {

    private final StoreRepository stores;
    private final TtlCache<StoreCode, Store> cache;

    public StoreAccess(StoreRepository stores, Duration cacheTtl, Clock clock) {
        this.stores = stores;
        this.cache = new TtlCache<>(cacheTtl, clock);
    }

    /** The store's settings, cached briefly. */
    public Optional<Store> store(StoreCode code) {
        return cache.get(code, stores::find);
    }

    public Store authenticate(String pathStore, Optional<String> presentedKey) {
        String key = presentedKey.orElseThrow(ApiException::unauthorized);
        StoreCode keyStore = ApiKey.claimedStore(key).orElseThrow(ApiException::unauthorized);
        Store owner = store(keyStore)
                .filter(s -> ApiKey.matches(key, s.apiKeyHash()))
                .orElseThrow(ApiException::unauthorized);
        if (!owner.code().value().equals(pathStore)) {
            // The path is the client's: quoted, never echoed whole.
            throw ApiException.notFound("Store " + PlainText.excerpt(pathStore));
        }
        if (!owner.active()) {
            throw ApiException.notFound("Store " + pathStore);
        }
        return owner;
    }
}

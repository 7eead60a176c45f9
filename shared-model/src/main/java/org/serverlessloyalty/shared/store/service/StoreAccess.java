package org.serverlessloyalty.shared.store.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.cache.TtlCache;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.port.StoreRepository;

/**
 * Storefront authentication: which store a key opens. A missing or unknown key is 401; a valid key
 * of another store is 404, the same answer as a store that does not exist, so a key never reveals
 * which other stores exist.
 *
 * <p>The store (and its key hash) is cached for {@code cacheTtl}. A key the cached hash refuses is checked
 * against the store read again before the 401, so a key rotated a moment ago works at once on a warm
 * instance; those extra reads happen at most once per {@link #RECHECK_INTERVAL} per store, so a flood of
 * wrong keys costs one read a second (and a new key presented during one waits at most that long). The old
 * key keeps working until this instance reads the store again: at most {@code cacheTtl} after the rotation.
 */
public final class StoreAccess {

    /** At most one extra read per store per interval for keys the cached hash refuses. */
    public static final Duration RECHECK_INTERVAL = Duration.ofSeconds(1);

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
        Store owner = ownerOf(keyStore, key).orElseThrow(ApiException::unauthorized);
        if (!owner.code().value().equals(pathStore)) {
            // The path is the client's: quoted, never echoed whole.
            throw ApiException.notFound("Store " + PlainText.excerpt(pathStore));
        }
        if (!owner.active()) {
            throw ApiException.notFound("Store " + pathStore);
        }
        return owner;
    }

    /** The store {@code key} opens: by the cached hash, else by the hash read again (a rotation since). */
    private Optional<Store> ownerOf(StoreCode keyStore, String key) {
        Optional<Store> cached = store(keyStore).filter(s -> ApiKey.matches(key, s.apiKeyHash()));
        if (cached.isPresent()) {
            return cached;
        }
        return cache.refresh(keyStore, stores::find, RECHECK_INTERVAL)
                .filter(s -> ApiKey.matches(key, s.apiKeyHash()));
    }
}

package org.serverlessloyalty.shared.store.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.port.StoreRepository;

/** Creating, changing and listing stores; storefront keys are generated here and only their hash is kept. */
public final class StoreDirectory {

    /** A store with its keys, which exist only in this answer. */
    public record StoreWithKey(Store store, String apiKey, String publishableKey) {
    }

    private final StoreRepository stores;
    private final Clock clock;

    public StoreDirectory(StoreRepository stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** @throws org.serverlessloyalty.shared.platform.persistence.AlreadyExistsException when the code is taken */
    public StoreWithKey create(Store settings) {
        String key = ApiKey.generate(settings.code());
        String publishable = ApiKey.generatePublishable(settings.code());
        var now = clock.instant();
        Store store = new Store(settings.code(), settings.name(), settings.currency(), settings.timezone(),
                settings.locale(), settings.active(), ApiKey.hash(key), now, now);
        stores.create(store, ApiKey.hash(publishable));
        return new StoreWithKey(store, key, publishable);
    }

    public Optional<Store> find(StoreCode code) {
        return stores.find(code);
    }

    public List<Store> list(StoreCode after, int limit) {
        return stores.list(after, limit);
    }

    public boolean update(Store changed) {
        return stores.update(new Store(changed.code(), changed.name(), changed.currency(), changed.timezone(),
                changed.locale(), changed.active(), changed.apiKeyHash(), changed.createdAt(), clock.instant()));
    }

    /** A new key replaces the old one; warm functions accept the old key until their store cache expires. */
    public Optional<String> rotateKey(StoreCode code) {
        String key = ApiKey.generate(code);
        return stores.replaceApiKeyHash(code, ApiKey.hash(key), clock.instant()) ? Optional.of(key) : Optional.empty();
    }

    /** A new publishable key (beacon) replaces the old one. */
    public Optional<String> rotatePublishableKey(StoreCode code) {
        String key = ApiKey.generatePublishable(code);
        return stores.replacePublishableKeyHash(code, ApiKey.hash(key), clock.instant())
                ? Optional.of(key) : Optional.empty();
    }
}

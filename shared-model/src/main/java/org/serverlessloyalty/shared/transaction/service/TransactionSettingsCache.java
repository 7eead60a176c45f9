package org.serverlessloyalty.shared.transaction.service;

import java.time.Clock;
import java.time.Duration;
import org.serverlessloyalty.shared.platform.cache.TtlCache;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;
import org.serverlessloyalty.shared.transaction.port.TransactionSettingsRepository;
import org.serverlessloyalty.shared.transaction.port.TransactionSettingsSource;

/**
 * A store's transaction settings, kept per instance as long as the store itself ({@code StoreCacheSeconds}): a
 * change reaches every instance within that time, as the points settings do.
 */
public final class TransactionSettingsCache implements TransactionSettingsSource {

    private final TransactionSettingsRepository repository;
    private final TtlCache<StoreCode, TransactionSettings> cache;

    public TransactionSettingsCache(TransactionSettingsRepository repository, Duration ttl, Clock clock) {
        this.repository = repository;
        this.cache = new TtlCache<>(ttl, clock);
    }

    @Override
    public TransactionSettings settings(StoreCode store) {
        return cache.get(store, s -> java.util.Optional.of(repository.find(s).orElse(TransactionSettings.DEFAULTS)))
                .orElse(TransactionSettings.DEFAULTS);
    }

    /** Read again at most once a second per store, however many refusals ask. */
    @Override
    public TransactionSettings current(StoreCode store) {
        return cache.refresh(store, s -> java.util.Optional.of(repository.find(s).orElse(TransactionSettings.DEFAULTS)),
                Duration.ofSeconds(1)).orElse(TransactionSettings.DEFAULTS);
    }
}

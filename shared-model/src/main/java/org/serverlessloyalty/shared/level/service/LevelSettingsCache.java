package org.serverlessloyalty.shared.level.service;

import java.time.Clock;
import java.time.Duration;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.level.port.LevelSettingsRepository;
import org.serverlessloyalty.shared.platform.cache.TtlCache;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A store's level settings as recalculations read them: cached per instance like the points settings. */
public final class LevelSettingsCache {

    private final LevelSettingsRepository settings;
    private final TtlCache<StoreCode, LevelSettings> cache;

    public LevelSettingsCache(LevelSettingsRepository settings, Duration ttl, Clock clock) {
        this.settings = settings;
        this.cache = new TtlCache<>(ttl, clock);
    }

    public LevelSettings settings(StoreCode store) {
        return cache.get(store, settings::find).orElse(LevelSettings.DEFAULTS);
    }
}

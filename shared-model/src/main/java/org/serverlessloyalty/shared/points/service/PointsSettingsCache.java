package org.serverlessloyalty.shared.points.service;

import java.time.Clock;
import java.time.Duration;
import org.serverlessloyalty.shared.platform.cache.TtlCache;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.port.PointsSettingsRepository;
import org.serverlessloyalty.shared.points.port.PointsSettingsSource;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A store's points settings as the ledger reads them: cached per instance for {@code StoreCacheSeconds}, like the
 * store itself, so a changed setting applies within that time; Open Loyalty's defaults when the store never set any.
 */
public final class PointsSettingsCache implements PointsSettingsSource {

    private final PointsSettingsRepository settings;
    private final TtlCache<StoreCode, PointsSettings> cache;

    public PointsSettingsCache(PointsSettingsRepository settings, Duration ttl, Clock clock) {
        this.settings = settings;
        this.cache = new TtlCache<>(ttl, clock);
    }

    @Override
    public PointsSettings settings(StoreCode store) {
        return cache.get(store, settings::find).orElse(PointsSettings.DEFAULTS);
    }
}

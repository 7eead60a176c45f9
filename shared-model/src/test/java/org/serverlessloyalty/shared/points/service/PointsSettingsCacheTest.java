package org.serverlessloyalty.shared.points.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.port.PointsSettingsRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;

class PointsSettingsCacheTest {

    private static final StoreCode STORE = new StoreCode("13");

    private final Map<StoreCode, PointsSettings> saved = new HashMap<>();
    private int reads;
    private final PointsSettingsRepository repository = new PointsSettingsRepository() {
        @Override
        public Optional<PointsSettings> find(StoreCode store) {
            reads++;
            return Optional.ofNullable(saved.get(store));
        }

        @Override
        public void save(StoreCode store, PointsSettings settings, Instant now) {
            saved.put(store, settings);
        }
    };

    @Test
    void aStoreThatNeverSetAnyGetsOpenLoyaltysDefaults() {
        var cache = new PointsSettingsCache(repository, Duration.ofSeconds(30), new MutableClock(Instant.EPOCH));
        assertThat(cache.settings(STORE)).isEqualTo(PointsSettings.DEFAULTS);
    }

    @Test
    void aChangedSettingAppliesOnceTheCacheExpires() {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        var cache = new PointsSettingsCache(repository, Duration.ofSeconds(30), clock);
        assertThat(cache.settings(STORE)).isEqualTo(PointsSettings.DEFAULTS);
        PointsSettings never = new PointsSettings(ExpiryMode.NEVER, 90, 0, Set.of("active"), Set.of("active"), false);
        repository.save(STORE, never, Instant.EPOCH);
        assertThat(cache.settings(STORE)).isEqualTo(PointsSettings.DEFAULTS);
        assertThat(reads).isEqualTo(1);
        clock.advance(Duration.ofSeconds(31));
        assertThat(cache.settings(STORE)).isEqualTo(never);
    }
}

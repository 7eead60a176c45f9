package org.serverlessloyalty.shared.transaction.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;
import org.serverlessloyalty.shared.transaction.port.TransactionSettingsRepository;

class TransactionSettingsCacheTest {

    private static final StoreCode STORE = new StoreCode("13");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final AtomicReference<TransactionSettings> stored = new AtomicReference<>(TransactionSettings.DEFAULTS);
    private final AtomicInteger reads = new AtomicInteger();
    private final TransactionSettingsCache cache = new TransactionSettingsCache(new TransactionSettingsRepository() {
        @Override
        public Optional<TransactionSettings> find(StoreCode store) {
            reads.incrementAndGet();
            return Optional.of(stored.get());
        }

        @Override
        public void save(StoreCode store, TransactionSettings settings, Instant now) {
            stored.set(settings);
        }
    }, Duration.ofSeconds(30), clock);

    @Test
    void t2ReturnsTurnedOnAreSeenByARefusalBeforeTheCachedSettingsExpire() {
        assertThat(cache.settings(STORE).returns()).isFalse();
        stored.set(withReturns());

        assertThat(cache.settings(STORE).returns()).as("still the cached copy").isFalse();
        assertThat(cache.current(STORE).returns()).isTrue();
        assertThat(cache.settings(STORE).returns()).as("the cache now holds what was read").isTrue();
    }

    @Test
    void refusalsReadTheStoreAtMostOnceASecond() {
        cache.settings(STORE);
        for (int i = 0; i < 20; i++) {
            cache.current(STORE);
        }
        assertThat(reads).hasValue(2);
        clock.advance(Duration.ofSeconds(1));
        cache.current(STORE);
        assertThat(reads).hasValue(3);
    }

    private static TransactionSettings withReturns() {
        TransactionSettings d = TransactionSettings.DEFAULTS;
        return new TransactionSettings(d.identificationPriority(), true, d.excludedDeliverySkus(),
                d.orderPointsSource(), d.enrollShoppers(), d.beaconEarns());
    }
}

package org.serverlessloyalty.shared.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small per-instance cache with a time to live. A Lambda instance serves one request at a time,
 * so a brief TTL turns repeated store look-ups at checkout into memory reads while changes (a
 * rotated key, a new time zone) still show within {@code ttl}.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(Optional<V> value, long expiresAtMillis) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public TtlCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        long now = clock.millis();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAtMillis() > now) {
            return entry.value();
        }
        Optional<V> loaded = loader.apply(key);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry<>(loaded, now + ttl.toMillis()));
        return loaded;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }
}

package org.serverlessloyalty.shared.platform.cache;

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
    /** When each key was last read by {@link #refresh} (epoch millis). */
    private final ConcurrentHashMap<K, Long> refreshedAt = new ConcurrentHashMap<>();
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
        return load(key, loader, now);
    }

    /**
     * Reads {@code key} again now, unless it was already read this way less than {@code minInterval} ago:
     * then the cached value (as {@link #get}). For a value that has just failed a check, such as a key that
     * does not match the cached hash: a value changed since (a rotated key) is seen at once, yet however many
     * checks fail, these extra reads happen at most once per {@code minInterval} per key.
     */
    public Optional<V> refresh(K key, Function<K, Optional<V>> loader, Duration minInterval) {
        long now = clock.millis();
        if (!claimRefresh(key, now, minInterval.toMillis())) {
            return get(key, loader);
        }
        return load(key, loader, now);
    }

    /** Atomic, so concurrent callers (the local stack shares one instance) still read once per interval. */
    private boolean claimRefresh(K key, long now, long minIntervalMillis) {
        boolean[] claimed = {false};
        refreshedAt.compute(key, (k, last) -> {
            if (last == null || now - last >= minIntervalMillis) {
                claimed[0] = true;
                return now;
            }
            return last;
        });
        return claimed[0];
    }

    private Optional<V> load(K key, Function<K, Optional<V>> loader, long now) {
        Optional<V> loaded = loader.apply(key);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
            refreshedAt.clear();
        }
        entries.put(key, new Entry<>(loaded, now + ttl.toMillis()));
        return loaded;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }
}

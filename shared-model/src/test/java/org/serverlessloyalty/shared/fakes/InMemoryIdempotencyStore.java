package org.serverlessloyalty.shared.fakes;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyStore;

/** Idempotency records in memory, with the store's rule: a live record blocks its key, an expired one does not. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

    private static String id(IdempotencyScope scope, IdempotencyKey key) {
        return scope.store() + "|" + scope.route() + "|" + key.value();
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyScope scope, IdempotencyKey key, Instant now) {
        return Optional.ofNullable(records.get(id(scope, key))).filter(r -> !r.isExpiredAt(now));
    }

    @Override
    public synchronized boolean recordAlone(IdempotencyRecord record, Instant now) {
        return put(record, now);
    }

    /** What a business transaction's record write does: false when a live record is there. */
    public synchronized boolean put(IdempotencyRecord record, Instant now) {
        IdempotencyRecord existing = records.get(id(record.scope(), record.key()));
        if (existing != null && !existing.isExpiredAt(now)) {
            return false;
        }
        records.put(id(record.scope(), record.key()), record);
        return true;
    }

    public int size() {
        return records.size();
    }
}

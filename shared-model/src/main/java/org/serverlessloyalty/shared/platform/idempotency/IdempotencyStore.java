package org.serverlessloyalty.shared.platform.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Where idempotency records live. Business writes put theirs inside their own transaction (each domain adapter,
 * through {@code IdempotentTransactions}); this port reads them and records answers that wrote nothing else.
 */
public interface IdempotencyStore {

    /** The record of this key, if one was written and has not expired at {@code now} (a strongly consistent read). */
    Optional<IdempotencyRecord> find(IdempotencyScope scope, IdempotencyKey key, Instant now);

    /**
     * Records an answer that wrote nothing else (a refusal, a no-op), unless a live record of the key exists.
     *
     * @return false when a live record was there first (a concurrent request with the key answered)
     */
    boolean recordAlone(IdempotencyRecord record, Instant now);
}

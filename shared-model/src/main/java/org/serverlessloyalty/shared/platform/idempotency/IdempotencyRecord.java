package org.serverlessloyalty.shared.platform.idempotency;

import java.time.Instant;

/**
 * What one keyed request did: its body's hash and the answer it got. Written in the same DynamoDB transaction
 * as the business write it answers, so no crash can leave the effect without its record (a retry would do it
 * twice) or the record without its effect (a retry would be told of an effect that never happened).
 *
 * @param requestHash the request body's hash ({@link RequestHash}): the same key with another body is refused
 * @param expiresAt   after this the key is free again (24 hours), and DynamoDB's TTL deletes the record
 */
public record IdempotencyRecord(IdempotencyScope scope, IdempotencyKey key, String requestHash, StoredAnswer answer,
                                Instant createdAt, Instant expiresAt) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

package org.serverlessloyalty.shared.platform.idempotency;

/**
 * A business transaction carrying an idempotency record was cancelled because a live record of its key exists:
 * a concurrent request with the same key took effect first. Nothing of this one was written; {@link Idempotency}
 * answers it from the record.
 */
public final class AlreadyRecordedException extends RuntimeException {

    public AlreadyRecordedException() {
        super("the Idempotency-Key was recorded by a concurrent request", null, false, false);
    }
}

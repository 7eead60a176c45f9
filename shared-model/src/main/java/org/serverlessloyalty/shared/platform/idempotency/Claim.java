package org.serverlessloyalty.shared.platform.idempotency;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A keyed request's right to record its answer, handed by {@link Idempotency} to the business action. The action
 * asks {@link #record} for the record of the result it is about to commit and puts it in its transaction; once
 * that transaction committed it returns {@link #committed}. An action that returns without committing a record
 * (a refusal, nothing to do) has its answer recorded alone afterwards.
 *
 * <p>A request without a key gets {@link #none()}: no record, nothing to mark.
 */
public final class Claim<R> {

    private final IdempotencyScope scope;
    private final IdempotencyKey key;
    private final String requestHash;
    private final Function<R, StoredAnswer> render;
    private final Instant createdAt;
    private final Instant expiresAt;
    private volatile boolean committed;

    Claim(IdempotencyScope scope, IdempotencyKey key, String requestHash, Function<R, StoredAnswer> render,
          Instant createdAt, Instant expiresAt) {
        this.scope = scope;
        this.key = key;
        this.requestHash = requestHash;
        this.render = render;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** For a request without an Idempotency-Key. */
    public static <R> Claim<R> none() {
        return new Claim<>(null, null, null, null, null, null);
    }

    public boolean isKeyed() {
        return key != null;
    }

    /** The record to write in the same transaction as the effect that answers {@code result}; empty without a key. */
    public Optional<IdempotencyRecord> record(R result) {
        return isKeyed() ? Optional.of(recordOf(result)) : Optional.empty();
    }

    /** Marks that the transaction holding {@link #record}({@code result}) committed; returns {@code result}. */
    public R committed(R result) {
        committed = true;
        return result;
    }

    boolean isCommitted() {
        return committed;
    }

    IdempotencyRecord recordOf(R result) {
        return new IdempotencyRecord(scope, key, requestHash, render.apply(result), createdAt, expiresAt);
    }
}

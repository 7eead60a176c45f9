package org.serverlessloyalty.shared.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a write at most once per {@code Idempotency-Key} (behaviour spec section 4 item 21, the IETF
 * Idempotency-Key draft): the same key and body within 24 hours has exactly one effect and gets the first answer
 * again; the same key with another body is refused (422).
 *
 * <p>How: the record of the key is read first (one consistent GetItem); a live one answers at once. Otherwise
 * the action runs with a {@link Claim} and writes the record in its own transaction, conditional on no live record
 * of the key: of concurrent duplicates exactly one transaction commits, and each other one fails that condition,
 * reads the winner's record and answers with it, as if it had waited for it. No request is ever told 409 "in
 * progress": nothing is held between the read and the transaction. Answers that wrote nothing (a refusal) are
 * recorded alone, with the same condition, so a retry is answered the same even if the balance changed since.
 * Exceptions (an outage, contention that did not clear) record nothing: nothing was written, the client may retry.
 */
public final class Idempotency {

    /** How long a key stays bound to its first request. */
    public static final Duration TTL = Duration.ofHours(24);

    private final IdempotencyStore store;
    private final Clock clock;

    public Idempotency(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What came of a (possibly keyed) request. */
    public sealed interface Result<R> {
        /** The action ran now: answer {@code result}. */
        record Fresh<R>(R result) implements Result<R> {
        }

        /** The key was used before with the same body: answer exactly this (mark it as a replay). */
        record Replayed<R>(StoredAnswer answer) implements Result<R> {
        }

        /** The key was used before with another body: 422, nothing done. */
        record KeyReused<R>() implements Result<R> {
        }
    }

    /**
     * @param key         the request's Idempotency-Key, empty when it sent none (the action then simply runs)
     * @param requestHash the hash of what makes the request this request ({@link RequestHash})
     * @param render      the HTTP answer of a result: what is stored and replayed
     * @param action      the business write, recording through the claim it is given
     */
    public <R> Result<R> run(IdempotencyScope scope, Optional<IdempotencyKey> key, String requestHash,
                             Function<R, StoredAnswer> render, Function<Claim<R>, R> action) {
        if (key.isEmpty()) {
            return new Result.Fresh<>(action.apply(Claim.none()));
        }
        Instant now = clock.instant();
        Optional<IdempotencyRecord> existing = store.find(scope, key.get(), now);
        if (existing.isPresent()) {
            return answerFrom(existing.get(), requestHash);
        }
        Claim<R> claim = new Claim<>(scope, key.get(), requestHash, render, now, now.plus(TTL));
        R result;
        try {
            result = action.apply(claim);
        } catch (AlreadyRecordedException duplicate) {
            return replay(scope, key.get(), requestHash);
        }
        if (claim.isCommitted()) {
            return new Result.Fresh<>(result);
        }
        if (store.recordAlone(claim.recordOf(result), clock.instant())) {
            return new Result.Fresh<>(result);
        }
        return replay(scope, key.get(), requestHash);
    }

    private <R> Result<R> replay(IdempotencyScope scope, IdempotencyKey key, String requestHash) {
        IdempotencyRecord winner = store.find(scope, key, clock.instant())
                .orElseThrow(() -> new IllegalStateException("A concurrent request recorded the key, yet no record is there"));
        return answerFrom(winner, requestHash);
    }

    private static <R> Result<R> answerFrom(IdempotencyRecord record, String requestHash) {
        return record.requestHash().equals(requestHash)
                ? new Result.Replayed<>(record.answer())
                : new Result.KeyReused<>();
    }
}

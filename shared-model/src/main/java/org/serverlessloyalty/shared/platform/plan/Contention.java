package org.serverlessloyalty.shared.platform.plan;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs one attempt of a business action (read, decide, execute the plan) again while the store reports
 * contention, with a jittered pause that grows with each attempt. Contention is ours to absorb: a client
 * whose action the limits allow gets it done even in a rush; only a real shortage is answered as one.
 */
public final class Contention {

    /** The attempts an action gets before its contention is reported as a failure (a 503, a redelivery). */
    public static final int DEFAULT_ATTEMPTS = 25;

    private Contention() {
    }

    /**
     * @param attempt one read-decide-execute round: the answer, or empty when the store reported contention
     * @throws ContendedException when every attempt was contended
     */
    public static <T> T retry(String action, int maxAttempts, Supplier<Optional<T>> attempt) {
        for (int n = 1; ; n++) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (n >= maxAttempts) {
                throw new ContendedException(action, maxAttempts);
            }
            pause(n);
        }
    }

    public static <T> T retry(String action, Supplier<Optional<T>> attempt) {
        return retry(action, DEFAULT_ATTEMPTS, attempt);
    }

    /** Full jitter over a ceiling growing quadratically to half a second: overlapping writers spread out. */
    static long pauseMillis(int attempt, double random) {
        long ceiling = Math.min(500, 5L * attempt * attempt + 5);
        return (long) (random * ceiling);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(pauseMillis(attempt, ThreadLocalRandom.current().nextDouble()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying after contention", e);
        }
    }

    /** Every attempt met contention: the action did not happen; retrying later is safe. */
    public static final class ContendedException extends RuntimeException {
        public ContendedException(String action, int attempts) {
            super(action + " kept meeting concurrent writes (" + attempts + " attempts); nothing was written",
                    null, false, false);
        }
    }
}

package org.serverlessloyalty.shared.webhook.rules;

import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the {@code attempts}-th failure the next try waits a uniformly random
 * {@code [1, min(cap, base * 2^(attempts-1))]} seconds (at least one second, so a message is never hot-looped).
 */
public final class Backoff {

    /** SQS's longest visibility timeout: 12 hours. */
    public static final long MAX_SECONDS = 43_200;

    private Backoff() {
    }

    public static long ceilingSeconds(long baseSeconds, int attempts) {
        long base = Math.max(1, baseSeconds);
        int exponent = Math.max(0, Math.min(attempts - 1, 30));
        long ceiling = base > (MAX_SECONDS >> exponent) ? MAX_SECONDS : base << exponent;
        return Math.min(MAX_SECONDS, Math.max(1, ceiling));
    }

    public static long delaySeconds(long baseSeconds, int attempts, RandomGenerator random) {
        long ceiling = ceilingSeconds(baseSeconds, attempts);
        return 1 + random.nextLong(ceiling);
    }
}

package org.serverlessloyalty.shared.webhook.rules;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void ceilingDoublesFromTheBaseAndStopsAtTwelveHours() {
        assertThat(Backoff.ceilingSeconds(30, 1)).isEqualTo(30);
        assertThat(Backoff.ceilingSeconds(30, 2)).isEqualTo(60);
        assertThat(Backoff.ceilingSeconds(30, 5)).isEqualTo(480);
        assertThat(Backoff.ceilingSeconds(30, 11)).isEqualTo(30_720);
        assertThat(Backoff.ceilingSeconds(30, 12)).isEqualTo(43_200);
        assertThat(Backoff.ceilingSeconds(30, 1_000)).isEqualTo(43_200);
        assertThat(Backoff.ceilingSeconds(1, 1)).isEqualTo(1);
    }

    @Test
    void delayIsFullJitterBetweenOneSecondAndTheCeiling() {
        RandomGenerator random = new SplittableRandom(42);
        for (int attempts = 1; attempts <= 20; attempts++) {
            long ceiling = Backoff.ceilingSeconds(30, attempts);
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 2_000; i++) {
                long d = Backoff.delaySeconds(30, attempts, random);
                assertThat(d).isBetween(1L, ceiling);
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            // full jitter: the whole range is used, not just the top
            assertThat(min).as("attempt %d", attempts).isLessThanOrEqualTo(Math.max(1, ceiling / 10));
            assertThat(max).as("attempt %d", attempts).isGreaterThanOrEqualTo(ceiling - Math.max(1, ceiling / 10));
        }
    }

    @Test
    void neverZeroSoAMessageIsNeverHotLooped() {
        RandomGenerator alwaysZero = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };
        assertThat(Backoff.delaySeconds(1, 1, alwaysZero)).isEqualTo(1);
    }
}

package org.serverlessloyalty.shared.platform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContentionTest {

    @Test
    void retriesWhileContendedAndAnswersTheFirstResult() {
        AtomicInteger attempts = new AtomicInteger();
        String answer = Contention.retry("spend", 10, () -> attempts.incrementAndGet() < 4
                ? Optional.empty() : Optional.of("done"));
        assertThat(answer).isEqualTo("done");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void givesUpAfterItsAttemptsSayingNothingWasWritten() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Contention.retry("spend", 3, () -> {
            attempts.incrementAndGet();
            return Optional.empty();
        })).isInstanceOf(Contention.ContendedException.class).hasMessageContaining("nothing was written");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void pausesGrowWithTheAttemptUpToHalfASecondAndAreJittered() {
        assertThat(Contention.pauseMillis(1, 0.0)).isZero();
        assertThat(Contention.pauseMillis(1, 0.999)).isLessThan(10);
        assertThat(Contention.pauseMillis(5, 0.999)).isBetween(100L, 130L);
        assertThat(Contention.pauseMillis(100, 0.999)).isEqualTo(499);
    }
}

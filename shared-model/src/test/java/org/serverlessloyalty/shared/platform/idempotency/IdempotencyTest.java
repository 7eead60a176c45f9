package org.serverlessloyalty.shared.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.InMemoryIdempotencyStore;
import org.serverlessloyalty.shared.fakes.MutableClock;

/** Section 4 item 21: one effect per key and body, the first answer replayed, another body refused, keys free after 24 h. */
class IdempotencyTest {

    private static final IdempotencyScope SPEND = new IdempotencyScope("13", "POST /api/{storeCode}/points/transfer/spend");
    private static final Optional<IdempotencyKey> KEY = Optional.of(new IdempotencyKey("6f1c2a7e-key"));
    private static final Function<String, StoredAnswer> RENDER = r -> r.startsWith("refused")
            ? new StoredAnswer(400, "{\"error\":\"" + r + "\"}")
            : new StoredAnswer(200, "{\"pointsTransferId\":\"" + r + "\"}");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T10:00:00Z"));
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final Idempotency idempotency = new Idempotency(store, clock);
    private final AtomicInteger effects = new AtomicInteger();

    /** A business write: its effect and its record commit together, or neither does. */
    private Function<Claim<String>, String> write(String result) {
        return claim -> {
            Optional<IdempotencyRecord> record = claim.record(result);
            if (record.isPresent() && !store.put(record.get(), clock.instant())) {
                throw new AlreadyRecordedException();
            }
            effects.incrementAndGet();
            return claim.committed(result);
        };
    }

    @Test
    void withoutAKeyTheActionSimplyRunsEachTime() {
        idempotency.run(SPEND, Optional.empty(), "h1", RENDER, write("t1"));
        idempotency.run(SPEND, Optional.empty(), "h1", RENDER, write("t2"));
        assertThat(effects).hasValue(2);
        assertThat(store.size()).isZero();
    }

    @Test
    void theSameKeyAndBodyHasOneEffectAndReplaysTheFirstAnswer() {
        Idempotency.Result<String> first = idempotency.run(SPEND, KEY, "h1", RENDER, write("t1"));
        Idempotency.Result<String> again = idempotency.run(SPEND, KEY, "h1", RENDER, write("t2"));
        assertThat(first).isEqualTo(new Idempotency.Result.Fresh<>("t1"));
        assertThat(again).isEqualTo(new Idempotency.Result.Replayed<String>(
                new StoredAnswer(200, "{\"pointsTransferId\":\"t1\"}")));
        assertThat(effects).hasValue(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndDoesNothing() {
        idempotency.run(SPEND, KEY, "h1", RENDER, write("t1"));
        assertThat(idempotency.run(SPEND, KEY, "h2", RENDER, write("t2"))).isEqualTo(new Idempotency.Result.KeyReused<>());
        assertThat(effects).hasValue(1);
    }

    @Test
    void aRefusalIsRecordedAndReplayedEvenWhenTheRetryWouldNowSucceed() {
        Idempotency.Result<String> refused = idempotency.run(SPEND, KEY, "h1", RENDER, claim -> "refused: not enough points");
        assertThat(refused).isEqualTo(new Idempotency.Result.Fresh<>("refused: not enough points"));
        Idempotency.Result<String> retry = idempotency.run(SPEND, KEY, "h1", RENDER, write("t1"));
        assertThat(retry).isEqualTo(new Idempotency.Result.Replayed<String>(
                new StoredAnswer(400, "{\"error\":\"refused: not enough points\"}")));
        assertThat(effects).hasValue(0);
    }

    @Test
    void aDuplicateThatLosesTheRaceToRecordAnswersWithTheWinnersRecord() {
        // The winner commits between the loser's first read (nothing yet) and its transaction.
        Idempotency.Result<String> loser = idempotency.run(SPEND, KEY, "h1", RENDER, claim -> {
            idempotency.run(SPEND, KEY, "h1", RENDER, write("winner"));
            return write("loser").apply(claim);
        });
        assertThat(loser).isEqualTo(new Idempotency.Result.Replayed<String>(
                new StoredAnswer(200, "{\"pointsTransferId\":\"winner\"}")));
        assertThat(effects).hasValue(1);
    }

    @Test
    void aRefusalRacingAWinnerAnswersWithTheWinner() {
        Idempotency.Result<String> loser = idempotency.run(SPEND, KEY, "h1", RENDER, claim -> {
            idempotency.run(SPEND, KEY, "h1", RENDER, write("winner"));
            return "refused: not enough points";
        });
        assertThat(loser).isInstanceOf(Idempotency.Result.Replayed.class);
        assertThat(((Idempotency.Result.Replayed<String>) loser).answer().status()).isEqualTo(200);
    }

    @Test
    void aFailureRecordsNothingSoTheRetryRuns() {
        assertThatThrownBy(() -> idempotency.run(SPEND, KEY, "h1", RENDER, claim -> {
            throw new IllegalStateException("DynamoDB unavailable");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(idempotency.run(SPEND, KEY, "h1", RENDER, write("t1"))).isEqualTo(new Idempotency.Result.Fresh<>("t1"));
    }

    @Test
    void keysAreFreeAgainAfter24Hours() {
        idempotency.run(SPEND, KEY, "h1", RENDER, write("t1"));
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(idempotency.run(SPEND, KEY, "h2", RENDER, write("t2"))).isInstanceOf(Idempotency.Result.KeyReused.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(idempotency.run(SPEND, KEY, "h2", RENDER, write("t2"))).isEqualTo(new Idempotency.Result.Fresh<>("t2"));
        assertThat(effects).hasValue(2);
    }

    @Test
    void aKeyIsScopedToItsStoreAndRoute() {
        idempotency.run(SPEND, KEY, "h1", RENDER, write("t1"));
        IdempotencyScope add = new IdempotencyScope("13", "POST /api/{storeCode}/points/transfer/add");
        IdempotencyScope otherStore = new IdempotencyScope("14", SPEND.route());
        assertThat(idempotency.run(add, KEY, "h1", RENDER, write("t2"))).isInstanceOf(Idempotency.Result.Fresh.class);
        assertThat(idempotency.run(otherStore, KEY, "h1", RENDER, write("t3"))).isInstanceOf(Idempotency.Result.Fresh.class);
        assertThat(effects).hasValue(3);
    }

    @Test
    void requestHashesSeparateTheirParts() {
        assertThat(RequestHash.of("ab", "c")).isNotEqualTo(RequestHash.of("a", "bc")).hasSize(64);
        assertThat(RequestHash.of("a", "b")).isEqualTo(RequestHash.of("a", "b"));
    }

    @Test
    void aJsonBodyHashesTheSameWhateverItsMemberOrderOrSpacingButNotWhateverItsValues() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            String a = RequestHash.ofJson(json.readTree("{\"b\":[1,{\"y\":2,\"x\":\"s\"}],\"a\":null}"));
            String b = RequestHash.ofJson(json.readTree(" { \"a\" : null , \"b\" : [ 1 , { \"x\":\"s\",\"y\":2 } ] }"));
            assertThat(a).isEqualTo(b).hasSize(64);
            assertThat(RequestHash.ofJson(json.readTree("{\"v\":10}")))
                    .isNotEqualTo(RequestHash.ofJson(json.readTree("{\"v\":10.0}")));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}

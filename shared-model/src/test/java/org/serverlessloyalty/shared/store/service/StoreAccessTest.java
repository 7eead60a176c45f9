package org.serverlessloyalty.shared.store.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.serverlessloyalty.shared.fakes.Fixtures.storeWithKey;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.CountingStoreRepository;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;

class StoreAccessTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final String keyA = ApiKey.generate(new StoreCode("store-a"));
    private final String keyB = ApiKey.generate(new StoreCode("store-b"));
    private final String keyOff = ApiKey.generate(new StoreCode("closed"));
    private final CountingStoreRepository stores = new CountingStoreRepository()
            .with(storeWithKey("store-a", keyA, true))
            .with(storeWithKey("store-b", keyB, true))
            .with(storeWithKey("closed", keyOff, false));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-15T10:00:00Z"));
    private final StoreAccess access = new StoreAccess(stores, TTL, clock);

    private ApiException refusal(String pathStore, Optional<String> key) {
        return catchThrowableOfType(ApiException.class, () -> access.authenticate(pathStore, key));
    }

    @Test
    void theRightKeyOpensItsStore() {
        Store store = access.authenticate("store-a", Optional.of(keyA));
        assertThat(store.code()).isEqualTo(new StoreCode("store-a"));
        assertThat(store.apiKeyHash()).isEqualTo(ApiKey.hash(keyA));
    }

    @Test
    void missingKeyIs401() {
        ApiException e = refusal("store-a", Optional.empty());
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void keyNotInOurFormatIs401WithoutReadingAnyStore() {
        assertThat(refusal("store-a", Optional.of("not-a-key")).status()).isEqualTo(401);
        assertThat(stores.finds()).isZero();
    }

    @Test
    void keyClaimingAStoreThatDoesNotExistIs401() {
        String ghost = ApiKey.generate(new StoreCode("ghost"));
        assertThat(refusal("ghost", Optional.of(ghost)).status()).isEqualTo(401);
    }

    @Test
    void unknownKeyOfAnExistingStoreIs401() {
        String guessed = ApiKey.generate(new StoreCode("store-a"));
        assertThat(refusal("store-a", Optional.of(guessed)).status()).isEqualTo(401);
    }

    @Test
    void keyOfStoreAOnStoreBsPathIs404() {
        ApiException e = refusal("store-b", Optional.of(keyA));
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void keyOfStoreAOnAPathOfNoStoreIsTheSame404() {
        ApiException otherStore = refusal("store-b", Optional.of(keyA));
        ApiException noStore = refusal("nowhere", Optional.of(keyA));
        assertThat(noStore.status()).isEqualTo(404);
        assertThat(noStore.code()).isEqualTo(otherStore.code());
    }

    @Test
    void pathStoreIsMatchedExactly() {
        assertThat(refusal("STORE-A", Optional.of(keyA)).status()).isEqualTo(404);
    }

    @Test
    void inactiveStoreIs404EvenWithItsOwnKey() {
        ApiException e = refusal("closed", Optional.of(keyOff));
        assertThat(e.status()).isEqualTo(404);
    }

    @Test
    void storeIsReadOnceForAHundredCallsWithinTheTtl() {
        for (int i = 0; i < 100; i++) {
            assertThat(access.authenticate("store-a", Optional.of(keyA)).code().value()).isEqualTo("store-a");
            clock.advance(Duration.ofMillis(500)); // 50 s in all, still within the 60 s TTL
        }
        assertThat(stores.finds()).isEqualTo(1);
    }

    @Test
    void storeIsReadAgainOnceTheTtlHasPassed() {
        access.authenticate("store-a", Optional.of(keyA));
        clock.advance(TTL.minusMillis(1));
        access.authenticate("store-a", Optional.of(keyA));
        assertThat(stores.finds()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        access.authenticate("store-a", Optional.of(keyA));
        assertThat(stores.finds()).isEqualTo(2);
    }

    @Test
    void aRotatedKeyReplacesTheOldOneOnceTheCacheExpires() {
        access.authenticate("store-a", Optional.of(keyA));
        String rotated = ApiKey.generate(new StoreCode("store-a"));
        stores.replaceApiKeyHash(new StoreCode("store-a"), ApiKey.hash(rotated), clock.instant());

        assertThat(access.authenticate("store-a", Optional.of(keyA))).as("old key within the TTL").isNotNull();
        clock.advance(TTL);
        assertThat(refusal("store-a", Optional.of(keyA)).status()).as("old key after the TTL").isEqualTo(401);
        assertThat(access.authenticate("store-a", Optional.of(rotated)).code().value()).isEqualTo("store-a");
    }

    @Test
    void eachStoreIsCachedSeparately() {
        access.authenticate("store-a", Optional.of(keyA));
        access.authenticate("store-b", Optional.of(keyB));
        access.authenticate("store-a", Optional.of(keyA));
        access.authenticate("store-b", Optional.of(keyB));
        assertThat(stores.finds()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ rotation on a warm instance

    private void rotate(String store, String newKey) {
        stores.replaceApiKeyHash(new StoreCode(store), ApiKey.hash(newKey), clock.instant());
    }

    @Test
    void aRotatedKeyOpensTheStoreAtOnceOnAWarmInstance() {
        access.authenticate("store-a", Optional.of(keyA));
        clock.advance(Duration.ofSeconds(5));
        String rotated = ApiKey.generate(new StoreCode("store-a"));
        rotate("store-a", rotated);

        assertThat(access.authenticate("store-a", Optional.of(rotated)).code().value()).isEqualTo("store-a");
        assertThat(stores.finds()).as("one read to find the new hash").isEqualTo(2);
        // That read replaced this instance's copy: the old key is refused from now on, not after the TTL.
        assertThat(refusal("store-a", Optional.of(keyA)).status()).isEqualTo(401);
        assertThat(access.authenticate("store-a", Optional.of(rotated))).isNotNull();
        assertThat(stores.finds()).isEqualTo(2);
    }

    @Test
    void theOldKeyIsAcceptedUntilTheCopyIsReadAgainAtMostTheTtl() {
        access.authenticate("store-a", Optional.of(keyA));
        rotate("store-a", ApiKey.generate(new StoreCode("store-a")));

        clock.advance(TTL.minusMillis(1));
        assertThat(access.authenticate("store-a", Optional.of(keyA))).as("old key, copy still fresh").isNotNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(refusal("store-a", Optional.of(keyA)).status()).as("old key once the TTL has passed").isEqualTo(401);
    }

    @Test
    void aNewKeyRightAfterTheStoreWasReadIsAcceptedAtOnce() {
        access.authenticate("store-a", Optional.of(keyA));
        String rotated = ApiKey.generate(new StoreCode("store-a"));
        rotate("store-a", rotated);

        assertThat(access.authenticate("store-a", Optional.of(rotated)).code().value()).isEqualTo("store-a");
    }

    @Test
    void aNewKeyPresentedDuringAFloodOfWrongKeysIsAcceptedWithinASecond() {
        access.authenticate("store-a", Optional.of(keyA));
        assertThat(refusal("store-a", Optional.of(ApiKey.generate(new StoreCode("store-a")))).status()).isEqualTo(401);
        String rotated = ApiKey.generate(new StoreCode("store-a"));
        rotate("store-a", rotated);

        clock.advance(Duration.ofMillis(999));
        assertThat(refusal("store-a", Optional.of(rotated)).status()).as("store re-read under a second ago").isEqualTo(401);
        clock.advance(Duration.ofMillis(1));
        assertThat(access.authenticate("store-a", Optional.of(rotated)).code().value()).isEqualTo("store-a");
    }

    @Test
    void aFloodOfWrongKeysReadsTheStoreAtMostOncePerSecond() {
        access.authenticate("store-a", Optional.of(keyA));
        for (int i = 0; i < 1_000; i++) {
            clock.advance(Duration.ofMillis(10)); // 1,000 wrong keys over 10 s
            String guessed = ApiKey.generate(new StoreCode("store-a"));
            assertThat(refusal("store-a", Optional.of(guessed)).status()).isEqualTo(401);
        }
        assertThat(stores.finds()).as("the first read, then one per second").isEqualTo(11);
        assertThat(access.authenticate("store-a", Optional.of(keyA)).code().value()).isEqualTo("store-a");
    }

    @Test
    void wrongKeysArrivingTogetherCostOneReadMoreBetweenThem() {
        for (int i = 0; i < 50; i++) {
            assertThat(refusal("store-a", Optional.of(ApiKey.generate(new StoreCode("store-a")))).status()).isEqualTo(401);
        }
        assertThat(stores.finds()).as("the cache's read and one re-read").isEqualTo(2);
    }

    @Test
    void keysOfStoresThatDoNotExistCostTwoReadsPerStoreThenOnePerSecond() {
        for (int i = 0; i < 100; i++) {
            assertThat(refusal("ghost", Optional.of(ApiKey.generate(new StoreCode("ghost")))).status()).isEqualTo(401);
        }
        assertThat(stores.finds()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        String late = ApiKey.generate(new StoreCode("ghost"));
        stores.with(storeWithKey("ghost", late, true));
        assertThat(access.authenticate("ghost", Optional.of(late)).code().value()).as("a store created since").isEqualTo("ghost");
        assertThat(stores.finds()).isEqualTo(3);
    }
}

package org.serverlessloyalty.tests.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.tests.orders.OrderStack.beaconQuery;
import static org.serverlessloyalty.tests.orders.OrderStack.ciblerBody;
import static org.serverlessloyalty.tests.orders.OrderStack.citrusAdOrder;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A shop rotates its keys and switches at once. Over real HTTP on the local stack, whose functions stay warm
 * and here cache stores for five minutes (StoreCacheSeconds=300, the most the template allows), so only the re-check of a refused key can let the
 * new key in: every storefront route accepts the new key immediately after the rotation.
 */
class KeyRotationJourneyIT {

    private static OrderStack stack;

    @BeforeAll
    static void startStack() {
        stack = OrderStack.start(Map.of("StoreCacheSeconds", "300"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theNewStoreKeyWorksAtOnceOnWarmFunctions() {
        var shop = stack.createStore("kr-" + UUID.randomUUID().toString().substring(0, 8));
        stack.createCodes(shop.code(), 10, "ROTATE10");
        // Warm every function with the old key: each now caches the store and its old hash.
        assertThat(stack.validate(shop.code(), shop.apiKey(), "ROTATE10").status()).isEqualTo(200);
        assertThat(stack.postCibler(shop.code(), ciblerBody(shop.apiKey(), "880001", "g-1")).status()).isEqualTo(202);
        assertThat(stack.getCitrusAd(shop.apiKey(), "none").status()).isEqualTo(404);

        String rotated = stack.rotateKey(shop.code(), false);

        var validated = stack.validate(shop.code(), rotated, "ROTATE10");
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(validated.json().get("canUse").asBoolean()).isTrue();
        assertThat(stack.postCibler(shop.code(), ciblerBody(rotated, "880002", "g-2", "ROTATE10")).status()).isEqualTo(202);
        assertThat(stack.postCitrusAd(rotated, Map.of("orders",
                List.of(citrusAdOrder("kr-1", "g-3", "2026-11-25T10:00:00+01:00")))).status()).isEqualTo(200);
        assertThat(stack.getCitrusAd(rotated, "none").status()).isEqualTo(404);
        // Once a function has read the new hash, the old key is refused there.
        assertThat(stack.validate(shop.code(), shop.apiKey(), "ROTATE10").status()).isEqualTo(401);
        assertThat(stack.awaitOrder(shop.code(), "880002").get("source").asText()).isEqualTo("CIBLER");
    }

    @Test
    void theNewPublishableKeyWorksAtOnceOnTheWarmBeacon() {
        var shop = stack.createStore("kr-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(stack.beacon(beaconQuery(shop.publishableKey(), "web-1", "s1")).status()).isEqualTo(200);

        String rotated = stack.rotateKey(shop.code(), true);

        assertThat(stack.beacon(beaconQuery(rotated, "web-2", "s1")).status()).isEqualTo(200);
        assertThat(stack.beacon(beaconQuery(shop.publishableKey(), "web-3", "s1")).status()).isEqualTo(401);
    }

    @Test
    void aFloodOfWrongKeysIsRefusedAndTheRightKeyStillWorks() {
        var shop = stack.createStore("kr-" + UUID.randomUUID().toString().substring(0, 8));
        stack.createCodes(shop.code(), 10, "FLOOD10");
        for (int i = 0; i < 200; i++) {
            String guessed = ApiKey.generate(new StoreCode(shop.code()));
            assertThat(stack.validate(shop.code(), guessed, "FLOOD10").status()).isEqualTo(401);
        }
        assertThat(stack.validate(shop.code(), shop.apiKey(), "FLOOD10").json().get("canUse").asBoolean()).isTrue();
    }
}

package org.serverlessloyalty.tests.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.tests.orders.OrderStack.beaconQuery;
import static org.serverlessloyalty.tests.orders.OrderStack.ciblerBody;
import static org.serverlessloyalty.tests.orders.OrderStack.citrusAdOrder;
import static org.serverlessloyalty.tests.orders.OrderStack.redemptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.serverlessloyalty.tests.e2e.ApiClient;

/**
 * The beacon's publishable key is public: anyone can report any order id through it. Over real HTTP on
 * the local stack, for every pair of sources and both orders, the storefront's own report (CibleR, CitrusAd:
 * the store key) is the order and takes its single-use code; the code's usedCount and the validate answer
 * prove it. The beacon's report stays visible beside the order in the admin view.
 */
class BeaconTrustIT {

    /** CibleR order ids are numbers; the beacon takes the same ids. */
    private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000 + 500);

    private static OrderStack stack;

    @BeforeAll
    static void startStack() {
        stack = OrderStack.start(Map.of());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static OrderStack.StoreKeys newShop() {
        return stack.createStore("bt-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Sends one report of {@code orderId} from {@code source}; trusted ones name {@code code}. */
    private static void report(String source, OrderStack.StoreKeys shop, String orderId, String code) {
        ApiClient.Response response = switch (source) {
            case "BEACON" -> stack.beacon(beaconQuery(shop.publishableKey(), orderId, "beacon-shopper"));
            case "CIBLER" -> stack.postCibler(shop.code(), ciblerBody(shop.apiKey(), orderId, "cibler-shopper", code));
            case "CITRUSAD" -> stack.postCitrusAd(shop.apiKey(), Map.of("orders",
                    List.of(citrusAdOrder(orderId, "citrusad-shopper", "2026-11-25T10:00:00+01:00", code))));
            default -> throw new IllegalArgumentException(source);
        };
        assertThat(response.status()).as(source + ": " + response.body()).isIn(200, 202);
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({
            "BEACON,   CIBLER,   CIBLER",
            "BEACON,   CITRUSAD, CITRUSAD",
            "CIBLER,   BEACON,   CIBLER",
            "CITRUSAD, BEACON,   CITRUSAD",
            "CIBLER,   CITRUSAD, CIBLER",
            "CITRUSAD, CIBLER,   CITRUSAD",
    })
    void theStorefrontsOwnReportIsTheOrderAndTakesItsCodeWhateverCameFirst(String first, String second, String order) {
        var shop = newShop();
        stack.createCodes(shop.code(), 1, "ONCE");
        String orderId = Long.toString(ORDER_IDS.incrementAndGet());

        report(first, shop, orderId, "ONCE");
        stack.awaitOrder(shop.code(), orderId);
        report(second, shop, orderId, "ONCE");
        stack.awaitOrderQueueDrained();

        JsonNode applied = stack.order(shop.code(), orderId).orElseThrow();
        assertThat(applied.get("source").asText()).isEqualTo(order);
        assertThat(applied.get("status").asText()).isEqualTo("PAID");
        assertThat(applied.get("customerGuid").asText()).isEqualTo(order.toLowerCase() + "-shopper");
        assertThat(redemptions(applied)).containsExactly(Map.entry("ONCE", "APPLIED"));
        assertThat(stack.usedCount(shop.code(), "ONCE")).isEqualTo(1);
        JsonNode validate = stack.validate(shop.code(), shop.apiKey(), "ONCE").json();
        assertThat(validate.get("canUse").asBoolean()).as(validate.toString()).isFalse();
        assertThat(validate.get("reason").asText()).isEqualTo("USAGE_EXHAUSTED");

        boolean beaconSent = first.equals("BEACON") || second.equals("BEACON");
        if (beaconSent) {
            JsonNode beacon = applied.get("beacon");
            assertThat(beacon.get("source").asText()).isEqualTo("BEACON");
            assertThat(beacon.get("customerGuid").asText()).isEqualTo("beacon-shopper");
            assertThat(beacon.get("totalSpent").decimalValue()).isEqualByComparingTo("6.00");
            assertThat(beacon.get("receivedAt").isTextual()).isTrue();
        } else {
            assertThat(applied.get("beacon").isNull()).isTrue();
        }
    }

    @Test
    void aCancellationFromTheStorefrontStillGivesTheUseBackAfterABeacon() {
        var shop = newShop();
        stack.createCodes(shop.code(), 1, "ONCE");
        String orderId = Long.toString(ORDER_IDS.incrementAndGet());
        report("BEACON", shop, orderId, null);
        stack.awaitOrder(shop.code(), orderId);
        report("CIBLER", shop, orderId, "ONCE");
        OrderStack.await("the CibleR order applied", () -> stack.order(shop.code(), orderId)
                .filter(o -> o.get("source").asText().equals("CIBLER")));
        assertThat(stack.usedCount(shop.code(), "ONCE")).isEqualTo(1);

        ObjectNode cancel = ciblerBody(shop.apiKey(), orderId, "cibler-shopper", "ONCE");
        ((ObjectNode) cancel.get("orderInformation")).put("status", "CANCELLED");
        assertThat(stack.postCibler(shop.code(), cancel).status()).isEqualTo(202);

        JsonNode cancelled = stack.awaitOrderStatus(shop.code(), orderId, "CANCELLED");
        assertThat(redemptions(cancelled)).containsExactly(Map.entry("ONCE", "RELEASED"));
        assertThat(stack.usedCount(shop.code(), "ONCE")).isZero();
        assertThat(stack.validate(shop.code(), shop.apiKey(), "ONCE").json().get("canUse").asBoolean()).isTrue();
    }
}

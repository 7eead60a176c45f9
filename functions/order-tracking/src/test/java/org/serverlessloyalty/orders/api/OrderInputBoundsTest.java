package org.serverlessloyalty.orders.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serverlessloyalty.orders.testing.OrderApi;
import org.serverlessloyalty.shared.testing.ApiEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.orders.testing.OrderApi.body;
import static org.serverlessloyalty.orders.testing.OrderApi.errorFields;
import static org.serverlessloyalty.orders.testing.OrderApi.withKey;

/**
 * The three order APIs refuse hostile input with a 400 naming the field, in bounded time, before any
 * key is checked or anything is queued: huge JSON numbers, repeated fields, control and format
 * characters in ids, amounts over their ceilings, over-long values.
 */
class OrderInputBoundsTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long CPU_BUDGET_NANOS = 20_000_000L;
    private static final String HOLE = "\"__HOLE__\"";

    private final OrderApi api = new OrderApi();

    /** The full CibleR example with {@code field} of {@code orderInformation} replaced by raw JSON text. */
    private String ciblerWith(String key, String field, String rawJson) {
        ObjectNode body = key == null ? body("cibler-full-spec-example.json")
                : withKey(body("cibler-full-spec-example.json"), key);
        if (key == null) {
            ((ObjectNode) body.get("orderContext")).remove("key");
        }
        ((ObjectNode) body.get("orderInformation")).put(field, "__HOLE__");
        return body.toString().replace(HOLE, rawJson);
    }

    private APIGatewayV2HTTPResponse postCibler(String body) {
        return api.call(ApiEvents.route(OrderApi.CIBLER_ORDER, "shop").body(body).build());
    }

    private APIGatewayV2HTTPResponse postCitrusAd(String body) {
        return api.call(ApiEvents.route(OrderApi.CITRUSAD_ORDERS).header("Authorization", "Basic " + api.shopKey)
                .body(body).build());
    }

    private static String citrusAdOrder(String id, String price) {
        return "{\"orders\":[{\"customerId\":\"c1\",\"sessionId\":\"s1\",\"orderDate\":\"2021-12-02T15:00:00Z\","
                + "\"id\":" + id + ",\"orderItems\":[{\"gtin\":\"G1\",\"quantity\":1,\"regularUnitPrice\":" + price
                + ",\"totalOrderItemPriceAfterDiscounts\":\"1.00\"}]}]}";
    }

    /** The response, and the CPU this thread spent on it (after one warm-up call). */
    private static APIGatewayV2HTTPResponse withinBudget(Supplier<APIGatewayV2HTTPResponse> call) {
        call.get();
        long before = THREADS.getCurrentThreadCpuTime();
        APIGatewayV2HTTPResponse response = call.get();
        long spent = THREADS.getCurrentThreadCpuTime() - before;
        assertThat(spent).as("CPU nanoseconds for one request").isLessThan(CPU_BUDGET_NANOS);
        return response;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e10000000", "1e3000000000", "-1e1000000000", "1e-1000000000"})
    void aHugeNumberInACiblerAmountIs400NamingItInConstantTimeEvenWithoutAKey(String number) {
        for (String key : new String[] {null, api.shopKey}) {
            var response = withinBudget(() -> postCibler(ciblerWith(key, "totalSpent", number)));
            assertThat(errorFields(response)).containsExactly("orderInformation.totalSpent");
        }
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void aTwoThousandDigitOrderIdOrPointsIs400NamingIt() {
        String digits = "7".repeat(2_000);
        var orderId = withinBudget(() -> postCibler(ciblerWith(api.shopKey, "orderId", digits)));
        assertThat(errorFields(orderId)).containsExactly("orderInformation.orderId");
        var points = withinBudget(() -> postCibler(ciblerWith(api.shopKey, "point", digits)));
        assertThat(errorFields(points)).containsExactly("orderInformation.point");
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void pointsAndBalanceHaveCeilings() {
        var response = postCibler(ciblerWith(api.shopKey, "point", "1000000000001")
                .replace("\"userBalance\":75", "\"userBalance\":-1000000000001"));
        assertThat(errorFields(response)).containsExactly("orderContext.userBalance", "orderInformation.point");
    }

    @Test
    void aFieldGivenTwiceIs400NamingIt() {
        String body = ciblerWith(api.shopKey, "status", "\"PAID\",\"status\":\"CANCELLED\"");
        assertThat(errorFields(postCibler(body))).containsExactly("orderInformation.status");
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void ciblerIdsAndNamesWithControlOrFormatCharactersAre400() {
        ObjectNode body = withKey(body("cibler-full-spec-example.json"), api.shopKey);
        ((ObjectNode) body.get("orderContext")).put("customerGuid", "bbc47c1f\u0000");
        body.put("cookieId", "CIB1\u202E.395");
        ((ObjectNode) body.get("orderInformation").get("orderLines").get(0)).put("name", "Perceuse\u200B");
        assertThat(errorFields(api.cibler("shop", body)))
                .containsExactly("orderContext.customerGuid", "cookieId", "orderInformation.orderLines[0].name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e10000000", "1e3000000000", "-1e1000000000", "1e-1000000000"})
    void aHugeNumberInACitrusAdPriceIs400NamingIt(String number) {
        var response = withinBudget(() -> postCitrusAd(citrusAdOrder("\"o1\"", number)));
        assertThat(errorFields(response)).containsExactly("orders[0].orderItems[0].regularUnitPrice");
    }

    @Test
    void aHugePriceWrittenAsTextIs400WithoutBeingParsedOrEchoed() {
        String digits = "1" + "0".repeat(200_000);
        var response = withinBudget(() -> postCitrusAd(citrusAdOrder("\"o1\"", "\"" + digits + "\"")));
        assertThat(errorFields(response)).containsExactly("orders[0].orderItems[0].regularUnitPrice");
        assertThat(response.getBody()).doesNotContain("0".repeat(50)).hasSizeLessThan(1_000);
    }

    @Test
    void citrusAdIdsWithControlOrFormatCharactersAre400() {
        assertThat(errorFields(postCitrusAd(citrusAdOrder("\"o\\u0000\"", "\"1.00\"")))).containsExactly("orders[0].id");
        assertThat(errorFields(postCitrusAd(citrusAdOrder("\"o\\u202E1\"", "\"1.00\"")))).containsExactly("orders[0].id");
        assertThat(errorFields(postCitrusAd(citrusAdOrder("\"o\\u00A01\"", "\"1.00\"")))).containsExactly("orders[0].id");
        assertThat(errorFields(postCitrusAd(citrusAdOrder("\"" + "o".repeat(129) + "\"", "\"1.00\""))))
                .containsExactly("orders[0].id");
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void anOrderIdInThePathThatNoOrderCanHaveIs404WithoutEchoingIt() {
        String id = "bad id " + "x".repeat(200);
        var response = api.citrusAdOrder("Basic " + api.shopKey, id);
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).doesNotContain("x".repeat(50));
        var formatted = api.citrusAdOrder("Basic " + api.shopKey, "o\u202E1");
        assertThat(formatted.getStatusCode()).isEqualTo(400);
    }

    @Test
    void anOrderIdInThePathOverTheLimitIs400BeforeItReachesAKey() {
        var response = api.citrusAdOrder("Basic " + api.shopKey, "9".repeat(2_048));
        assertThat(errorFields(response)).containsExactly("id");
        assertThat(response.getBody()).doesNotContain("9".repeat(50));
    }

    private String beaconQuery(String ordid, String procods, String pris) {
        return "key=" + api.shopPublishableKey + "&catid=c1&ordid=" + ordid
                + "&ordts=2021-12-02T15%3A00%3A00Z&sesid=s1&procods=" + procods + "&pris=" + pris + "&quas=1";
    }

    @Test
    void beaconValuesWithControlOrFormatCharactersAre400() {
        assertThat(errorFields(api.beacon(beaconQuery("o%00", "A", "1.00")))).containsExactly("ordid");
        assertThat(errorFields(api.beacon(beaconQuery("o1", "A%E2%80%AE", "1.00")))).containsExactly("procods[0]");
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void aHugeBeaconPriceIs400InBoundedTime() {
        var response = withinBudget(() -> api.beacon(beaconQuery("o1", "A", "9".repeat(100_000))));
        assertThat(errorFields(response)).containsExactly("pris[0]");
        assertThat(response.getBody()).doesNotContain("9".repeat(50));
    }

    @Test
    void aBadlyEncodedParameterNameIsNotEchoed() {
        String name = "%zz" + "n".repeat(3_000);
        var event = ApiEvents.route(OrderApi.BEACON).build();
        event.setBody(null);
        event.setRawQueryString(beaconQuery("o1", "A", "1.00") + "&" + name + "=1");
        var response = api.call(event);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).doesNotContain("n".repeat(50));
    }
}

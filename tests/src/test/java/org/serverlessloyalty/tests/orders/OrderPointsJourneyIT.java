package org.serverlessloyalty.tests.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.tests.e2e.ApiClient;

/**
 * Orders earn points over real HTTP on the local stack (issue 10): the store's settings through the store body, a
 * spending rule through {@code POST /earningRule} (the merchant's preview shows its points), and a CibleR order
 * delivered five times and through CitrusAd that earns its reported points once, then gives them back when cancelled.
 */
class OrderPointsJourneyIT {

    private static OrderStack stack;

    @BeforeAll
    static void start() {
        stack = OrderStack.start(Map.of());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static ApiClient.Response store(String method, String path, Map<String, String> headers, Object body) {
        return stack.api().call(method, path, headers, body == null ? null
                : body instanceof String text ? text : org.serverlessloyalty.shared.platform.http.Json.write(body));
    }

    private static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json");
    }

    private static BigDecimal balance(OrderStack.StoreKeys shop, String member) {
        var status = store("GET", "/api/" + shop.code() + "/admin/customer/" + member + "/status",
                bearer(shop.apiKey()), null);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.json().get("points").decimalValue();
    }

    private static BigDecimal awaitBalance(OrderStack.StoreKeys shop, String member, String expected) {
        return OrderStack.await("a balance of " + expected, () -> {
            BigDecimal now = balance(shop, member);
            return now.compareTo(new BigDecimal(expected)) == 0 ? Optional.of(now) : Optional.empty();
        });
    }

    @Test
    void aCiblerOrderDeliveredFiveTimesAndThroughCitrusAdEarnsItsReportedPointsOnceAndACancelTakesThemBack() {
        OrderStack.StoreKeys shop = stack.createStore("op-" + UUID.randomUUID().toString().substring(0, 8));
        var settings = stack.admin("PUT", "/api/store/" + shop.code(), Map.of("store", Map.of(
                "orderPointsSource", "reported", "returns", true,
                "customersIdentificationPriority", List.of("email", "phone"))));
        assertThat(settings.status()).as(settings.body()).isEqualTo(204);
        JsonNode shown = stack.admin("GET", "/api/store/" + shop.code(), null).json();
        assertThat(shown.get("orderPointsSource").asText()).isEqualTo("reported");
        assertThat(shown.get("returns").asBoolean()).isTrue();
        assertThat(shown.get("customersIdentificationPriority").get(0).get("field").asText()).isEqualTo("email");

        String guid = "guid-" + UUID.randomUUID();
        var registered = store("POST", "/api/" + shop.code() + "/admin/customer/register", bearer(shop.apiKey()),
                Map.of("customer", Map.of("firstName", "Ann", "lastName", "K", "email", "ann@example.com",
                        "externalId", guid)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String ann = registered.json().get("customerId").asText();

        ObjectNode order = OrderStack.ciblerBody(shop.apiKey(), "880001", guid);
        ((ObjectNode) order.get("orderInformation")).put("points", 15);
        for (int i = 0; i < 5; i++) {
            var posted = stack.postCibler(shop.code(), order);
            assertThat(posted.status()).as(posted.body()).isLessThan(300);
        }
        var citrus = stack.postCitrusAd(shop.apiKey(), Map.of("orders",
                List.of(OrderStack.citrusAdOrder("880001", guid, "2026-11-25T10:00:00Z"))));
        assertThat(citrus.status()).as(citrus.body()).isLessThan(300);
        awaitBalance(shop, ann, "15");
        stack.awaitOrderQueueDrained();
        assertThat(balance(shop, ann)).isEqualByComparingTo("15");

        var transactions = store("GET", "/api/" + shop.code() + "/transaction?customerId=" + ann,
                bearer(shop.apiKey()), null);
        assertThat(transactions.json().get("total").asInt()).isEqualTo(1);
        assertThat(transactions.json().get("transactions").get(0).get("documentNumber").asText())
                .isEqualTo("CIBLER-880001");

        ((ObjectNode) order.get("orderInformation")).put("status", "CANCELLED");
        stack.postCibler(shop.code(), order);
        stack.postCibler(shop.code(), order);
        awaitBalance(shop, ann, "0");
    }

    @Test
    void aSpendingRuleCreatedOverHttpShowsItsPointsInTheMerchantsPreview() {
        OrderStack.StoreKeys shop = stack.createStore("sr-" + UUID.randomUUID().toString().substring(0, 8));
        var rule = store("POST", "/api/" + shop.code() + "/earningRule",
                Map.of("Authorization", "Bearer " + shop.apiKey(), "Content-Type", "application/x-www-form-urlencoded"),
                "earningRule[type]=points&earningRule[name]=Two+per+euro&earningRule[description]=Spending"
                        + "&earningRule[active]=1&earningRule[allTimeActive]=1&earningRule[target]=level"
                        + "&earningRule[levels][0]=gold&earningRule[pointValue]=2");
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        var simulated = store("POST", "/api/" + shop.code() + "/transaction/simulate",
                Map.of("Authorization", "Bearer " + shop.apiKey(), "Content-Type", "application/x-www-form-urlencoded"),
                "transaction[items][0][sku][code]=SKU1&transaction[items][0][name]=Boots"
                        + "&transaction[items][0][quantity]=1&transaction[items][0][grossValue]=40.5"
                        + "&transaction[items][0][category]=shoes");
        assertThat(simulated.status()).as(simulated.body()).isEqualTo(200);
        assertThat(simulated.json().get("points").decimalValue()).isEqualByComparingTo("81");

        var duplicate = "transaction[transactionData][documentNumber]=D-1"
                + "&transaction[transactionData][purchaseDate]=2026-11-28+10:00"
                + "&transaction[items][0][sku][code]=SKU1&transaction[items][0][name]=Boots"
                + "&transaction[items][0][quantity]=1&transaction[items][0][grossValue]=40.5"
                + "&transaction[items][0][category]=shoes&transaction[customerData][name]=Ann";
        var form = Map.of("Authorization", "Bearer " + shop.apiKey(), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(store("POST", "/api/" + shop.code() + "/transaction", form, duplicate).status()).isEqualTo(200);
        var again = store("POST", "/api/" + shop.code() + "/transaction", form, duplicate);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asText()).isEqualTo("Document number should be unique");
    }
}

package org.serverlessloyalty.tests.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.Json;

/**
 * A shop's points programme over real HTTP on the local stack, as its clients use it: Open Loyalty form bodies from
 * the shop's server (store key), a customer token from its front end. Register, add, spend, p2p, cancel, list,
 * status; every answer is also held to docs/openapi.yaml by the client.
 */
class PointsJourneyIT {

    private static PointsStack stack;

    @BeforeAll
    static void start() {
        stack = PointsStack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aShopAddsSpendsSendsCancelsAndListsPointsAndItsCustomerSeesOnlyItsOwn() {
        PointsStack.Shop shop = stack.shop("pj");
        String jane = stack.member(shop, "Jane", "jane@example.com");
        String jim = stack.member(shop, "Jim", "jim@example.com");
        String base = "/api/" + shop.code();

        var added = stack.call("POST", base + "/points/transfer/add", PointsStack.form(shop.key()),
                "transfer[customer]=" + jane + "&transfer[points]=120&transfer[comment]=Welcome");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        String lot = added.json().get("pointsTransferId").asText();
        var spent = stack.call("POST", base + "/points/transfer/spend", PointsStack.form(shop.key()),
                "transfer[customer]=" + jane + "&transfer[points]=20");
        assertThat(spent.status()).as(spent.body()).isEqualTo(200);
        var tooMuch = stack.call("POST", base + "/points/transfer/spend", PointsStack.bearer(shop.key()),
                Json.write(Map.of("transfer", Map.of("customer", jane, "points", 1000))));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().get("error").asText()).isEqualTo("not enough points");

        var token = stack.call("POST", base + "/customer/token", PointsStack.bearer(shop.key()),
                Json.write(Map.of("customerId", jane)));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        Map<String, String> janeToken = PointsStack.bearer(token.json().get("token").asText());
        var sent = stack.call("POST", base + "/customer/points/p2p-transfer", janeToken,
                Json.write(Map.of("transfer", Map.of("receiver", "jim@example.com", "points", 30))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(stack.balance(shop, jim)).isEqualByComparingTo("30");

        // Rule P9 / item 8: cancelling the partly spent add drops what is left (70) and records what was used (50).
        var cancelled = stack.call("POST", base + "/points/transfer/" + lot + "/cancel", PointsStack.bearer(shop.key()),
                null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        JsonNode status = stack.status(shop, jane);
        assertThat(status.get("points").decimalValue()).isEqualByComparingTo("0");
        assertThat(status.get("usedPoints").decimalValue()).isEqualByComparingTo("50");
        assertThat(status.get("totalEarnedPoints").decimalValue()).isEqualByComparingTo("0");
        // Jim's received points came from that lot, yet are his own now (rule P10): the cancel does not take them.
        assertThat(stack.balance(shop, jim)).isEqualByComparingTo("30");

        var own = stack.call("GET", base + "/customer/points/transfer", janeToken, null);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("total").asInt()).isEqualTo(3);
        own.json().get("transfers").forEach(t -> {
            assertThat(t.get("customerId").asText()).isEqualTo(jane);
            assertThat(t.get("comment").asText()).isNotBlank();
        });
        var all = stack.call("GET", base + "/points/transfer?customerEmail=jim%40example.com", stack.admin(), null);
        assertThat(all.json().get("transfers").get(0).get("comment").asText()).isEqualTo("p2p from jane@example.com");
        var jimsStatus = stack.call("GET", base + "/customer/customer/" + jim + "/status", janeToken, null);
        assertThat(jimsStatus.status()).isEqualTo(404);
        var histogram = stack.call("GET", base + "/points/transfers?pointType=spent&lastDays=1", stack.admin(), null);
        assertThat(histogram.status()).as(histogram.body()).isEqualTo(200);
        assertThat(histogram.json().size()).isEqualTo(1);
        // Spent is what spends took (20); the p2p moved points between members, it spent none of the store's.
        assertThat(histogram.json().elements().next().decimalValue()).isEqualByComparingTo("20");
    }
}

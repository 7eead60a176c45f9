package org.serverlessloyalty.orders.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serverlessloyalty.orders.testing.OrderApi;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.orders.testing.OrderApi.body;
import static org.serverlessloyalty.orders.testing.OrderApi.errorFields;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

/** {@code POST /v1/orders} and {@code GET /v1/orders/{id}} against fakes. */
class CitrusAdOrdersTest {

    private final OrderApi api = new OrderApi();
    private final String basic = "Basic " + api.shopKey;

    private static ObjectNode order(String id, String customer) {
        ObjectNode order = Json.MAPPER.createObjectNode();
        order.put("customerId", customer).put("catalogId", "cat-1").put("sessionId", "ses-" + id)
                .put("orderDate", "2021-12-02T15:00:00Z").put("id", id);
        order.putArray("orderItems").addObject().put("gtin", "G-" + id).put("quantity", 2)
                .put("regularUnitPrice", "1.50").put("totalOrderItemPriceAfterDiscounts", "3.00");
        return order;
    }

    private static ObjectNode batch(ObjectNode... orders) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("orders");
        for (ObjectNode order : orders) {
            list.add(order);
        }
        return body;
    }

    private static ObjectNode batchOf(int count) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("orders");
        for (int i = 0; i < count; i++) {
            list.add(order("o-" + i, "c-" + (i % 7)));
        }
        return body;
    }

    @Test
    void queuesEachOrderAsAReport() {
        ObjectNode body = body("citrusad-marketplace-seller.json");
        APIGatewayV2HTTPResponse response = api.citrusAd(basic, body);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        OrderReport report = api.queue.only();
        assertThat(report.store()).isEqualTo(new StoreCode("shop"));
        assertThat(report.source()).isEqualTo(OrderSource.CITRUSAD);
        assertThat(report.status()).isEqualTo(OrderStatus.PAID);
        assertThat(report.orderId()).isEqualTo("abcti84ew-c158-4d78-a0af-b48bbwfrcss4");
        assertThat(report.customerGuid()).isEqualTo("npc-s243-ir");
        assertThat(report.orderDate()).isEqualTo(OffsetDateTime.parse("2021-12-02T15:00:00Z"));
        assertThat(report.totalSpent()).isEqualByComparingTo("5.50");
        assertThat(report.giftCodes()).isEmpty();
        assertThat(report.lines()).containsExactly(
                new OrderLine("9891998566P", null, 3, null, null, new BigDecimal("1"), new BigDecimal("3"), "10sa-3s33-j8e3"),
                new OrderLine("351998532P", null, 1, null, null, new BigDecimal("2.5"), new BigDecimal("2.5"), null));
        assertThat(report.attributes()).containsOnly(java.util.Map.entry("catalogId", "6adb93d0-7he4-4d4e-9b47-e5d3714c976a"),
                java.util.Map.entry("sessionId", "5cat7-9964-4f"));
        assertThat(api.metrics).containsExactly("OrdersQueued 1 Source=CITRUSAD");
    }

    @Test
    void answersInCitrusAdsShapeWithSellerIdOnlyWhereGiven() {
        JsonNode answer = OrderApi.exactJson(api.citrusAd(basic, body("citrusad-marketplace-seller.json")));
        JsonNode items = answer.get("orders").get(0).get("orderItems");
        List<String> first = new ArrayList<>();
        items.get(0).fieldNames().forEachRemaining(first::add);
        List<String> second = new ArrayList<>();
        items.get(1).fieldNames().forEachRemaining(second::add);

        assertThat(first).containsExactly("regularUnitPrice", "citrusDiscountAmount", "gtin", "adId", "quantity",
                "substitutedFor", "totalOrderItemPriceAfterDiscounts", "sellerId");
        assertThat(second).doesNotContain("sellerId");
        assertThat(items.get(1).get("regularUnitPrice").decimalValue()).isEqualTo(new BigDecimal("2.50"));
        assertThat(answer.get("orders").get(0).get("teamId").asText()).isEqualTo("shop");
    }

    @Test
    void answersInRequestOrder() {
        ObjectNode body = batch(order("zeta", "c1"), order("alpha", "c2"), order("mid", "c1"));
        JsonNode answer = json(api.citrusAd(basic, body));

        List<String> ids = new ArrayList<>();
        answer.get("orders").forEach(o -> ids.add(o.get("id").asText()));
        assertThat(ids).containsExactly("zeta", "alpha", "mid");
        assertThat(api.queue.reports()).extracting(OrderReport::orderId).containsExactly("zeta", "alpha", "mid");
        assertThat(api.queue.calls()).hasSize(1);
    }

    @Test
    void aHundredOrdersAreAcceptedAndAHundredAndOneAre400NamingOrders() {
        assertThat(api.citrusAd(basic, batchOf(100)).getStatusCode()).isEqualTo(200);
        assertThat(api.queue.reports()).hasSize(100);

        assertThat(errorFields(api.citrusAd(basic, batchOf(101)))).containsExactly("orders");
        assertThat(api.queue.reports()).hasSize(100);
    }

    @Test
    void anEmptyOrMissingBatchIs400NamingOrders() {
        assertThat(errorFields(api.citrusAd(basic, batchOf(0)))).containsExactly("orders");
        assertThat(errorFields(api.citrusAd(basic, Json.MAPPER.createObjectNode()))).containsExactly("orders");
        ObjectNode notAList = Json.MAPPER.createObjectNode();
        notAList.putObject("orders");
        assertThat(errorFields(api.citrusAd(basic, notAList))).containsExactly("orders");
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void anOrderDateWithAnOffsetIsParsedAndAnsweredInUtc() {
        ObjectNode order = order("tz", "c1");
        order.put("orderDate", "2021-12-02T15:00:00+10:00");
        JsonNode answer = json(api.citrusAd(basic, batch(order)));

        assertThat(api.queue.only().orderDate()).isEqualTo(OffsetDateTime.parse("2021-12-02T15:00:00+10:00"));
        assertThat(api.queue.only().orderDate().getOffset().getTotalSeconds()).isEqualTo(10 * 3600);
        assertThat(answer.get("orders").get(0).get("orderDate").asText()).isEqualTo("2021-12-02T05:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-12-02T15:00:00", "2021-12-02 15:00:00Z", "02/12/2021", "2021-02-30T15:00:00Z",
            "2021-12-02T15:00:00+1000", "2021-12-02T25:00:00Z"})
    void aBadOrderDateIs400NamingItAndNothingIsQueued(String date) {
        ObjectNode bad = order("b", "c2");
        bad.put("orderDate", date);

        assertThat(errorFields(api.citrusAd(basic, batch(order("a", "c1"), bad)))).containsExactly("orders[1].orderDate");
        assertThat(api.queue.reports()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"customerId", "sessionId", "orderDate", "id", "orderItems"})
    void eachRequiredOrderFieldIsNamedWithItsIndex(String field) {
        ObjectNode bad = order("b", "c2");
        bad.remove(field);

        assertThat(errorFields(api.citrusAd(basic, batch(order("a", "c1"), bad)))).containsExactly("orders[1]." + field);
        assertThat(api.queue.reports()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gtin", "quantity", "regularUnitPrice", "totalOrderItemPriceAfterDiscounts"})
    void eachRequiredItemFieldIsNamedWithItsIndexes(String field) {
        ObjectNode bad = order("b", "c2");
        ((ObjectNode) bad.get("orderItems").get(0)).remove(field);

        assertThat(errorFields(api.citrusAd(basic, batch(order("a", "c1"), bad))))
                .containsExactly("orders[1].orderItems[0]." + field);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void oneRefusalNamesEveryBadOrder() {
        ObjectNode noItems = order("a", "c1");
        noItems.putArray("orderItems");
        ObjectNode zero = order("b", "c2");
        ((ObjectNode) zero.get("orderItems").get(0)).put("quantity", 0).put("regularUnitPrice", "1,50");
        ObjectNode badCode = order("c", "c3");
        badCode.putArray("giftCodes").add("bad code");
        ObjectNode badId = order("d e", "c4");

        assertThat(errorFields(api.citrusAd(basic, batch(noItems, zero, badCode, badId)))).containsExactlyInAnyOrder(
                "orders[0].orderItems", "orders[1].orderItems[0].quantity", "orders[1].orderItems[0].regularUnitPrice",
                "orders[2].giftCodes[0]", "orders[3].id");
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void pricesMayBeStringsOrNumbersAndTheTotalIsTheirSum() {
        ObjectNode order = order("n", "c1");
        ArrayNode items = (ArrayNode) order.get("orderItems");
        items.addObject().put("gtin", 12345).put("quantity", 1).put("regularUnitPrice", 2.5)
                .put("totalOrderItemPriceAfterDiscounts", 2.25);

        assertThat(api.citrusAd(basic, batch(order)).getStatusCode()).isEqualTo(200);
        assertThat(api.queue.only().totalSpent()).isEqualByComparingTo("5.25");
        assertThat(api.queue.only().lines().get(1).productId()).isEqualTo("12345");
    }

    @Test
    void catalogIdIsOptionalAndLeftOutOfTheAnswer() {
        ObjectNode order = order("nocat", "c1");
        order.remove("catalogId");
        JsonNode answer = json(api.citrusAd(basic, batch(order)));

        assertThat(answer.get("orders").get(0).has("catalogId")).isFalse();
        assertThat(api.queue.only().attributes()).doesNotContainKey("catalogId");
    }

    @Test
    void statusAndGiftCodesAreThisEnginesExtensions() {
        ObjectNode order = order("x", "c1");
        order.put("status", "REFUNDED");
        order.putArray("giftCodes").add("summer10").add("WELCOME");

        assertThat(api.citrusAd(basic, batch(order)).getStatusCode()).isEqualTo(200);
        assertThat(api.queue.only().status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(api.queue.only().giftCodes()).containsExactly(CodeValue.of("SUMMER10"), CodeValue.of("WELCOME"));
    }

    @Test
    void theKeyIsAcceptedAsSentOrBase64EncodedAsHttpBasicClientsDo() {
        String withColon = Base64.getEncoder().encodeToString((api.shopKey + ":").getBytes(StandardCharsets.UTF_8));
        String bare = Base64.getEncoder().encodeToString(api.shopKey.getBytes(StandardCharsets.UTF_8));

        assertThat(api.citrusAd("Basic " + api.shopKey, batch(order("1", "c"))).getStatusCode()).isEqualTo(200);
        assertThat(api.citrusAd("Basic " + withColon, batch(order("2", "c"))).getStatusCode()).isEqualTo(200);
        assertThat(api.citrusAd("basic " + bare, batch(order("3", "c"))).getStatusCode()).isEqualTo(200);
        assertThat(api.queue.reports()).extracting(r -> r.store().value()).containsOnly("shop");
    }

    @Test
    void aMissingOrWrongCredentialIs401AndNothingIsQueued() {
        ObjectNode body = batch(order("1", "c"));
        assertThat(api.citrusAd(null, body).getStatusCode()).isEqualTo(401);
        assertThat(api.citrusAd("Bearer " + api.shopKey, body).getStatusCode()).isEqualTo(401);
        assertThat(api.citrusAd("Basic sl_shop_notthekey", body).getStatusCode()).isEqualTo(401);
        assertThat(api.citrusAd("Basic " + api.shopPublishableKey, body).getStatusCode()).isEqualTo(401);
        assertThat(api.citrusAd("Basic !!!", body).getStatusCode()).isEqualTo(401);
        assertThat(api.citrusAd("Basic " + Base64.getEncoder().encodeToString("someone:secret".getBytes(StandardCharsets.UTF_8)), body)
                .getStatusCode()).isEqualTo(401);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void aCredentialIsCheckedBeforeTheBody() {
        assertThat(api.citrusAd("Basic sl_shop_notthekey", batchOf(0)).getStatusCode()).isEqualTo(401);
    }

    @Test
    void anInactiveStoresKeyIs404() {
        assertThat(api.citrusAd("Basic " + api.closedKey, batch(order("1", "c"))).getStatusCode()).isEqualTo(404);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void aStoredOrderIsReadBackInTheSameShape() {
        ObjectNode order = order("kept", "c1");
        order.put("orderDate", "2021-12-02T15:00:00+01:00");
        JsonNode posted = OrderApi.exactJson(api.citrusAd(basic, batch(order)));
        api.ledger.apply(api.queue.only(), "hash");

        APIGatewayV2HTTPResponse response = api.citrusAdOrder(basic, "kept");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(OrderApi.exactJson(response).toString()).isEqualTo(posted.toString());
    }

    @Test
    void anOrderNotImportedIs404AndAnotherStoresOrderIsNotVisible() {
        api.citrusAd(basic, batch(order("mine", "c1")));
        api.ledger.apply(api.queue.only(), "hash");

        assertThat(api.citrusAdOrder(basic, "never-sent").getStatusCode()).isEqualTo(404);
        assertThat(api.citrusAdOrder("Basic " + api.otherKey, "mine").getStatusCode()).isEqualTo(404);
        assertThat(api.citrusAdOrder(null, "mine").getStatusCode()).isEqualTo(401);
    }
}

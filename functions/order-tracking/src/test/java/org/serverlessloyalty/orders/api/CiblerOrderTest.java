package org.serverlessloyalty.orders.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.serverlessloyalty.orders.testing.OrderApi;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.sqs.model.SqsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.orders.testing.OrderApi.body;
import static org.serverlessloyalty.orders.testing.OrderApi.errorFields;
import static org.serverlessloyalty.orders.testing.OrderApi.withKey;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

/** {@code POST /api/campaignBehaviors/order/{customerId}} against fakes. */
class CiblerOrderTest {

    private final OrderApi api = new OrderApi();

    /** The repaired full-spec example: every field, cookieId at the top level. */
    private ObjectNode fullBody() {
        return withKey(body("cibler-full-spec-example.json"), api.shopKey);
    }

    private ObjectNode context(ObjectNode body) {
        return (ObjectNode) body.get("orderContext");
    }

    private ObjectNode info(ObjectNode body) {
        return (ObjectNode) body.get("orderInformation");
    }

    private APIGatewayV2HTTPResponse post(ObjectNode body) {
        return api.cibler("shop", body);
    }

    static Stream<String> mandatoryFields() {
        return CiblerOrderRequest.MANDATORY.stream();
    }

    private static void remove(ObjectNode body, String path) {
        String[] parts = path.split("\\.");
        ObjectNode parent = parts.length == 1 ? body : (ObjectNode) body.get(parts[0]);
        assertThat(parent.has(parts[parts.length - 1])).as("the base body has " + path).isTrue();
        parent.remove(parts[parts.length - 1]);
    }

    private static void setNull(ObjectNode body, String path) {
        String[] parts = path.split("\\.");
        ObjectNode parent = parts.length == 1 ? body : (ObjectNode) body.get(parts[0]);
        parent.putNull(parts[parts.length - 1]);
    }

    @Test
    void acceptsTheFullExampleAndQueuesOneReportOfEveryField() {
        APIGatewayV2HTTPResponse response = post(fullBody());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo("{\"orderId\":\"234567864\",\"status\":\"QUEUED\"}");
        OrderReport report = api.queue.only();
        assertThat(report.store()).isEqualTo(new StoreCode("shop"));
        assertThat(report.orderId()).isEqualTo("234567864");
        assertThat(report.source()).isEqualTo(OrderSource.CIBLER);
        assertThat(report.status()).isEqualTo(OrderStatus.PAID);
        assertThat(report.customerGuid()).isEqualTo("bbc47c1f-020e-4885-a01d-53f5921a7210");
        assertThat(report.orderDate()).isNull();
        assertThat(report.totalSpent()).isEqualByComparingTo("72.99");
        assertThat(report.taxes()).isEqualByComparingTo("2");
        assertThat(report.shippingCost()).isEqualByComparingTo("4.99");
        assertThat(report.discountAmount()).isNull();
        assertThat(report.giftCodes()).isEmpty();
        assertThat(report.lines()).containsExactly(new OrderLine("5", "Perceuse", 2, "11", "Standard",
                new BigDecimal("34"), null, "0"));
        assertThat(report.attributes()).containsOnly(
                entry("email", "test@gmail.com"), entry("phone", "3360000000"), entry("country", "FR / FRA"),
                entry("environnement", "Prod"), entry("siteId", "13"), entry("cookieId", "CIB1.395406195.1569857337"),
                entry("userBalance", "75"), entry("points", "75"));
        assertThat(api.metrics).containsExactly("OrdersQueued 1 Source=CIBLER");
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }

    @ParameterizedTest
    @MethodSource("mandatoryFields")
    void aMissingMandatoryFieldIs400NamingItAndNothingIsQueued(String field) {
        ObjectNode body = fullBody();
        remove(body, field);

        assertThat(errorFields(post(body))).containsExactly(field);
        assertThat(api.queue.reports()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("mandatoryFields")
    void aNullMandatoryFieldIs400NamingIt(String field) {
        ObjectNode body = fullBody();
        setNull(body, field);

        assertThat(errorFields(post(body))).containsExactly(field);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void missingObjectsAreNamedOnce() {
        ObjectNode body = fullBody();
        body.remove("orderContext");
        body.remove("orderInformation");
        assertThat(errorFields(post(body))).containsExactlyInAnyOrder("orderContext", "orderInformation");
    }

    @Test
    void giftCodeAndDiscountAmountMayBeNullOrAbsent() {
        ObjectNode absent = fullBody();
        info(absent).remove("giftCode");
        info(absent).remove("discountAmount");
        assertThat(post(absent).getStatusCode()).isEqualTo(202);

        ObjectNode empty = fullBody();
        info(empty).put("giftCode", "");
        info(empty).put("orderId", 2);
        assertThat(post(empty).getStatusCode()).isEqualTo(202);
        assertThat(api.queue.reports()).allSatisfy(r -> assertThat(r.giftCodes()).isEmpty());
    }

    @Test
    void oneGiftCodeIsNormalised() {
        ObjectNode body = fullBody();
        info(body).put("giftCode", "  mano66fzc4f4rtz ");
        info(body).put("discountAmount", 30.00);

        assertThat(post(body).getStatusCode()).isEqualTo(202);
        OrderReport report = api.queue.only();
        assertThat(report.giftCodes()).containsExactly(CodeValue.of("MANO66FZC4F4RTZ"));
        assertThat(report.discountAmount()).isEqualByComparingTo("30");
    }

    @Test
    void twoGiftCodesComeAsAList() {
        ObjectNode body = fullBody();
        info(body).putArray("giftCode").add("CODE-A").add("code_b").add("CODE-A");

        assertThat(post(body).getStatusCode()).isEqualTo(202);
        assertThat(api.queue.only().giftCodes()).containsExactly(CodeValue.of("CODE-A"), CodeValue.of("CODE_B"));
    }

    @Test
    void aGiftCodeThatCannotBeACodeIs400NamingIt() {
        ObjectNode one = fullBody();
        info(one).put("giftCode", "NOT A CODE!");
        assertThat(errorFields(post(one))).containsExactly("orderInformation.giftCode");

        ObjectNode list = fullBody();
        info(list).putArray("giftCode").add("GOOD").add("bad code").add(7.5);
        assertThat(errorFields(post(list)))
                .containsExactly("orderInformation.giftCode[1]", "orderInformation.giftCode[2]");

        ObjectNode object = fullBody();
        info(object).putObject("giftCode").put("code", "X");
        assertThat(errorFields(post(object))).containsExactly("orderInformation.giftCode");
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void cookieIdIsReadAtTheTopLevelOrInsideOrderContext() {
        ObjectNode top = fullBody();
        assertThat(post(top).getStatusCode()).isEqualTo(202);

        ObjectNode inside = fullBody();
        inside.remove("cookieId");
        context(inside).put("cookieId", "CIB1.inside");
        info(inside).put("orderId", 2);
        assertThat(post(inside).getStatusCode()).isEqualTo(202);

        assertThat(api.queue.reports()).extracting(r -> r.attributes().get("cookieId"))
                .containsExactly("CIB1.395406195.1569857337", "CIB1.inside");
    }

    @Test
    void theTopLevelCookieIdWinsWhenBothAreSent() {
        ObjectNode both = fullBody();
        context(both).put("cookieId", "CIB1.inside");
        assertThat(post(both).getStatusCode()).isEqualTo(202);
        assertThat(api.queue.only().attributes()).containsEntry("cookieId", "CIB1.395406195.1569857337");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CANCELLED", "cancelled", "REFUNDED"})
    void statusCancelledOrRefundedIsQueuedAsSuch(String status) {
        ObjectNode body = fullBody();
        info(body).put("status", status);

        assertThat(post(body).getStatusCode()).isEqualTo(202);
        assertThat(api.queue.only().status()).isEqualTo(OrderStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void anUnknownStatusIs400() {
        ObjectNode body = fullBody();
        info(body).put("status", "SHIPPED");
        assertThat(errorFields(post(body))).containsExactly("orderInformation.status");
    }

    @Test
    void orderIdIsALongSentAsANumberOrAStringOfDigits() {
        ObjectNode text = fullBody();
        info(text).put("orderId", "0234567865");
        APIGatewayV2HTTPResponse response = post(text);
        assertThat(json(response).get("orderId").asText()).isEqualTo("234567865");
        assertThat(api.queue.only().orderId()).isEqualTo("234567865");

        for (String bad : List.of("12ab", "-4", "99999999999999999999", "1.5")) {
            ObjectNode body = fullBody();
            info(body).put("orderId", bad);
            assertThat(errorFields(post(body))).as(bad).containsExactly("orderInformation.orderId");
        }
        ObjectNode fraction = fullBody();
        info(fraction).put("orderId", 12.5);
        assertThat(errorFields(post(fraction))).containsExactly("orderInformation.orderId");
    }

    @Test
    void aBonusCodeActivationWithNothingSpentIsValid() {
        ObjectNode body = withKey(body("cibler-bonus-code-activation-20chf.json"), api.shopKey);

        assertThat(post(body).getStatusCode()).isEqualTo(202);
        OrderReport report = api.queue.only();
        assertThat(report.totalSpent()).isEqualByComparingTo("0");
        assertThat(report.discountAmount()).isEqualByComparingTo("20");
        assertThat(report.giftCodes()).containsExactly(CodeValue.of("MANO66FZC4F4RTZ"));
    }

    @Test
    void oneRefusalNamesEveryBadFieldWithItsFullPath() {
        ObjectNode body = fullBody();
        context(body).put("siteId", "thirteen");
        context(body).put("email", "   ");
        info(body).put("totalSpent", "72.99");
        info(body).put("taxes", -1);
        ObjectNode line = (ObjectNode) info(body).get("orderLines").get(0);
        line.put("orderType", "Dropship");
        line.remove("unitPrice");
        ObjectNode second = info(body).withArray("orderLines").addObject();
        second.put("productId", "6").put("quantity", 0).put("orderType", "marketplace").put("unitPrice", 1);

        assertThat(errorFields(post(body))).containsExactlyInAnyOrder(
                "orderContext.siteId", "orderContext.email", "orderInformation.totalSpent", "orderInformation.taxes",
                "orderInformation.orderLines[0].orderType", "orderInformation.orderLines[0].unitPrice",
                "orderInformation.orderLines[1].quantity");
        assertThat(api.queue.reports()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"productId", "quantity", "orderType", "unitPrice"})
    void eachLineNeedsItsMandatoryFields(String field) {
        ObjectNode body = fullBody();
        ((ObjectNode) info(body).get("orderLines").get(0)).remove(field);
        assertThat(errorFields(post(body))).containsExactly("orderInformation.orderLines[0]." + field);
    }

    @Test
    void linesAreOptionalAndTheirOrderTypeIsNormalised() {
        ObjectNode none = fullBody();
        info(none).remove("orderLines");
        assertThat(post(none).getStatusCode()).isEqualTo(202);

        ObjectNode marketplace = fullBody();
        info(marketplace).put("orderId", 2);
        ((ObjectNode) info(marketplace).get("orderLines").get(0)).put("orderType", "MARKETPLACE").put("sellerId", "s-9");
        assertThat(post(marketplace).getStatusCode()).isEqualTo(202);

        assertThat(api.queue.reports().get(0).lines()).isEmpty();
        assertThat(api.queue.reports().get(1).lines().get(0).orderType()).isEqualTo("Marketplace");
        assertThat(api.queue.reports().get(1).lines().get(0).sellerId()).isEqualTo("s-9");
    }

    @Test
    void aWrongKeyIs401AndNothingIsQueued() {
        APIGatewayV2HTTPResponse response = post(withKey(fullBody(), "sl_shop_notthekey"));
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void aWrongKeyIs401EvenWhenTheBodyIsAlsoBad() {
        ObjectNode body = withKey(fullBody(), "sl_shop_notthekey");
        info(body).remove("totalSpent");
        assertThat(post(body).getStatusCode()).isEqualTo(401);
    }

    @Test
    void anotherStoresKeyIs404AndNothingIsQueued() {
        APIGatewayV2HTTPResponse response = post(withKey(fullBody(), api.otherKey));
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void anInactiveStoreIs404() {
        assertThat(api.cibler("closed", withKey(fullBody(), api.closedKey)).getStatusCode()).isEqualTo(404);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void thePublishableKeyDoesNotOpenOrderTracking() {
        assertThat(post(withKey(fullBody(), api.shopPublishableKey)).getStatusCode()).isEqualTo(401);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        var response = api.call(org.serverlessloyalty.shared.testing.ApiEvents.route(OrderApi.CIBLER_ORDER, "shop")
                .body("{\"orderContext\":").build());
        assertThat(errorFields(response)).containsExactly("body");
    }

    @Test
    void whenSqsRefusesTheClientIsToldToRetry() {
        api.queue.failWith(SqsException.builder().message("throttled").statusCode(503).build());
        APIGatewayV2HTTPResponse response = post(fullBody());
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(response.getBody()).doesNotContain("throttled");
    }

    @Test
    void anOrderTooLargeForOneQueueMessageIs413AndNothingIsQueued() {
        ObjectNode body = fullBody();
        var lines = info(body).putArray("orderLines");
        String name = "n".repeat(180);
        for (int i = 0; i < 1000; i++) {
            lines.addObject().put("productId", i).put("name", name).put("quantity", 1).put("orderType", "Standard")
                    .put("unitPrice", 1);
        }
        assertThat(body.toString().length()).as("the request itself is under the body limit")
                .isLessThan(org.serverlessloyalty.shared.platform.http.ApiRequest.MAX_BODY_BYTES);

        APIGatewayV2HTTPResponse response = post(body);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void anUnknownRouteIs404() {
        var response = api.call(org.serverlessloyalty.shared.testing.ApiEvents.route("DELETE /v1/orders/{id}", "x").build());
        assertThat(response.getStatusCode()).isEqualTo(404);
    }
}

package org.serverlessloyalty.orders.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serverlessloyalty.orders.testing.OrderApi;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.ApiEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.orders.testing.OrderApi.errorFields;

/** {@code GET /v1/resource/third-o}, the front-end beacon, against fakes. */
class BeaconTest {

    private final OrderApi api = new OrderApi();

    private String query(String key, String items) {
        return "key=" + key + "&teaid=team-1&catid=cat-1&ordid=web-42&ordts=2021-12-02T15%3A00%3A00%2B10%3A00"
                + "&sesid=ses-1&cusid=shopper-7" + items;
    }

    private String query(String items) {
        return query(api.shopPublishableKey, items);
    }

    private static final String TWO_ITEMS = "&procods=7913494&procods=6815686&pris=12.50&pris=3&quas=1&quas=2";

    /** The query string without one parameter (every occurrence). */
    private static String without(String query, String name) {
        return Arrays.stream(query.split("&")).filter(p -> !p.startsWith(name + "=")).collect(Collectors.joining("&"));
    }

    @Test
    void queuesTheOrderWithRepeatedParametersAsParallelArrays() {
        APIGatewayV2HTTPResponse response = api.beacon(query(TWO_ITEMS));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{}");
        OrderReport report = api.queue.only();
        assertThat(report.store()).isEqualTo(new StoreCode("shop"));
        assertThat(report.source()).isEqualTo(OrderSource.BEACON);
        assertThat(report.status()).isEqualTo(OrderStatus.PAID);
        assertThat(report.orderId()).isEqualTo("web-42");
        assertThat(report.customerGuid()).isEqualTo("shopper-7");
        assertThat(report.orderDate()).isEqualTo(OffsetDateTime.parse("2021-12-02T15:00:00+10:00"));
        assertThat(report.lines()).containsExactly(
                new OrderLine("7913494", null, 1, null, null, new BigDecimal("12.5"), new BigDecimal("12.5"), null),
                new OrderLine("6815686", null, 2, null, null, new BigDecimal("3"), new BigDecimal("6"), null));
        assertThat(report.totalSpent()).isEqualByComparingTo("18.50");
        assertThat(report.attributes()).containsOnly(java.util.Map.entry("catalogId", "cat-1"),
                java.util.Map.entry("sessionId", "ses-1"), java.util.Map.entry("teamId", "team-1"));
    }

    @Test
    void acceptsOneCommaSeparatedValuePerArray() {
        assertThat(api.beacon(query("&procods=7913494,6815686&pris=12.50,3&quas=1,2")).getStatusCode()).isEqualTo(200);
        assertThat(api.queue.only().lines()).extracting(OrderLine::productId).containsExactly("7913494", "6815686");
    }

    @Test
    void readsTheRawQueryStringSoAnEncodedCommaStaysInsideItsValue() {
        // API Gateway's queryStringParameters would hold procods "a,b,c" here: three products, not two.
        assertThat(api.beacon(query("&procods=a%2Cb&procods=c&pris=1&pris=2&quas=1&quas=1")).getStatusCode()).isEqualTo(200);
        assertThat(api.queue.only().lines()).extracting(OrderLine::productId).containsExactly("a,b", "c");
    }

    @Test
    void fallsBackToTheJoinedParametersWithoutARawQueryString() {
        APIGatewayV2HTTPEvent event = ApiEvents.route(OrderApi.BEACON).build();
        event.setQueryStringParameters(OrderApi.joined(query(TWO_ITEMS)));
        event.setRawQueryString(null);

        assertThat(api.call(event).getStatusCode()).isEqualTo(200);
        assertThat(api.queue.only().lines()).hasSize(2);
    }

    @Test
    void arraysOfUnequalLengthAre400NamingTheThreeAndNothingIsQueued() {
        APIGatewayV2HTTPResponse response = api.beacon(query("&procods=a&procods=b&pris=1&quas=1&quas=1"));

        assertThat(errorFields(response)).containsExactly("procods", "pris", "quas");
        assertThat(api.queue.reports()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"key", "catid", "ordid", "ordts", "sesid", "procods", "pris", "quas"})
    void eachRequiredParameterIsNamedWhenMissing(String name) {
        APIGatewayV2HTTPResponse response = api.beacon(without(query(TWO_ITEMS), name));

        assertThat(errorFields(response)).containsExactly(name);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void customerAndTeamAreOptional() {
        String query = without(without(query(TWO_ITEMS), "cusid"), "teaid");
        assertThat(api.beacon(query).getStatusCode()).isEqualTo(200);
        assertThat(api.queue.only().customerGuid()).isNull();
        assertThat(api.queue.only().attributes()).doesNotContainKey("teamId");
    }

    @Test
    void badValuesAreNamedWithTheirIndex() {
        String query = query("&procods=a&procods=b&pris=1.5&pris=abc&quas=0&quas=2").replace("ordts=2021", "ordts=21");
        assertThat(errorFields(api.beacon(query))).containsExactlyInAnyOrder("ordts", "pris[1]", "quas[0]");
    }

    @Test
    void aParameterGivenTwiceThatShouldBeOnceIs400() {
        assertThat(errorFields(api.beacon(query(TWO_ITEMS) + "&ordid=other"))).containsExactly("ordid");
    }

    @Test
    void anUnknownOrWrongPublishableKeyIs401() {
        assertThat(api.beacon(query("pk_shop_wrongsecret", TWO_ITEMS)).getStatusCode()).isEqualTo(401);
        assertThat(api.beacon(query("pk_ghost_wrongsecret", TWO_ITEMS)).getStatusCode()).isEqualTo(401);
        assertThat(api.beacon(query("nonsense", TWO_ITEMS)).getStatusCode()).isEqualTo(401);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void theStoreApiKeyDoesNotOpenTheBeacon() {
        assertThat(api.beacon(query(api.shopKey, TWO_ITEMS)).getStatusCode()).isEqualTo(401);
        assertThat(api.queue.reports()).isEmpty();
    }

    @Test
    void eachPublishableKeyOpensOnlyItsOwnStore() {
        assertThat(api.beacon(query(api.otherPublishableKey, TWO_ITEMS)).getStatusCode()).isEqualTo(200);
        assertThat(api.queue.only().store()).isEqualTo(new StoreCode("other"));
    }

    @Test
    void anInactiveStoresBeaconIs404() {
        assertThat(api.beacon(query(api.closedPublishableKey, TWO_ITEMS)).getStatusCode()).isEqualTo(404);
        assertThat(api.queue.reports()).isEmpty();
    }
}

package org.serverlessloyalty.orders.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.serverlessloyalty.orders.testing.OrderApi;
import org.serverlessloyalty.shared.fakes.Fixtures;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.orders.testing.OrderApi.EVENTS;
import static org.serverlessloyalty.orders.testing.OrderApi.body;
import static org.serverlessloyalty.orders.testing.OrderApi.readJson;
import static org.serverlessloyalty.orders.testing.OrderApi.withKey;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

/**
 * Every example body of the CibleR documents and the CitrusAd document (events/order-tracking/bodies)
 * is accepted, and every route event (events/order-tracking/*.json) gets its success answer.
 */
class OrderSpecExamplesTest {

    private static final String DEMO_KEY = "sl_demo_replacewiththedemostorekeyprintedbythestack";
    private static final String DEMO_PUBLISHABLE_KEY = "pk_demo_replacewiththedemopublishablekeyprintedbythestack";

    private final OrderApi api = new OrderApi();

    static Stream<String> ciblerBodies() throws IOException {
        return bodies("cibler-");
    }

    static Stream<String> citrusAdBodies() throws IOException {
        return bodies("citrusad-");
    }

    private static Stream<String> bodies(String prefix) throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(EVENTS.resolve("bodies"))) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".json") && !n.endsWith(".response.json"))
                    .sorted().toList();
        }
        return files.stream();
    }

    @Test
    void theExampleFilesAreAllThere() throws IOException {
        assertThat(ciblerBodies()).hasSize(3);
        assertThat(citrusAdBodies()).hasSize(4);
    }

    @ParameterizedTest
    @MethodSource("ciblerBodies")
    void everyCiblerExampleIsAccepted(String file) {
        ObjectNode body = withKey(body(file), api.shopKey);

        APIGatewayV2HTTPResponse response = api.cibler("shop", body);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        OrderReport report = api.queue.only();
        assertThat(json(response).get("orderId").asText())
                .isEqualTo(report.orderId())
                .isEqualTo(body.get("orderInformation").get("orderId").asText());
        assertThat(json(response).get("status").asText()).isEqualTo("QUEUED");
        assertThat(report.customerGuid()).isEqualTo(body.get("orderContext").get("customerGuid").asText());
        assertThat(report.attributes()).containsKey("cookieId");
        JsonNode giftCode = body.get("orderInformation").get("giftCode");
        assertThat(report.giftCodes()).isEqualTo(giftCode == null || giftCode.isNull()
                ? List.of() : List.of(CodeValue.of(giftCode.asText())));
    }

    @ParameterizedTest
    @MethodSource("citrusAdBodies")
    void everyCitrusAdExampleIsAcceptedInRequestOrder(String file) {
        JsonNode body = body(file);

        APIGatewayV2HTTPResponse response = api.citrusAd("Basic " + api.shopKey, body);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        List<String> sent = body.get("orders").findValuesAsText("id").stream().distinct().toList();
        assertThat(api.queue.reports()).extracting(OrderReport::orderId).containsExactlyElementsOf(sent);
        List<String> answered = json(response).get("orders").findValuesAsText("id");
        assertThat(answered).containsExactlyElementsOf(sent);
    }

    /** The spec's own answers, field for field and in order (teamId aside: here it is the store code). */
    @ParameterizedTest
    @CsvSource({"citrusad-single-item.json, citrusad-single-item.response.json",
            "citrusad-multiple-orders.json, citrusad-multiple-orders.response.json"})
    void answersExactlyAsTheCitrusAdSpecShows(String request, String expectedAnswer) {
        ObjectNode expected = (ObjectNode) readJson(EVENTS.resolve("bodies").resolve(expectedAnswer));
        expected.get("orders").forEach(o -> ((ObjectNode) o).put("teamId", "shop"));

        APIGatewayV2HTTPResponse response = api.citrusAd("Basic " + api.shopKey, body(request));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(OrderApi.exactJson(response).toString()).isEqualTo(expected.toString());
        assertThat(response.getBody()).contains("\"regularUnitPrice\":1.00,");
    }

    /** The route events, as SAM would feed them, with the demo store's placeholder keys. */
    @ParameterizedTest
    @CsvSource({"CiblerOrder.json, 202", "CitrusAdOrders.json, 200", "CitrusAdOrder.json, 200", "Beacon.json, 200"})
    void everyRouteEventSucceeds(String file, int status) throws IOException {
        api.stores.with(Fixtures.storeWithKey("demo", DEMO_KEY, true));
        api.publishable.put("demo", DEMO_PUBLISHABLE_KEY);
        api.call(event("CitrusAdOrders.json"));
        api.queue.reports().forEach(r -> api.ledger.apply(r, "hash"));
        api.queue.calls().clear();

        APIGatewayV2HTTPEvent event = event(file);
        if (event.getRouteKey().equals(OrderApiHandler.BEACON)) {
            assertThat(event.getRawQueryString()).contains("procods=7913494&procods=6815686");
            assertThat(event.getQueryStringParameters()).containsEntry("procods", "7913494,6815686");
        }
        APIGatewayV2HTTPResponse response = api.call(event);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(List.of(OrderApiHandler.CIBLER_ORDER, OrderApiHandler.CITRUSAD_ORDERS, OrderApiHandler.CITRUSAD_ORDER,
                OrderApiHandler.BEACON)).contains(event.getRouteKey());
        if (event.getRouteKey().startsWith("GET /v1/orders/")) {
            assertThat(json(response).get("orders").get(0).get("id").asText()).isEqualTo(event.getPathParameters().get("id"));
            assertThat(api.queue.reports()).isEmpty();
        } else {
            assertThat(api.queue.reports()).isNotEmpty().allSatisfy(r -> assertThat(r.store()).isEqualTo(new StoreCode("demo")));
        }
    }

    private static APIGatewayV2HTTPEvent event(String file) throws IOException {
        return Json.MAPPER.readValue(Files.readString(EVENTS.resolve(file)), APIGatewayV2HTTPEvent.class);
    }
}

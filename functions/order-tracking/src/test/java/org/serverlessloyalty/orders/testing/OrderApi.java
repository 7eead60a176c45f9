package org.serverlessloyalty.orders.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.orders.api.OrderApiHandler;
import org.serverlessloyalty.shared.fakes.CountingStoreRepository;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.port.PublishableKeys;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.shared.testing.ApiEvents;

import static org.serverlessloyalty.shared.fakes.Fixtures.storeWithKey;

/**
 * The handler wired to fakes: stores {@code shop}, {@code other} and the inactive {@code closed},
 * each with a storefront key and a publishable key; a recording queue; an in-memory ledger.
 */
public final class OrderApi {

    public static final String CIBLER_ORDER = "POST /api/campaignBehaviors/order/{customerId}";
    public static final String CITRUSAD_ORDERS = "POST /v1/orders";
    public static final String CITRUSAD_ORDER = "GET /v1/orders/{id}";
    public static final String BEACON = "GET /v1/resource/third-o";

    /** The folder of the example bodies and route events (events/order-tracking). */
    public static final Path EVENTS = Path.of(System.getProperty("order.events.dir", "../../events/order-tracking"));

    public final String shopKey = ApiKey.generate(new StoreCode("shop"));
    public final String otherKey = ApiKey.generate(new StoreCode("other"));
    public final String closedKey = ApiKey.generate(new StoreCode("closed"));
    public final String shopPublishableKey = "pk_shop_" + "s3cr3tpublishablekeyofshop";
    public final String otherPublishableKey = "pk_other_" + "s3cr3tpublishablekeyofother";
    public final String closedPublishableKey = "pk_closed_" + "s3cr3tpublishablekeyofclosed";
    public final CountingStoreRepository stores = new CountingStoreRepository()
            .with(storeWithKey("shop", shopKey, true))
            .with(storeWithKey("other", otherKey, true))
            .with(storeWithKey("closed", closedKey, false));
    public final Map<String, String> publishable = new HashMap<>(Map.of(
            "shop", shopPublishableKey, "other", otherPublishableKey, "closed", closedPublishableKey));
    public final RecordingOrderQueue queue = new RecordingOrderQueue();
    public final InMemoryOrderLedger ledger = new InMemoryOrderLedger();
    public final List<String> metrics = new ArrayList<>();
    private final PublishableKeys publishableKeys = (store, key) -> key.equals(publishable.get(store.value()));
    private final BusinessMetrics recordingMetrics = (metric, value, dimension, dimensionValue) ->
            metrics.add(metric + " " + value + " " + dimension + "=" + dimensionValue);
    public final OrderApiHandler handler = new OrderApiHandler(
            new StoreAccess(stores, Duration.ofSeconds(30), new MutableClock(Instant.parse("2026-06-15T10:00:00Z"))),
            publishableKeys, ledger, queue, recordingMetrics);

    public APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    /** A CibleR order posted on {@code store}'s path. */
    public APIGatewayV2HTTPResponse cibler(String store, JsonNode body) {
        return call(ApiEvents.route(CIBLER_ORDER, store).body(body.toString()).build());
    }

    /** A CitrusAd batch with {@code Authorization: <authorization>} (none when null). */
    public APIGatewayV2HTTPResponse citrusAd(String authorization, JsonNode body) {
        ApiEvents event = ApiEvents.route(CITRUSAD_ORDERS).body(body.toString());
        if (authorization != null) {
            event.header("Authorization", authorization);
        }
        return call(event.build());
    }

    public APIGatewayV2HTTPResponse citrusAdOrder(String authorization, String id) {
        ApiEvents event = ApiEvents.route(CITRUSAD_ORDER, id);
        if (authorization != null) {
            event.header("Authorization", authorization);
        }
        return call(event.build());
    }

    /** The beacon with this raw query string and the comma-joined parameters API Gateway derives from it. */
    public APIGatewayV2HTTPResponse beacon(String rawQueryString) {
        APIGatewayV2HTTPEvent event = ApiEvents.route(BEACON).build();
        event.setBody(null);
        event.setRawQueryString(rawQueryString);
        event.setQueryStringParameters(joined(rawQueryString));
        return call(event);
    }

    /** What API Gateway puts in queryStringParameters: repeated names joined with commas (values decoded). */
    public static Map<String, String> joined(String rawQueryString) {
        Map<String, String> joined = new HashMap<>();
        for (String pair : rawQueryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            String name = java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8);
            String value = parts.length > 1 ? java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8) : "";
            joined.merge(name, value, (a, b) -> a + "," + b);
        }
        return joined.isEmpty() ? null : joined;
    }

    /** JSON read without normalising decimals, so {@code 1.00} and {@code 1} differ as they do on the wire. */
    private static final com.fasterxml.jackson.databind.ObjectMapper EXACT = Json.MAPPER.copy()
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    public static JsonNode exactJson(String text) {
        try {
            return EXACT.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode exactJson(APIGatewayV2HTTPResponse response) {
        return exactJson(response.getBody());
    }

    public static ObjectNode body(String file) {
        return (ObjectNode) readJson(EVENTS.resolve("bodies").resolve(file));
    }

    public static JsonNode readJson(Path path) {
        try {
            return EXACT.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CibleR body with {@code orderContext.key} set to {@code key}. */
    public static ObjectNode withKey(ObjectNode body, String key) {
        ((ObjectNode) body.get("orderContext")).put("key", key);
        return body;
    }

    /** The fields a 400 names, in order. */
    public static List<String> errorFields(APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() != 400) {
            throw new AssertionError("Expected 400, got " + response.getStatusCode() + ": " + response.getBody());
        }
        List<String> fields = new ArrayList<>();
        ApiEvents.json(response).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}

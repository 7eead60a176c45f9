package org.serverlessloyalty.tests.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.local.dynamodb.FaultPolicy;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.testing.DynamoDbFaults;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack started from the real template.yaml, and what the order tests do with it over real HTTP:
 * create stores and codes with the admin key, post orders, read orders and codes back, and wait
 * (polling, up to {@link #PATIENCE}) for the consumer.
 */
public final class OrderStack implements AutoCloseable {

    static final String ORDER_QUEUE = "OrderQueue";
    static final String DEAD_LETTER_QUEUE = "OrderDeadLetterQueue";
    static final String CONSUMER = "OrderConsumerFunction";

    /** Generous: a CI build may share the two cores. The tests return as soon as the condition holds. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final LocalStack stack;
    private final ApiClient api;

    private OrderStack(LocalStack stack) {
        this.stack = stack;
        this.api = new HttpApiClient(stack.baseUri());
    }

    static OrderStack start(Map<String, String> parameters) {
        return new OrderStack(LocalStack.start(LocalStack.Options.defaults()
                .port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey("order-tests-admin-key")
                .seedDemo(false)
                .accessLog(false)
                .parameters(parameters)));
    }

    LocalStack local() {
        return stack;
    }

    /**
     * Turns {@code faults} on in the stack's DynamoDB until the run is closed: set up stores and codes before, so
     * only what the test exercises meets them (the admin routes' own writes are not what these tests are about).
     */
    DynamoDbFaults.Run faults(DynamoDbFaults faults) {
        return faults.start(stack.dynamoDbEngine());
    }

    /** Faults off, whatever a test left on (an @AfterEach: a failed test must not leave them to the next). */
    void faultsOff() {
        stack.dynamoDbEngine().faultPolicy(FaultPolicy.none());
    }

    /** Records the run's report and checks that random faults did happen (a test under faults that met none proves nothing). */
    static void report(DynamoDbFaults faults, DynamoDbFaults.Run run, String test) {
        run.record(test);
        if (faults == DynamoDbFaults.RANDOM) {
            assertThat(run.counts().injected()).as("faults injected").isPositive();
        }
    }

    ApiClient api() {
        return api;
    }

    @Override
    public void close() {
        stack.close();
    }

    // ------------------------------------------------------------------ admin

    record StoreKeys(String code, String apiKey, String publishableKey) {
    }

    ApiClient.Response admin(String method, String path, Object body) {
        return api.call(method, path, Map.of("Authorization", "Bearer " + stack.adminKey(),
                "Content-Type", "application/json"), body == null ? null : Json.write(body));
    }

    StoreKeys createStore(String code) {
        var response = admin("POST", "/api/store", Map.of("code", code, "name", "Shop " + code, "currency", "EUR",
                "timezone", "Europe/Paris", "locale", "fr"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(json.path("apiKey").asText()).startsWith("sl_");
        assertThat(json.path("publishableKey").asText()).startsWith("pk_");
        return new StoreKeys(code, json.get("apiKey").asText(), json.get("publishableKey").asText());
    }

    /** Listed codes of 5 EUR with {@code numberOfUsage} uses (null = unlimited). */
    void createCodes(String store, Integer numberOfUsage, String... codes) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (String code : codes) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("code", code);
            c.put("value", 5);
            c.put("discountType", "VALUE");
            c.put("combinable", true);
            c.put("expirationDate", "2099-12-31");
            c.put("numberOfUsage", numberOfUsage);
            listed.add(c);
        }
        var response = admin("POST", "/api/" + store + "/admin/giftCodes", Map.of("codes", listed));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** One listed code of 5 EUR with its dates (a day in the store's time zone, or null for none). */
    void createDatedCode(String store, String code, Integer numberOfUsage, String activeFrom, String expirationDate) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("value", 5);
        c.put("discountType", "VALUE");
        c.put("combinable", true);
        c.put("activeFrom", activeFrom);
        c.put("expirationDate", expirationDate);
        c.put("numberOfUsage", numberOfUsage);
        var response = admin("POST", "/api/" + store + "/admin/giftCodes", Map.of("codes", List.of(c)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** {@code POST /api/store/{store}/api-key/rotate} ({@code ?key=publishable} for the beacon key): the new key. */
    String rotateKey(String store, boolean publishable) {
        var response = admin("POST", "/api/store/" + store + "/api-key/rotate" + (publishable ? "?key=publishable" : ""), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get(publishable ? "publishableKey" : "apiKey").asText();
    }

    long usedCount(String store, String code) {
        var response = admin("GET", "/api/" + store + "/admin/giftCodes/" + code, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode usedCount = response.json().get("usedCount");
        assertThat(usedCount).as(response.body()).isNotNull();
        return usedCount.asLong();
    }

    /** {@code GET /api/{store}/admin/orders/{orderId}}: the order as applied, or empty while it is not (404). */
    Optional<JsonNode> order(String store, String orderId) {
        var response = admin("GET", "/api/" + store + "/admin/orders/" + orderId, null);
        if (response.status() == 404) {
            return Optional.empty();
        }
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Optional.of(response.json());
    }

    /** Polls the admin order route until the order is applied. */
    JsonNode awaitOrder(String store, String orderId) {
        return await("order " + orderId + " of store " + store + " applied", () -> order(store, orderId));
    }

    /** Polls until the order is there with {@code status}. */
    JsonNode awaitOrderStatus(String store, String orderId, String status) {
        return await("order " + orderId + " of store " + store + " " + status,
                () -> order(store, orderId).filter(o -> status.equals(o.path("status").asText())));
    }

    /** The code of each redemption of an order, with its outcome ("APPLIED", "CONFLICT USAGE_EXHAUSTED", ...). */
    static Map<String, String> redemptions(JsonNode order) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (JsonNode r : order.path("redemptions")) {
            String reason = r.path("reason").isNull() || r.path("reason").isMissingNode() ? "" : " " + r.get("reason").asText();
            outcomes.put(r.path("code").asText(), r.path("outcome").asText() + reason);
        }
        return outcomes;
    }

    // ------------------------------------------------------------------ storefront routes

    /** A CibleR order-tracking body as the full spec's table has it ({@code cookieId} at the top level). */
    public static ObjectNode ciblerBody(String apiKey, String orderId, String customerGuid, String... giftCodes) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode context = body.putObject("orderContext");
        context.put("key", apiKey);
        context.put("email", "shopper@example.com");
        context.put("country", "CH / FRA");
        context.put("environnement", "Prod");
        context.put("siteId", 13);
        context.put("customerGuid", customerGuid);
        body.put("cookieId", "CIB1.395406195.1569857337");
        ObjectNode info = body.putObject("orderInformation");
        info.put("orderId", Long.parseLong(orderId));
        info.put("totalSpent", 150.0);
        info.put("taxes", 20.00);
        info.put("shippingCost", 0.00);
        if (giftCodes.length == 1) {
            info.put("giftCode", giftCodes[0]);
        } else if (giftCodes.length > 1) {
            ArrayNode codes = info.putArray("giftCode");
            for (String code : giftCodes) {
                codes.add(code);
            }
        }
        info.put("discountAmount", giftCodes.length == 0 ? 0.0 : 30.00);
        return body;
    }

    ApiClient.Response postCibler(String pathStore, Object body) {
        return api.call("POST", "/api/campaignBehaviors/order/" + pathStore, Map.of("Content-Type", "application/json"),
                body instanceof String text ? text : Json.write(body));
    }

    ApiClient.Response postCitrusAd(String apiKey, Object body) {
        return api.call("POST", "/v1/orders", Map.of("Authorization", "Basic " + apiKey,
                "Content-Type", "application/json"), body instanceof String text ? text : Json.write(body));
    }

    ApiClient.Response getCitrusAd(String apiKey, String id) {
        return api.call("GET", "/v1/orders/" + id, Map.of("Authorization", "Basic " + apiKey), null);
    }

    ApiClient.Response beacon(String query) {
        return api.call("GET", "/v1/resource/third-o?" + query, Map.of(), null);
    }

    /** A CitrusAd order with this engine's {@code giftCodes} extension, placed at {@code orderDate}. */
    static Map<String, Object> citrusAdOrder(String orderId, String customerId, String orderDate, String... giftCodes) {
        return Map.of("customerId", customerId, "sessionId", "s-" + orderId, "orderDate", orderDate, "id", orderId,
                "giftCodes", List.of(giftCodes), "orderItems", List.of(Map.of("gtin", "9891998566P", "quantity", 3,
                        "regularUnitPrice", "1.00", "totalOrderItemPriceAfterDiscounts", "3.00")));
    }

    /** The beacon's query for one order: two lines, 6.00 in all. */
    static String beaconQuery(String publishableKey, String ordid, String cusid) {
        return "key=" + publishableKey + "&catid=c1&ordid=" + ordid + "&ordts=2026-11-25T10:00:00Z&sesid=s1&cusid=" + cusid
                + "&procods=A&procods=B&pris=1.00&pris=2.50&quas=1&quas=2";
    }

    /** {@code POST /api/giftCodes/validate/{store}} for {@code code} on a 100.00 cart. */
    ApiClient.Response validate(String store, String apiKey, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", "shopper@example.com");
        body.put("cibler_id", "AZ34R5TYU7UY654RE32RT6YT");
        body.put("code", code);
        body.put("cart", Map.of("total", 10_000, "items", List.of(Map.of("name", "ACME Foldable Canoe"))));
        return api.call("POST", "/api/giftCodes/validate/" + store,
                Map.of("X-Api-Key", apiKey, "Content-Type", "application/json"), Json.write(body));
    }

    /** The field paths a 400 names. */
    static List<String> errorFields(ApiClient.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    // ------------------------------------------------------------------ queue

    String queueUrl(String logicalId) {
        return stack.queueUrl(logicalId);
    }

    /** ApproximateNumberOfMessages + NotVisible + Delayed. */
    long messagesIn(String logicalId) {
        Map<QueueAttributeName, String> attributes = stack.sqsClient().getQueueAttributes(b -> b
                .queueUrl(queueUrl(logicalId))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }

    /**
     * Waits until the order queue holds nothing, visible or in flight: every message sent so far has been
     * handed to the consumer and deleted (the poller deletes only after the function returned).
     */
    void awaitOrderQueueDrained() {
        await("the order queue drained", () -> {
            if (messagesIn(ORDER_QUEUE) != 0) {
                return Optional.empty();
            }
            sleep(100);
            return messagesIn(ORDER_QUEUE) == 0 ? Optional.of(true) : Optional.empty();
        });
    }

    /** Batches the SQS event source has handed the consumer so far. */
    long consumerBatches() {
        return stack.pollers().stream()
                .filter(p -> p.source().functionLogicalId().equals(CONSUMER))
                .mapToLong(p -> p.batchesInvoked())
                .sum();
    }

    // ------------------------------------------------------------------ waiting

    /** Polls {@code probe} until it answers, for up to {@link #PATIENCE}. */
    static <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pause = 20;
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still waiting after " + PATIENCE.toSeconds() + " s for " + what);
            }
            sleep(pause);
            pause = Math.min(250, pause * 2);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

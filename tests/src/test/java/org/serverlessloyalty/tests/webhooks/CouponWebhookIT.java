package org.serverlessloyalty.tests.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.webhook.dynamodb.DynamoDbWebhookStore;
import org.serverlessloyalty.shared.webhook.model.WebhookConfig;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coupon-created webhook end to end on the local stack started from the real template.yaml, with fast retry
 * parameters (backoff base 1 s, retry window 6 s) and a real HTTP receiver on 127.0.0.1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CouponWebhookIT {

    static final int RATE = 40;
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static LocalStack stack;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults()
                .port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey("webhook-tests-admin-key")
                .seedDemo(false)
                .accessLog(false)
                .parameters(Map.of("WebhookBackoffBaseSeconds", "1", "WebhookRetryWindowSeconds", "6",
                        "WebhookRatePerSecond", Integer.toString(RATE))));
        api = new HttpApiClient(stack.baseUri());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void notConfiguredOrDisabledWebhookCallsNothingAndQueuesNothing() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {
            createStore("nohook");
            assertThat(admin("GET", "/api/nohook/admin/webhooks/coupon-created", null).status()).isEqualTo(404);
            createListedCodes("nohook", "NOHOOK1", "NOHOOK2");

            createStore("offhook");
            var put = admin("PUT", "/api/offhook/admin/webhooks/coupon-created",
                    Map.of("url", receiver.url(), "enabled", false));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(put.json().path("enabled").asBoolean()).isFalse();
            createListedCodes("offhook", "OFFHOOK1", "OFFHOOK2");

            Thread.sleep(1500);
            assertThat(receiver.received()).isEmpty();
            for (String store : List.of("nohook", "offhook")) {
                for (String status : List.of("PENDING", "DELIVERED", "FAILED")) {
                    assertThat(deliveries(store, status)).as(store + " " + status).isEmpty();
                }
            }
            var attributes = stack.sqsClient().getQueueAttributes(b -> b.queueUrl(stack.queueUrl("CouponWebhookQueue"))
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            assertThat(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("0");
            assertThat(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo("0");
        }
    }

    @Test
    @Order(2)
    void retriesUntilTheReceiverAnswers200AndEveryRequestIsSigned() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(2)) {
            createStore("retry");
            String secret = configure("retry", receiver.url());
            var codes = List.of("RETRY1", "RETRY2", "RETRY3");
            createListedCodes("retry", codes.toArray(String[]::new));

            await("3 deliveries answered 200", () -> receiver.delivered().size() == 3);
            var delivered = receiver.delivered();
            assertThat(delivered.values().stream().map(r -> body(r).path("code").asText()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(codes);
            for (var r : receiver.received()) {
                assertThat(WebhookVerifier.verify(secret, r.webhookId(), r.timestamp(), r.signature(), r.body(),
                        Instant.now().getEpochSecond())).as("signature of " + r).isTrue();
                assertThat(r.contentType()).startsWith("application/json");
            }
            // the same webhook-id on every attempt: 2 failures then the 200, per code
            Map<String, Long> perId = receiver.received().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::webhookId, Collectors.counting()));
            assertThat(perId).hasSize(3).allSatisfy((id, n) -> assertThat(n).isEqualTo(3L));
            for (var r : delivered.values()) {
                JsonNode body = body(r);
                assertThat(fieldNames(body)).containsExactly("code", "value", "discountWholeCart", "name",
                        "discountType", "threshold", "description", "combinable", "expirationDate", "campaignId",
                        "customerId", "numberOfUsage", "user", "products", "categories");
                assertThat(body.path("value").decimalValue()).isEqualByComparingTo("5");
                assertThat(body.path("discountType").asText()).isEqualTo("VALUE");
                assertThat(body.path("discountWholeCart").asInt()).isEqualTo(1);
                assertThat(body.path("expirationDate").asText()).isEqualTo("2099-12-31");
                assertThat(body.path("customerId").asText()).isEqualTo("retry");
                assertThat(body.path("campaignId").asLong()).isEqualTo(63006938L);
                assertThat(body.path("numberOfUsage").asInt()).isEqualTo(3);
            }
            await("3 deliveries DELIVERED", () -> deliveries("retry", "DELIVERED").size() == 3);
            assertThat(deliveries("retry", "DELIVERED")).allSatisfy(d -> {
                assertThat(d.path("attempts").asInt()).isEqualTo(3);
                assertThat(d.path("lastStatusCode").asInt()).isEqualTo(200);
            });
        }
    }

    @Test
    @Order(3)
    void receiverDownForTheWholeWindowFailsToTheDeadLetterQueueThenRedriveDelivers() throws Exception {
        int port = WebhookReceiver.freePort();
        createStore("down");
        String secret = configure("down", WebhookReceiver.url(port));
        createListedCodes("down", "DOWN1", "DOWN2");

        await("2 deliveries FAILED", () -> deliveries("down", "FAILED").size() == 2);
        assertThat(deliveries("down", "FAILED")).allSatisfy(d -> {
            assertThat(d.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(d.path("lastError").asText()).as("a generic reason, no address").isEqualTo("connection refused");
        });
        assertThat(deliveries("down", "PENDING")).isEmpty();
        Set<String> failedIds = new HashSet<>();
        deliveries("down", "FAILED").forEach(d -> failedIds.add(d.path("deliveryId").asText()));

        Set<String> deadLettered = new HashSet<>();
        String dlq = stack.queueUrl("CouponWebhookDeadLetterQueue");
        await("both messages in the dead-letter queue", () -> {
            for (Message m : stack.sqsClient().receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                JsonNode message = Json.MAPPER.readTree(m.body());
                if ("down".equals(message.path("store").asText())) {
                    deadLettered.add(message.path("deliveryId").asText());
                }
                stack.sqsClient().deleteMessage(b -> b.queueUrl(dlq).receiptHandle(m.receiptHandle()));
            }
            return deadLettered.size() == 2;
        });
        assertThat(deadLettered).isEqualTo(failedIds);

        try (WebhookReceiver receiver = WebhookReceiver.startOn(port, 0)) {
            var redrive = admin("POST", "/api/down/admin/webhooks/coupon-created/deliveries/redrive", null);
            assertThat(redrive.status()).as(redrive.body()).isEqualTo(202);
            assertThat(redrive.json().path("redriven").asInt()).isEqualTo(2);
            await("both delivered after the redrive", () -> receiver.delivered().size() == 2);
            assertThat(receiver.delivered().keySet()).isEqualTo(failedIds);
            assertThat(receiver.delivered().values().stream().map(r -> body(r).path("code").asText()).toList())
                    .containsExactlyInAnyOrder("DOWN1", "DOWN2");
            receiver.received().forEach(r -> assertThat(WebhookVerifier.verify(secret, r.webhookId(), r.timestamp(),
                    r.signature(), r.body(), Instant.now().getEpochSecond())).isTrue());
            await("none FAILED any more", () -> deliveries("down", "FAILED").isEmpty()
                    && deliveries("down", "DELIVERED").size() == 2);
        }
    }

    @Test
    @Order(4)
    void aThousandGeneratedCodesAreDeliveredOnceEachWithinTheRateLimit() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {
            createStore("bulk");
            String secret = configure("bulk", receiver.url());
            long started = System.currentTimeMillis();
            var created = admin("POST", "/api/bulk/admin/giftCodes", Map.of(
                    "generate", Map.of("count", 1000, "prefix", "BULK", "length", 12),
                    "template", Map.of("value", 10, "discountType", "PERCENT", "expirationDate", "2099-12-31")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            Set<String> codes = new HashSet<>();
            created.json().path("codes").forEach(c -> codes.add(c.asText()));
            assertThat(codes).hasSize(1000);
            assertThat(System.currentTimeMillis() - started).as("creating codes does not wait on delivery")
                    .isLessThan(20_000);

            await("1000 distinct deliveries", Duration.ofSeconds(90), () -> receiver.delivered().size() >= 1000);
            Thread.sleep(1500); // anything delivered twice would arrive now
            var received = receiver.received();
            Map<String, Long> perId = received.stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::webhookId, Collectors.counting()));
            assertThat(perId).hasSize(1000);
            assertThat(perId.values()).as("no webhook-id received twice").allMatch(n -> n == 1L);
            assertThat(received.stream().map(r -> body(r).path("code").asText()).collect(Collectors.toSet()))
                    .isEqualTo(codes);
            received.stream().limit(50).forEach(r -> assertThat(WebhookVerifier.verify(secret, r.webhookId(),
                    r.timestamp(), r.signature(), r.body(), Instant.now().getEpochSecond())).isTrue());

            // Receptions per wall-clock second at the receiver. The limit is counted per epoch second when the
            // function takes its token, a few milliseconds before the request arrives; a request taken at the very
            // end of a second can land in the next one, hence a small tolerance.
            Map<Long, Long> perSecond = new TreeMap<>(received.stream()
                    .collect(Collectors.groupingBy(r -> r.receivedAtMillis() / 1000, Collectors.counting())));
            assertThat(perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0))
                    .as("receptions per second " + perSecond).isLessThanOrEqualTo(RATE + 3);
            long spanMillis = received.get(received.size() - 1).receivedAtMillis() - received.get(0).receivedAtMillis();
            assertThat(spanMillis).as("1000 at %d/s cannot take less than ~%d s", RATE, 1000 / RATE - 1)
                    .isGreaterThanOrEqualTo((1000L / RATE - 2) * 1000);
        }
    }

    @Test
    @Order(5)
    void internalAddressesAreRefusedAt400NamingTheUrlEvenOnTheLocalStack() {
        createStore("internal");
        for (String url : List.of("https://169.254.169.254/latest/meta-data/", "http://2852039166/",
                "https://[::ffff:169.254.169.254]/", "https://10.0.0.8/coupons", "https://172.20.1.1/coupons",
                "https://192.168.1.20/coupons", "https://[fd00:ec2::254]/", "https://0.0.0.0/",
                "https://metadata.google.internal/computeMetadata/v1/", "http://shop.example/coupons")) {
            var response = admin("PUT", "/api/internal/admin/webhooks/coupon-created",
                    Map.of("url", url, "enabled", true));
            assertThat(response.status()).as(url).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asText()).as(url).isEqualTo("url");
        }
        assertThat(admin("GET", "/api/internal/admin/webhooks/coupon-created", null).status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void aStoredUrlOfAnInternalAddressIsRefusedAtSendTimeAndFailedAtOnce() throws Exception {
        // As if configured before the address rules existed: written to the table, around the admin API (before any
        // delivery, so the function has not cached the old configuration).
        createStore("legacy");
        configure("legacy", "https://shop.example/coupons");
        var store = new DynamoDbWebhookStore(stack.dynamoDbClient(), stack.tableName("LoyaltyTable"));
        var config = store.config(new StoreCode("legacy")).orElseThrow();
        store.saveConfig(new WebhookConfig(config.store(), "https://[::ffff:a9fe:a9fe]/latest/meta-data/", true,
                config.secret(), config.createdAt(), Instant.now()));

        createListedCodes("legacy", "LEGACY1");

        await("the delivery FAILED", () -> deliveries("legacy", "FAILED").size() == 1);
        JsonNode failed = deliveries("legacy", "FAILED").get(0);
        assertThat(failed.path("lastError").asText()).isEqualTo("address not allowed");
        assertThat(failed.path("attempts").asInt()).as("refused, not retried").isEqualTo(1);
        assertThat(failed.path("lastStatusCode").isNull()).isTrue();
        assertThat(deliveries("legacy", "PENDING")).isEmpty();
        assertThat(allDeliveries("legacy")).extracting(d -> d.path("code").asText()).containsExactly("LEGACY1");
    }

    // ------------------------------------------------------------------ helpers

    private static List<JsonNode> allDeliveries(String store) {
        var response = admin("GET", "/api/" + store + "/admin/webhooks/coupon-created/deliveries?limit=200", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().path("deliveries").forEach(list::add);
        return list;
    }

    private static ApiClient.Response admin(String method, String path, Object body) {
        return api.call(method, path, Map.of("Authorization", "Bearer " + stack.adminKey(),
                "Content-Type", "application/json"), body == null ? null : Json.write(body));
    }

    private static void createStore(String code) {
        var response = admin("POST", "/api/store", Map.of("code", code, "name", "Shop " + code, "currency", "EUR",
                "timezone", "Europe/Paris", "locale", "fr"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static String configure(String store, String url) {
        var response = admin("PUT", "/api/" + store + "/admin/webhooks/coupon-created",
                Map.of("url", url, "enabled", true));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String secret = response.json().path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        return secret;
    }

    private static void createListedCodes(String store, String... codes) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (String code : codes) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("code", code);
            c.put("value", 5);
            c.put("discountType", "VALUE");
            c.put("combinable", true);
            c.put("expirationDate", "2099-12-31");
            c.put("numberOfUsage", 3);
            c.put("campaignId", "63006938");
            listed.add(c);
        }
        var response = admin("POST", "/api/" + store + "/admin/giftCodes", Map.of("codes", listed));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static List<JsonNode> deliveries(String store, String status) {
        var response = admin("GET", "/api/" + store + "/admin/webhooks/coupon-created/deliveries?status=" + status
                + "&limit=200", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().path("deliveries").forEach(list::add);
        return list;
    }

    private static JsonNode body(WebhookReceiver.Received r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + r.body(), e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        await(what, PATIENCE, check);
    }

    private static void await(String what, Duration patience, Check check) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + patience.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}

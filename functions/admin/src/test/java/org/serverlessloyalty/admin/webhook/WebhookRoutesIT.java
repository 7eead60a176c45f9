package org.serverlessloyalty.admin.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.admin.AdminHandler;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.webhook.dynamodb.DynamoDbWebhookStore;
import org.serverlessloyalty.shared.webhook.model.Delivery;
import org.serverlessloyalty.shared.webhook.model.DeliveryStatus;
import org.serverlessloyalty.shared.webhook.model.WebhookConfig;
import org.serverlessloyalty.shared.webhook.service.CouponCreatedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

/** The webhook admin routes through the admin function, and the coupon-created events, on the in-process DynamoDB. */
class WebhookRoutesIT {

    private static final String ADMIN_KEY = "test-admin-key";
    private static final String ROUTE = "/api/{storeCode}/admin/webhooks/coupon-created";
    private static LocalTable table;
    private static AdminHandler handler;
    private static AdminHandler localHandler;
    private static DynamoDbWebhookStore webhooks;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        handler = table.lambdaHandler(AdminHandler::new, Map.of("ADMIN_API_KEY", ADMIN_KEY));
        localHandler = table.lambdaHandler(AdminHandler::new, Map.of("ADMIN_API_KEY", ADMIN_KEY, "AWS_SAM_LOCAL", "true"));
        webhooks = new DynamoDbWebhookStore(table.client(), table.name());
    }

    /** The admin function as deployed on AWS. */
    private static APIGatewayV2HTTPResponse admin(ApiEvents event) {
        return handler.handleRequest(event.bearer(ADMIN_KEY).build(), null);
    }

    /** The admin function as the local stack runs it (AWS_SAM_LOCAL=true). */
    private static APIGatewayV2HTTPResponse local(ApiEvents event) {
        return localHandler.handleRequest(event.bearer(ADMIN_KEY).build(), null);
    }

    private static void createStore(String code) {
        var response = admin(ApiEvents.route("POST /api/store").body(Map.of(
                "code", code, "name", "Shop " + code, "currency", "EUR", "timezone", "Europe/Paris", "locale", "fr")));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    }

    @Test
    void showsTheSecretWhenIssuedAndNeverAgain() {
        createStore("hook-a");
        assertThat(admin(ApiEvents.route("GET " + ROUTE, "hook-a")).getStatusCode()).isEqualTo(404);

        var put = admin(ApiEvents.route("PUT " + ROUTE, "hook-a")
                .body(Map.of("url", "https://shop.example/coupons", "enabled", true)));
        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
        String secret = json(put).get("secret").asText();
        assertThat(secret).startsWith("whsec_");

        JsonNode read = json(admin(ApiEvents.route("GET " + ROUTE, "hook-a")));
        assertThat(read.get("url").asText()).isEqualTo("https://shop.example/coupons");
        assertThat(read.get("enabled").asBoolean()).isTrue();
        assertThat(read.has("secret")).isFalse();

        var update = admin(ApiEvents.route("PUT " + ROUTE, "hook-a")
                .body(Map.of("url", "https://shop.example/v2/coupons", "enabled", false)));
        assertThat(update.getStatusCode()).isEqualTo(200);
        assertThat(json(update).has("secret")).isFalse();
        WebhookConfig stored = webhooks.config(new StoreCode("hook-a")).orElseThrow();
        assertThat(stored.secret()).isEqualTo(secret);
        assertThat(stored.enabled()).isFalse();
        assertThat(stored.url()).isEqualTo("https://shop.example/v2/coupons");

        var rotated = admin(ApiEvents.route("POST " + ROUTE + "/rotate-secret", "hook-a"));
        assertThat(rotated.getStatusCode()).isEqualTo(200);
        String newSecret = json(rotated).get("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(webhooks.config(new StoreCode("hook-a")).orElseThrow().secret()).isEqualTo(newSecret);
    }

    @Test
    void refusesPlainHttpExceptToLoopbackNamingTheUrlField() {
        createStore("hook-b");
        var refused = admin(ApiEvents.route("PUT " + ROUTE, "hook-b")
                .body(Map.of("url", "http://shop.example/coupons", "enabled", true)));
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(json(refused).get("errors").get(0).get("field").asText()).isEqualTo("url");
        assertThat(webhooks.config(new StoreCode("hook-b"))).isEmpty();

        var loopback = local(ApiEvents.route("PUT " + ROUTE, "hook-b")
                .body(Map.of("url", "http://127.0.0.1:8080/coupons", "enabled", true)));
        assertThat(loopback.getStatusCode()).as("loopback while the local stack runs").isEqualTo(200);
        assertThat(admin(ApiEvents.route("PUT " + ROUTE, "no-such-store")
                .body(Map.of("url", "https://shop.example/x"))).getStatusCode()).isEqualTo(404);
    }

    @Test
    void refusesInternalAddressesNamingTheUrlFieldAndWritesNothing() {
        createStore("hook-internal");
        for (String url : List.of("https://169.254.169.254/latest/meta-data/", "https://2852039166/",
                "https://[::ffff:169.254.169.254]/", "https://10.0.0.8/coupons", "https://192.168.1.20/coupons",
                "https://[fd00:ec2::254]/", "https://metadata.google.internal/", "https://instance-data/")) {
            for (var call : List.<Function<ApiEvents, APIGatewayV2HTTPResponse>>of(WebhookRoutesIT::admin,
                    WebhookRoutesIT::local)) {
                var response = call.apply(ApiEvents.route("PUT " + ROUTE, "hook-internal")
                        .body(Map.of("url", url, "enabled", true)));
                assertThat(response.getStatusCode()).as(url).isEqualTo(400);
                JsonNode errors = json(response).get("errors");
                assertThat(errors).as(url).hasSize(1);
                assertThat(errors.get(0).get("field").asText()).isEqualTo("url");
            }
        }
        // The Lambda Runtime API listens on 127.0.0.1:9001 in every function's sandbox: loopback is refused on AWS.
        for (String url : List.of("http://127.0.0.1:9001/2018-06-01/runtime/invocation/next", "https://localhost/x",
                "http://[::1]:8080/coupons", "https://2130706433/")) {
            var response = admin(ApiEvents.route("PUT " + ROUTE, "hook-internal")
                    .body(Map.of("url", url, "enabled", true)));
            assertThat(response.getStatusCode()).as(url).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("url");
        }
        assertThat(webhooks.config(new StoreCode("hook-internal"))).isEmpty();
    }

    @Test
    void createdCodesOfAnEnabledWebhookBecomePendingDeliveriesAndChunkedMessages() {
        createStore("hook-c");
        StoreCode store = new StoreCode("hook-c");
        List<String> sent = new ArrayList<>();
        var events = new CouponCreatedEvents(webhooks, sent::addAll, BusinessMetrics.NONE, Clock.systemUTC());

        assertThat(events.codesCreated(store, codes(store, 3))).as("not configured").isZero();
        webhooks.saveConfig(new WebhookConfig(store, "https://shop.example/c", false, "whsec_AAAA", Instant.now(),
                Instant.now()));
        assertThat(events.codesCreated(store, codes(store, 3))).as("disabled").isZero();
        assertThat(sent).isEmpty();
        assertThat(webhooks.list(store, DeliveryStatus.PENDING, 10, null).items()).isEmpty();

        webhooks.saveConfig(new WebhookConfig(store, "https://shop.example/c", true, "whsec_AAAA", Instant.now(),
                Instant.now()));
        assertThat(events.codesCreated(store, codes(store, 250))).isEqualTo(250);

        assertThat(sent).hasSize(3);
        List<Integer> sizes = sent.stream().map(m -> read(m).get("codes").size()).toList();
        assertThat(sizes).containsExactly(100, 100, 50);
        JsonNode first = read(sent.get(0));
        assertThat(first.get("kind").asText()).isEqualTo("COUPONS_CREATED");
        assertThat(first.get("store").asText()).isEqualTo("hook-c");
        assertThat(first.get("codes").get(0).get("customerId").asText()).isEqualTo("hook-c");

        // every delivery recorded PENDING, listed newest first through the pages
        Set<String> ids = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            var page = webhooks.list(store, DeliveryStatus.PENDING, 100, next);
            page.items().forEach(d -> ids.add(d.deliveryId()));
            next = page.next();
            pages++;
        } while (next != null);
        assertThat(ids).hasSize(250);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        var listed = admin(ApiEvents.route("GET " + ROUTE + "/deliveries", "hook-c").query("status", "PENDING")
                .query("limit", "2"));
        assertThat(listed.getStatusCode()).as(listed.getBody()).isEqualTo(200);
        assertThat(json(listed).get("deliveries").size()).isEqualTo(2);
        assertThat(json(listed).get("next").isNull()).isFalse();
        assertThat(admin(ApiEvents.route("GET " + ROUTE + "/deliveries", "hook-c").query("status", "LOST"))
                .getStatusCode()).isEqualTo(400);
    }

    @Test
    void withoutAStatusTheDeliveriesOfEveryStatusAreListedNewestFirstPageByPage() {
        createStore("hook-all");
        StoreCode store = new StoreCode("hook-all");
        Instant t0 = Instant.parse("2026-11-25T10:00:00.100Z");
        List<Delivery> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(Delivery.pending(store, "ALL" + i, "{}", t0.plusSeconds(i)));
        }
        webhooks.createDeliveries(created);
        webhooks.markFailed(created.get(0), 2, "HTTP 500", 500, t0, t0.plusSeconds(10));
        webhooks.markDelivered(created.get(1), 1, 200, t0, t0.plusSeconds(10));

        var firstPage = admin(ApiEvents.route("GET " + ROUTE + "/deliveries", "hook-all").query("limit", "2"));
        assertThat(firstPage.getStatusCode()).as(firstPage.getBody()).isEqualTo(200);
        JsonNode first = json(firstPage);
        assertThat(first.get("deliveries")).extracting(d -> d.get("code").asText() + ":" + d.get("status").asText())
                .containsExactly("ALL2:PENDING", "ALL1:DELIVERED");
        String next = first.get("next").asText();

        JsonNode second = json(admin(ApiEvents.route("GET " + ROUTE + "/deliveries", "hook-all").query("limit", "2")
                .query("next", next)));
        assertThat(second.get("deliveries")).extracting(d -> d.get("code").asText() + ":" + d.get("status").asText())
                .containsExactly("ALL0:FAILED");
        assertThat(second.get("next").isNull()).isTrue();

        createStore("hook-all-other");
        var foreign = admin(ApiEvents.route("GET " + ROUTE + "/deliveries", "hook-all-other").query("next", next));
        assertThat(foreign.getStatusCode()).isEqualTo(400);
        assertThat(json(foreign).get("errors").get(0).get("field").asText()).isEqualTo("next");
    }

    @Test
    void aFailedSendLeavesTheDeliveriesPendingForARedrive() {
        createStore("hook-d");
        StoreCode store = new StoreCode("hook-d");
        webhooks.saveConfig(new WebhookConfig(store, "https://shop.example/d", true, "whsec_AAAA", Instant.now(),
                Instant.now()));
        var events = new CouponCreatedEvents(webhooks, bodies -> {
            throw new IllegalStateException("queue down");
        }, BusinessMetrics.NONE, Clock.systemUTC());

        assertThat(events.codesCreated(store, codes(store, 5))).isEqualTo(5);
        assertThat(webhooks.list(store, DeliveryStatus.PENDING, 10, null).items()).hasSize(5);
    }

    private static List<GiftCode> codes(StoreCode store, int n) {
        List<GiftCode> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(new GiftCode(store, CodeValue.of("C" + i + "X" + System.nanoTime()), new GiftCodeTerms(
                    new BigDecimal("5"), DiscountType.VALUE, null, true, null, null, null, null, null, null, null, null,
                    true, null, null), 0, Instant.now()));
        }
        return codes;
    }

    private static JsonNode read(String message) {
        try {
            return Json.MAPPER.readTree(message);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

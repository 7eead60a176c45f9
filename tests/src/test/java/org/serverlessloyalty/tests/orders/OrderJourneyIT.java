package org.serverlessloyalty.tests.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.testing.DynamoDbFaults;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.tests.orders.OrderStack.ciblerBody;
import static org.serverlessloyalty.tests.orders.OrderStack.errorFields;
import static org.serverlessloyalty.tests.orders.OrderStack.redemptions;

/**
 * The order pipeline end to end over real HTTP, on the local stack started from template.yaml: the
 * storefront reports an order, the API answers once it is queued, the consumer (run from the template's
 * SQS event) applies it, and the admin API shows what it did to the code. Replays, the other endpoints,
 * cancellation and refund; every spec example body; bad bodies and bad keys enqueue nothing. The replays and the
 * cancellations run without and with DynamoDB faults, holding the same invariants.
 */
class OrderJourneyIT {

    private static final Path BODIES = CloudFormationYaml.repositoryRoot().resolve("events/order-tracking/bodies");
    /** CibleR order ids are numbers: each test takes its own. */
    private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

    private static OrderStack stack;

    @BeforeAll
    static void startStack() {
        stack = OrderStack.start(Map.of());
    }

    @AfterEach
    void faultsOff() {
        stack.faultsOff();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String newStoreCode() {
        return "oj-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String newOrderId() {
        return Long.toString(ORDER_IDS.incrementAndGet());
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void anOrderIsQueuedThenAppliedOnceWhateverIsReplayedAndThroughWhicheverEndpoint(DynamoDbFaults faults) {
        var shop = stack.createStore(newStoreCode());
        stack.createCodes(shop.code(), 10, "SUMMER10");
        DynamoDbFaults.Run run = stack.faults(faults);
        String orderId = newOrderId();
        String guid = "guid-" + orderId;
        ObjectNode body = ciblerBody(shop.apiKey(), orderId, guid, "summer10");

        ApiClient.Response accepted = stack.postCibler(shop.code(), body);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("orderId").asText()).isEqualTo(orderId);
        assertThat(accepted.json().get("status").asText()).isEqualTo("QUEUED");
        JsonNode applied = stack.awaitOrder(shop.code(), orderId);
        assertThat(applied.get("status").asText()).isEqualTo("PAID");
        assertThat(applied.get("source").asText()).isEqualTo("CIBLER");
        assertThat(applied.get("customerGuid").asText()).isEqualTo(guid);
        assertThat(redemptions(applied)).containsExactly(Map.entry("SUMMER10", "APPLIED"));
        assertThat(stack.usedCount(shop.code(), "SUMMER10")).isEqualTo(1);
        String appliedAt = applied.get("appliedAt").asText();

        // The storefront retries the same report five times.
        for (int i = 0; i < 5; i++) {
            ApiClient.Response again = stack.postCibler(shop.code(), body);
            assertThat(again.status()).as(again.body()).isEqualTo(202);
        }
        // The same order id through CitrusAd's sync, with the same code: other content, same order.
        Map<String, Object> citrusAdOrder = Map.of("customerId", guid, "sessionId", "s-1",
                "orderDate", "2026-11-25T10:00:00+01:00", "id", orderId, "giftCodes", List.of("SUMMER10"),
                "orderItems", List.of(Map.of("gtin", "9891998566P", "quantity", 3, "regularUnitPrice", "1.00",
                        "totalOrderItemPriceAfterDiscounts", "3.00")));
        ApiClient.Response synced = stack.postCitrusAd(shop.apiKey(), Map.of("orders", List.of(citrusAdOrder)));
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        assertThat(synced.json().at("/orders/0/id").asText()).isEqualTo(orderId);
        stack.awaitOrderQueueDrained();
        run.close();
        OrderStack.report(faults, run, "OrderJourneyIT: one order, five replays and another endpoint over HTTP");

        assertThat(stack.usedCount(shop.code(), "SUMMER10")).isEqualTo(1);
        JsonNode after = stack.order(shop.code(), orderId).orElseThrow();
        assertThat(after.get("source").asText()).as("the first report stays the order").isEqualTo("CIBLER");
        assertThat(after.get("appliedAt").asText()).isEqualTo(appliedAt);
        assertThat(redemptions(after)).containsExactly(Map.entry("SUMMER10", "APPLIED"));

        // CitrusAd reads the stored order back in its own shape.
        ApiClient.Response read = stack.getCitrusAd(shop.apiKey(), orderId);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode citrus = read.json().get("orders");
        assertThat(citrus).hasSize(1);
        assertThat(citrus.get(0).get("id").asText()).isEqualTo(orderId);
        assertThat(citrus.get(0).get("teamId").asText()).isEqualTo(shop.code());
        assertThat(citrus.get(0).get("customerId").asText()).isEqualTo(guid);
        assertThat(citrus.get(0).has("adIds")).isTrue();
        assertThat(citrus.get(0).get("orderItems").isArray()).isTrue();
        assertThat(stack.getCitrusAd(shop.apiKey(), newOrderId()).status()).isEqualTo(404);
    }

    @Test
    void theBeaconTakesOnlyThePublishableKeyAndTheOrderRoutesOnlyTheApiKey() {
        var shop = stack.createStore(newStoreCode());
        String ordid = "web-" + newOrderId();
        String query = "catid=c1&ordid=" + ordid + "&ordts=2026-11-25T10:00:00Z&sesid=s1&cusid=beacon-shopper"
                + "&procods=A&procods=B&pris=1.00&pris=2.50&quas=1&quas=2";

        ApiClient.Response beacon = stack.beacon("key=" + shop.publishableKey() + "&" + query);

        assertThat(beacon.status()).as(beacon.body()).isEqualTo(200);
        JsonNode applied = stack.awaitOrder(shop.code(), ordid);
        assertThat(applied.get("source").asText()).isEqualTo("BEACON");
        assertThat(applied.get("totalSpent").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(applied.get("lines")).hasSize(2);

        String orderId = newOrderId();
        ApiClient.Response publishableOnOrders = stack.postCibler(shop.code(),
                ciblerBody(shop.publishableKey(), orderId, "g-" + orderId));
        assertThat(publishableOnOrders.status()).as(publishableOnOrders.body()).isEqualTo(401);
        ApiClient.Response publishableOnCitrusAd = stack.postCitrusAd(shop.publishableKey(), Map.of("orders", List.of()));
        assertThat(publishableOnCitrusAd.status()).as(publishableOnCitrusAd.body()).isEqualTo(401);
        String otherOrdid = "web-" + newOrderId();
        ApiClient.Response apiKeyOnBeacon = stack.beacon("key=" + shop.apiKey() + "&"
                + query.replace(ordid, otherOrdid));
        assertThat(apiKeyOnBeacon.status()).as(apiKeyOnBeacon.body()).isEqualTo(401);
        ApiClient.Response unequalArrays = stack.beacon("key=" + shop.publishableKey() + "&"
                + query.replace(ordid, otherOrdid).replace("&quas=2", ""));
        assertThat(unequalArrays.status()).as(unequalArrays.body()).isEqualTo(400);

        stack.awaitOrderQueueDrained();
        assertThat(stack.order(shop.code(), orderId)).isEmpty();
        assertThat(stack.order(shop.code(), otherOrdid)).isEmpty();
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void cancellingGivesTheUseBackOnceAndARefundAfterItGivesNothingMore(DynamoDbFaults faults) {
        var shop = stack.createStore(newStoreCode());
        stack.createCodes(shop.code(), 5, "SHARED");
        DynamoDbFaults.Run run = stack.faults(faults);
        String cancelled = newOrderId();
        String kept = newOrderId();
        String guid = "guid-" + cancelled;
        // Two orders take a use each, so a second give-back would show as 0 instead of 1.
        assertThat(stack.postCibler(shop.code(), ciblerBody(shop.apiKey(), cancelled, guid, "SHARED")).status()).isEqualTo(202);
        assertThat(stack.postCibler(shop.code(), ciblerBody(shop.apiKey(), kept, "other-" + guid, "SHARED")).status()).isEqualTo(202);
        stack.awaitOrder(shop.code(), cancelled);
        stack.awaitOrder(shop.code(), kept);
        assertThat(stack.usedCount(shop.code(), "SHARED")).isEqualTo(2);

        ObjectNode cancel = ciblerBody(shop.apiKey(), cancelled, guid, "SHARED");
        ((ObjectNode) cancel.get("orderInformation")).put("status", "CANCELLED");
        assertThat(stack.postCibler(shop.code(), cancel).status()).isEqualTo(202);

        JsonNode afterCancel = stack.awaitOrderStatus(shop.code(), cancelled, "CANCELLED");
        assertThat(redemptions(afterCancel)).containsExactly(Map.entry("SHARED", "RELEASED"));
        assertThat(stack.usedCount(shop.code(), "SHARED")).isEqualTo(1);

        ObjectNode refund = ciblerBody(shop.apiKey(), cancelled, guid, "SHARED");
        ((ObjectNode) refund.get("orderInformation")).put("status", "REFUNDED");
        assertThat(stack.postCibler(shop.code(), refund).status()).isEqualTo(202);
        assertThat(stack.postCibler(shop.code(), cancel).status()).isEqualTo(202);
        stack.awaitOrderQueueDrained();
        run.close();
        OrderStack.report(faults, run, "OrderJourneyIT: payments, a cancellation, a refund and a cancellation again over HTTP");

        assertThat(stack.usedCount(shop.code(), "SHARED")).isEqualTo(1);
        JsonNode afterRefund = stack.order(shop.code(), cancelled).orElseThrow();
        assertThat(afterRefund.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(redemptions(afterRefund)).containsExactly(Map.entry("SHARED", "RELEASED"));
        assertThat(redemptions(stack.order(shop.code(), kept).orElseThrow())).containsExactly(Map.entry("SHARED", "APPLIED"));
    }

    @Test
    void aTwoCouponOrderTakesTheCodesItCanAndRecordsWhyNotForTheOthers() {
        var shop = stack.createStore(newStoreCode());
        stack.createCodes(shop.code(), 10, "COUPONA");
        stack.createCodes(shop.code(), 1, "COUPONB");
        String first = newOrderId();
        assertThat(stack.postCibler(shop.code(), ciblerBody(shop.apiKey(), first, "g-" + first, "COUPONB")).status()).isEqualTo(202);
        stack.awaitOrder(shop.code(), first);
        String orderId = newOrderId();

        ApiClient.Response accepted = stack.postCibler(shop.code(),
                ciblerBody(shop.apiKey(), orderId, "g-" + orderId, "couponA", "COUPONB", "NOSUCHCODE"));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode order = stack.awaitOrder(shop.code(), orderId);
        assertThat(redemptions(order)).containsOnly(Map.entry("COUPONA", "APPLIED"),
                Map.entry("COUPONB", "CONFLICT USAGE_EXHAUSTED"), Map.entry("NOSUCHCODE", "CONFLICT NOT_FOUND"));
        assertThat(stack.usedCount(shop.code(), "COUPONA")).isEqualTo(1);
        assertThat(stack.usedCount(shop.code(), "COUPONB")).isEqualTo(1);
    }

    @Test
    void everySpecExampleBodyIsAcceptedAndApplied() throws IOException {
        var shop = stack.createStore(newStoreCode());
        stack.createCodes(shop.code(), 100, "MANO66FZC4F4RTZ");
        List<Path> files;
        try (Stream<Path> listing = Files.list(BODIES)) {
            files = listing.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".response.json"))
                    .sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "cibler-bonus-code-activation-20chf.json", "cibler-deposit-150chf-bonus-30.json",
                "cibler-full-spec-example.json", "citrusad-marketplace-seller.json", "citrusad-multiple-items.json",
                "citrusad-multiple-orders.json", "citrusad-single-item.json");

        Set<String> orderIds = new LinkedHashSet<>();
        for (Path file : files) {
            JsonNode body = read(file);
            String name = file.getFileName().toString();
            if (name.startsWith("cibler-")) {
                ((ObjectNode) body.get("orderContext")).put("key", shop.apiKey());
                ApiClient.Response response = stack.postCibler(shop.code(), body);
                assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(202);
                String orderId = body.at("/orderInformation/orderId").asText();
                assertThat(response.json().get("orderId").asText()).isEqualTo(orderId);
                orderIds.add(orderId);
            } else {
                ApiClient.Response response = stack.postCitrusAd(shop.apiKey(), body);
                assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(200);
                List<String> sent = body.get("orders").findValuesAsText("id");
                assertThat(response.json().get("orders").findValuesAsText("id")).as(name).containsExactlyElementsOf(sent);
                orderIds.addAll(sent);
            }
        }

        for (String orderId : orderIds) {
            stack.awaitOrder(shop.code(), orderId);
        }
        // The deposit (150 CHF with a 30 CHF bonus) and the bonus activation (totalSpent 0) each take a use.
        assertThat(redemptions(stack.order(shop.code(), "234567865").orElseThrow()))
                .containsExactly(Map.entry("MANO66FZC4F4RTZ", "APPLIED"));
        assertThat(redemptions(stack.order(shop.code(), "234567866").orElseThrow()))
                .containsExactly(Map.entry("MANO66FZC4F4RTZ", "APPLIED"));
        assertThat(stack.usedCount(shop.code(), "MANO66FZC4F4RTZ")).isEqualTo(2);
        JsonNode marketplace = stack.order(shop.code(), "abcti84ew-c158-4d78-a0af-b48bbwfrcss4").orElseThrow();
        assertThat(marketplace.get("source").asText()).isEqualTo("CITRUSAD");
    }

    /** The spec's mandatory fields (the properties tables' "mandatory" column), with their paths. */
    private static final List<String> MANDATORY = List.of(
            "orderContext", "orderContext.key", "orderContext.email", "orderContext.country",
            "orderContext.environnement", "orderContext.siteId", "orderContext.customerGuid", "cookieId",
            "orderInformation", "orderInformation.orderId", "orderInformation.totalSpent", "orderInformation.taxes",
            "orderInformation.shippingCost");

    @Test
    void eachMandatoryFieldMissingIsA400NamingItAndNothingIsQueued() {
        var shop = stack.createStore(newStoreCode());
        stack.createCodes(shop.code(), 100, "MISSING1");
        String guid = "guid-missing-" + shop.code();
        stack.awaitOrderQueueDrained();
        long batchesBefore = stack.consumerBatches();

        List<String> refusedIds = new ArrayList<>();
        for (String path : MANDATORY) {
            String orderId = newOrderId();
            ObjectNode body = ciblerBody(shop.apiKey(), orderId, guid, "MISSING1");
            remove(body, path);
            if (!path.equals("orderInformation") && !path.equals("orderInformation.orderId")) {
                refusedIds.add(orderId);
            }

            ApiClient.Response response = stack.postCibler(shop.code(), body);

            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(errorFields(response)).as(path + ": " + response.body()).containsExactly(path);
        }
        // Blank counts as missing; null too.
        ObjectNode blank = ciblerBody(shop.apiKey(), newOrderId(), guid, "MISSING1");
        ((ObjectNode) blank.get("orderContext")).put("email", "");
        ((ObjectNode) blank.get("orderInformation")).putNull("totalSpent");
        refusedIds.add(blank.at("/orderInformation/orderId").asText());
        ApiClient.Response blanks = stack.postCibler(shop.code(), blank);
        assertThat(blanks.status()).as(blanks.body()).isEqualTo(400);
        assertThat(errorFields(blanks)).containsExactlyInAnyOrder("orderContext.email", "orderInformation.totalSpent");

        // A valid order of the same shopper (same message group) after them: once it is applied, anything
        // queued before it would have been applied too.
        String sentinel = newOrderId();
        assertThat(stack.postCibler(shop.code(), ciblerBody(shop.apiKey(), sentinel, guid, "MISSING1")).status()).isEqualTo(202);
        stack.awaitOrder(shop.code(), sentinel);
        stack.awaitOrderQueueDrained();

        assertThat(stack.consumerBatches() - batchesBefore).as("batches handed to the consumer").isEqualTo(1);
        for (String refused : refusedIds) {
            assertThat(stack.order(shop.code(), refused)).as("order " + refused).isEmpty();
        }
        assertThat(stack.usedCount(shop.code(), "MISSING1")).isEqualTo(1);
    }

    @Test
    void aWrongKeyIs401AndAnotherStoresKeyIs404AndNeitherQueuesAnything() {
        var shop = stack.createStore(newStoreCode());
        var other = stack.createStore(newStoreCode());
        stack.createCodes(shop.code(), 100, "KEYS1");
        String guid = "guid-keys-" + shop.code();
        stack.awaitOrderQueueDrained();
        long batchesBefore = stack.consumerBatches();

        String unknownKey = shop.apiKey().substring(0, shop.apiKey().length() - 4) + "zzzz";
        String wrong = newOrderId();
        assertThat(stack.postCibler(shop.code(), ciblerBody(unknownKey, wrong, guid, "KEYS1")).status()).isEqualTo(401);
        assertThat(stack.postCibler(shop.code(), ciblerBody("not-a-key", wrong, guid, "KEYS1")).status()).isEqualTo(401);
        ApiClient.Response otherStore = stack.postCibler(shop.code(), ciblerBody(other.apiKey(), wrong, guid, "KEYS1"));
        assertThat(otherStore.status()).as(otherStore.body()).isEqualTo(404);
        assertThat(otherStore.json().get("code").asText()).isEqualTo("NOT_FOUND");
        // A wrong key is refused before the body is judged: an invalid body with it is 401, not 400.
        ObjectNode invalid = ciblerBody(unknownKey, wrong, guid, "KEYS1");
        ((ObjectNode) invalid.get("orderInformation")).remove("taxes");
        assertThat(stack.postCibler(shop.code(), invalid).status()).isEqualTo(401);
        Map<String, Object> citrusAd = Map.of("orders", List.of(Map.of("customerId", guid, "sessionId", "s",
                "orderDate", "2026-11-25T10:00:00Z", "id", "c-" + wrong, "orderItems", List.of(Map.of("gtin", "1",
                        "quantity", 1, "regularUnitPrice", "1.00", "totalOrderItemPriceAfterDiscounts", "1.00")))));
        assertThat(stack.postCitrusAd(unknownKey, citrusAd).status()).isEqualTo(401);
        assertThat(stack.getCitrusAd(unknownKey, wrong).status()).isEqualTo(401);

        String sentinel = newOrderId();
        assertThat(stack.postCibler(shop.code(), ciblerBody(shop.apiKey(), sentinel, guid, "KEYS1")).status()).isEqualTo(202);
        stack.awaitOrder(shop.code(), sentinel);
        stack.awaitOrderQueueDrained();

        assertThat(stack.consumerBatches() - batchesBefore).as("batches handed to the consumer").isEqualTo(1);
        assertThat(stack.order(shop.code(), wrong)).isEmpty();
        assertThat(stack.order(other.code(), wrong)).isEmpty();
        assertThat(stack.order(shop.code(), "c-" + wrong)).isEmpty();
        assertThat(stack.usedCount(shop.code(), "KEYS1")).isEqualTo(1);
    }

    private static void remove(ObjectNode body, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            assertThat(body.remove(path)).as(path).isNotNull();
        } else {
            ObjectNode parent = (ObjectNode) body.get(path.substring(0, dot));
            assertThat(parent.remove(path.substring(dot + 1))).as(path).isNotNull();
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.serverlessloyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsSettings;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;

/**
 * The points transfers through the points function's Lambda constructor, against the in-process DynamoDB: Open
 * Loyalty's paths, bodies (forms and JSON) and answers (rules P1-P12, B1-B12), who may call what, and the
 * Idempotency-Key (section 4 item 21).
 */
class PointsTransfersHandlerIT {

    private static final String ADMIN = "points-admin-key";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static LocalTable table;
    private static PointsHandler handler;
    private static StoreDirectory stores;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        handler = table.lambdaHandler(PointsHandler::new, Map.of("ADMIN_API_KEY", ADMIN));
        stores = new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC());
        pool = Executors.newFixedThreadPool(10);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private record Shop(String code, String key) {
    }

    private static Shop shop() {
        String code = "pt-" + UUID.randomUUID().toString().substring(0, 8);
        var created = stores.create(new Store(new StoreCode(code), "Shop", Currency.getInstance("EUR"),
                ZoneId.of("Europe/Paris"), Locale.FRENCH, true, null, null, null));
        return new Shop(code, created.apiKey());
    }

    private static APIGatewayV2HTTPResponse call(ApiEvents event) {
        return handler.handleRequest(event.build(), null);
    }

    private static String member(Shop shop, String first, String email, String phone) {
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("firstName", first, "lastName", "K", "email", email));
        if (phone != null) {
            fields.put("phone", phone);
        }
        var response = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop.code())
                .bearer(ADMIN).body(Map.of("customer", fields)));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("customerId").asText();
    }

    private static ApiEvents write(Shop shop, String action, Object body) {
        return ApiEvents.route("POST /api/{storeCode}/points/transfer/" + action, shop.code()).bearer(ADMIN).body(body);
    }

    private static Map<String, Object> transfer(String customer, Object points) {
        return Map.of("transfer", Map.of("customer", customer, "points", points));
    }

    private static String done(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("pointsTransferId").asText();
    }

    private static String add(Shop shop, String customer, Object points) {
        return done(call(write(shop, "add", transfer(customer, points))));
    }

    private static JsonNode status(Shop shop, String customer) {
        var response = call(ApiEvents.route("GET /api/{storeCode}/admin/customer/{customer}/status", shop.code(),
                customer).bearer(ADMIN));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    private static BigDecimal points(Shop shop, String customer) {
        return status(shop, customer).get("points").decimalValue();
    }

    private static JsonNode list(Shop shop, String... query) {
        ApiEvents event = ApiEvents.route("GET /api/{storeCode}/points/transfer", shop.code()).bearer(ADMIN);
        for (int i = 0; i < query.length; i += 2) {
            event.query(query[i], query[i + 1]);
        }
        var response = call(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    private static List<String> errorFields(APIGatewayV2HTTPResponse response) {
        return json(response).path("errors").findValuesAsText("field");
    }

    private static String token(Shop shop, String customer) {
        var response = call(ApiEvents.route("POST /api/{storeCode}/customer/token", shop.code()).bearer(shop.key())
                .body(Map.of("customerId", customer)));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("token").asText();
    }

    @Test
    void addSpendBlockAndCancelMoveTheBalanceAsOpenLoyaltySays() {
        Shop shop = shop();
        String jane = member(shop, "Jane", "jane@example.com", null);
        // Open Loyalty's own example, form-encoded (B3).
        String added = done(call(ApiEvents.route("POST /api/{storeCode}/points/transfer/add", shop.code())
                .bearer(ADMIN).formBody("transfer[customer]=" + jane + "&transfer[points]=100")));
        String spent = done(call(write(shop, "spend", Map.of("transfer", Map.of("customer", jane, "points", "30.5",
                "comment", "Bought a mug")))));
        JsonNode status = status(shop, jane);
        assertThat(status.get("customerId").asText()).isEqualTo(jane);
        assertThat(status.get("firstName").asText()).isEqualTo("Jane");
        assertThat(status.get("points").decimalValue()).isEqualByComparingTo("69.5");
        assertThat(status.get("usedPoints").decimalValue()).isEqualByComparingTo("30.5");
        assertThat(status.get("totalEarnedPoints").decimalValue()).isEqualByComparingTo("100");
        assertThat(status.get("currency").asText()).isEqualTo("EUR");
        // Rule P5 (defaults: 90 days): all of it expires, at 23:59:59 in the store's zone.
        assertThat(status.get("pointsExpiringBreakdown").size()).isEqualTo(1);

        String block = done(call(write(shop, "block", transfer(jane, 20))));
        assertThat(points(shop, jane)).isEqualByComparingTo("49.5");
        assertThat(status(shop, jane).get("blockedPoints").decimalValue()).isEqualByComparingTo("20");
        assertThat(call(ApiEvents.route("POST /api/{storeCode}/points/transfer/{transfer}/cancel", shop.code(), block)
                .bearer(ADMIN)).getStatusCode()).isEqualTo(200);
        assertThat(points(shop, jane)).isEqualByComparingTo("69.5");

        // Rule P9: a spend cannot be cancelled, in Open Loyalty's words.
        var cancelSpend = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/{transfer}/cancel", shop.code(),
                spent).bearer(ADMIN));
        assertThat(cancelSpend.getStatusCode()).isEqualTo(400);
        assertThat(json(cancelSpend).get("error").asText()).isEqualTo("this transfer cannot be canceled");
        // The partly spent add: what is left stops counting, what was spent is recorded (item 8); twice is 200.
        for (int i = 0; i < 2; i++) {
            var cancel = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/{transfer}/cancel", shop.code(),
                    added).bearer(ADMIN));
            assertThat(cancel.getStatusCode()).as(cancel.getBody()).isEqualTo(200);
            assertThat(cancel.getBody()).isNull();
        }
        assertThat(points(shop, jane)).isEqualByComparingTo("0");
        JsonNode cancelled = list(shop, "customerId", jane, "type", "adding").get("transfers").get(0);
        assertThat(cancelled.get("state").asText()).isEqualTo("canceled");
        assertThat(cancelled.get("consumedPointsAtCancel").decimalValue()).isEqualByComparingTo("30.5");
        // Item 22: every transfer says why.
        JsonNode all = list(shop, "customerId", jane);
        assertThat(all.get("total").asInt()).isEqualTo(3);
        all.get("transfers").forEach(t -> assertThat(t.get("comment").asText()).isNotBlank());
        assertThat(all.get("transfers").findValuesAsText("comment")).contains("Added by admin", "Bought a mug");
        var missing = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/{transfer}/cancel", shop.code(),
                UUID.randomUUID().toString()).bearer(ADMIN));
        assertThat(missing.getStatusCode()).isEqualTo(404);
    }

    @Test
    void aSpendTheBalanceDoesNotCoverIsOpenLoyaltysNotEnoughPointsAndWritesNothing() {
        Shop shop = shop();
        String jane = member(shop, "Jane", "jane@example.com", null);
        add(shop, jane, 10);
        var refused = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/spend", shop.code()).bearer(shop.key())
                .formBody("transfer[customer]=" + jane + "&transfer[points]=10.01"));
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(json(refused).get("error").asText()).isEqualTo("not enough points");
        assertThat(errorFields(refused)).containsExactly("transfer[points]");
        assertThat(points(shop, jane)).isEqualByComparingTo("10");
        assertThat(list(shop, "customerId", jane).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void badInputIsA400NamingEveryFieldAndWritesNothing() {
        Shop shop = shop();
        String jane = member(shop, "Jane", "jane@example.com", null);
        var bad = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/add", shop.code()).bearer(ADMIN)
                .formBody("transfer[customer]=nope&transfer[points]=0.5&transfer[colour]=red"
                        + "&transfer[validityDuration]=0"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("transfer[customer]", "transfer[points]",
                "transfer[colour]", "transfer[validityDuration]");
        var noPoints = call(write(shop, "spend", Map.of("customer", jane, "points", "1.005")));
        assertThat(errorFields(noPoints)).containsExactly("points");
        var unknown = call(write(shop, "add", transfer(UUID.randomUUID().toString(), 5)));
        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText()).isEqualTo("such customer does not exist");
        assertThat(errorFields(unknown)).containsExactly("transfer[customer]");
        var xml = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/add", shop.code()).bearer(ADMIN)
                .header("content-type", "application/xml").body("<transfer/>"));
        assertThat(xml.getStatusCode()).isEqualTo(415);
        assertThat(list(shop).get("total").asInt()).isZero();
    }

    @Test
    void anAdminP2pTransferMovesPointsOneReceivingTransferPerSourceAndSaysWhy() {
        Shop shop = shop();
        String jane = member(shop, "Jane", "jane@example.com", null);
        String jim = member(shop, "Jim", "jim@example.com", "+33612345678");
        add(shop, jane, 20);
        add(shop, jane, 200);
        // Rule P10: the sender by e-mail, the receiver by phone; OL's example: 20 then 200, send 100 → 20 + 80.
        var sent = call(ApiEvents.route("POST /api/{storeCode}/admin/p2p-points-transfer", shop.code()).bearer(ADMIN)
                .formBody("transfer[sender]=JANE%40example.com&transfer[receiver]=%2B33612345678&transfer[points]=100"));
        String p2p = done(sent);
        assertThat(points(shop, jane)).isEqualByComparingTo("120");
        JsonNode jimStatus = status(shop, jim);
        assertThat(jimStatus.get("points").decimalValue()).isEqualByComparingTo("100");
        assertThat(jimStatus.get("p2pPoints").decimalValue()).isEqualByComparingTo("100");
        assertThat(jimStatus.get("totalEarnedPoints").decimalValue()).isEqualByComparingTo("0");
        JsonNode received = list(shop, "customerId", jim, "type", "p2p_adding", "sort", "value");
        assertThat(received.get("transfers").findValuesAsText("value")).containsExactly("20", "80");
        assertThat(received.get("transfers").get(0).get("comment").asText()).isEqualTo("p2p from jane@example.com");
        JsonNode spending = list(shop, "customerId", jane, "type", "p2p_spending").get("transfers").get(0);
        assertThat(spending.get("pointsTransferId").asText()).isEqualTo(p2p);

        var self = call(ApiEvents.route("POST /api/{storeCode}/admin/p2p-points-transfer", shop.code()).bearer(ADMIN)
                .body(Map.of("transfer", Map.of("sender", jane, "receiver", "jane@example.com", "points", 1))));
        assertThat(json(self).get("error").asText()).isEqualTo("transferring points to yourself is forbidden");
        assertThat(errorFields(self)).containsExactly("transfer[receiver]");
        var nobody = call(ApiEvents.route("POST /api/{storeCode}/admin/p2p-points-transfer", shop.code()).bearer(ADMIN)
                .body(Map.of("transfer", Map.of("sender", jane, "receiver", "nobody@example.com", "points", 1))));
        assertThat(json(nobody).get("error").asText()).isEqualTo("such customer does not exist");
        var tooMuch = call(ApiEvents.route("POST /api/{storeCode}/admin/p2p-points-transfer", shop.code()).bearer(ADMIN)
                .body(Map.of("transfer", Map.of("sender", jane, "receiver", jim, "points", 120.01))));
        assertThat(json(tooMuch).get("error").asText()).isEqualTo("not enough points");
        // Section 4 item 10: 0 is a 400, not Open Loyalty's 500.
        var zero = call(ApiEvents.route("POST /api/{storeCode}/admin/p2p-points-transfer", shop.code()).bearer(ADMIN)
                .body(Map.of("transfer", Map.of("sender", jane, "receiver", jim, "points", 0))));
        assertThat(errorFields(zero)).containsExactly("transfer[points]");
        assertThat(points(shop, jane)).isEqualByComparingTo("120");
    }

    @Test
    void aCustomerTokenSendsListsAndReadsOnlyItsOwnMembersPoints() {
        Shop shop = shop();
        String jane = member(shop, "Jane", "jane@example.com", null);
        String jim = member(shop, "Jim", "jim@example.com", null);
        add(shop, jane, 50);
        add(shop, jim, 7);
        String token = token(shop, jane);

        String sent = done(call(ApiEvents.route("POST /api/{storeCode}/customer/points/p2p-transfer", shop.code())
                .bearer(token).formBody("transfer[receiver]=jim%40example.com&transfer[points]=15")));
        assertThat(points(shop, jim)).isEqualByComparingTo("22");
        var own = call(ApiEvents.route("GET /api/{storeCode}/customer/points/transfer", shop.code()).bearer(token)
                .query("customerId", jim));
        assertThat(own.getStatusCode()).isEqualTo(200);
        // B2: newest first, its own transfers only, whatever else the query names.
        assertThat(json(own).get("total").asInt()).isEqualTo(2);
        assertThat(json(own).get("transfers").get(0).get("pointsTransferId").asText()).isEqualTo(sent);
        json(own).get("transfers").forEach(t -> assertThat(t.get("customerId").asText()).isEqualTo(jane));
        var ownStatus = call(ApiEvents.route("GET /api/{storeCode}/customer/customer/{customer}/status", shop.code(),
                jane).bearer(token));
        assertThat(json(ownStatus).get("points").decimalValue()).isEqualByComparingTo("35");
        var otherStatus = call(ApiEvents.route("GET /api/{storeCode}/customer/customer/{customer}/status",
                shop.code(), jim).bearer(token));
        assertThat(otherStatus.getStatusCode()).isEqualTo(404);
        assertThat(call(ApiEvents.route("GET /api/{storeCode}/points/transfer", shop.code()).bearer(token))
                .getStatusCode()).isEqualTo(401);
        assertThat(call(ApiEvents.route("POST /api/{storeCode}/points/transfer/spend", shop.code()).bearer(token)
                .body(transfer(jane, 1))).getStatusCode()).isEqualTo(401);
        // No key has a logged-in member to send for.
        assertThat(call(ApiEvents.route("POST /api/{storeCode}/customer/points/p2p-transfer", shop.code())
                .bearer(shop.key()).body(Map.of("receiver", jim, "points", 1))).getStatusCode()).isEqualTo(401);
        var self = call(ApiEvents.route("POST /api/{storeCode}/customer/points/p2p-transfer", shop.code())
                .bearer(token).body(Map.of("receiver", jane, "points", 1)));
        assertThat(json(self).get("error").asText()).isEqualTo("transferring points to yourself is forbidden");
        var seller = call(ApiEvents.route("GET /api/{storeCode}/seller/customer/{customer}/status", shop.code(), jim)
                .bearer(shop.key()));
        assertThat(json(seller).get("points").decimalValue()).isEqualByComparingTo("22");
    }

    @Test
    void tenConcurrentSpendsWithOneIdempotencyKeySpendOnceAndAllAnswerTheFirstAnswer() throws Exception {
        Shop shop = shop();
        String jane = member(shop, "Jane", "jane@example.com", null);
        add(shop, jane, 100);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return call(write(shop, "spend", transfer(jane, 30)).header("Idempotency-Key", "spend-once"));
            }));
        }
        go.countDown();
        Set<String> bodies = new HashSet<>();
        for (Future<APIGatewayV2HTTPResponse> answer : answers) {
            var response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            bodies.add(json(response).get("pointsTransferId").asText());
        }
        assertThat(bodies).hasSize(1);
        assertThat(points(shop, jane)).isEqualByComparingTo("70");
        assertThat(list(shop, "customerId", jane, "type", "spending").get("total").asInt()).isEqualTo(1);

        var again = call(write(shop, "spend", transfer(jane, 30)).header("Idempotency-Key", "spend-once"));
        assertThat(json(again).get("pointsTransferId").asText()).isEqualTo(bodies.iterator().next());
        var otherBody = call(write(shop, "spend", transfer(jane, 31)).header("Idempotency-Key", "spend-once"));
        assertThat(otherBody.getStatusCode()).isEqualTo(422);
        assertThat(json(otherBody).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // A refusal is the first answer too: the same key still says "not enough points" once points arrived.
        var refused = call(write(shop, "spend", transfer(jane, 100)).header("Idempotency-Key", "spend-big"));
        assertThat(json(refused).get("error").asText()).isEqualTo("not enough points");
        add(shop, jane, 100);
        var replayed = call(write(shop, "spend", transfer(jane, 100)).header("Idempotency-Key", "spend-big"));
        assertThat(replayed.getStatusCode()).isEqualTo(400);
        assertThat(points(shop, jane)).isEqualByComparingTo("170");
        // Another route's key is another request.
        done(call(write(shop, "add", transfer(jane, 30)).header("Idempotency-Key", "spend-once")));
    }

    @Test
    void keyedCancelsP2pAndBlocksHappenOnce() {
        Shop shop = shop();
        String jane = member(shop, "Jane", "jane@example.com", null);
        String jim = member(shop, "Jim", "jim@example.com", null);
        String lot = add(shop, jane, 100);
        for (int i = 0; i < 2; i++) {
            done(call(ApiEvents.route("POST /api/{storeCode}/admin/p2p-points-transfer", shop.code()).bearer(ADMIN)
                    .header("Idempotency-Key", "p2p-1").body(Map.of("sender", jane, "receiver", jim, "points", 10))));
            done(call(write(shop, "block", transfer(jane, 5)).header("Idempotency-Key", "block-1")));
        }
        assertThat(points(shop, jim)).isEqualByComparingTo("10");
        assertThat(points(shop, jane)).isEqualByComparingTo("85");
        for (int i = 0; i < 2; i++) {
            assertThat(call(ApiEvents.route("POST /api/{storeCode}/points/transfer/{transfer}/cancel", shop.code(), lot)
                    .bearer(ADMIN).header("Idempotency-Key", "cancel-1")).getStatusCode()).isEqualTo(200);
        }
        assertThat(points(shop, jane)).isEqualByComparingTo("0");
    }

    @Test
    void transferListsFilterAndPageAsOpenLoyaltyDocumentsAndRefuseAFilterTheyCannotRead() {
        Shop shop = shop();
        String jane = member(shop, "Jane", "jane@example.com", "+33600000001");
        String jim = member(shop, "Jim", "jim@example.com", null);
        for (int points = 1; points <= 5; points++) {
            add(shop, jane, points);
        }
        add(shop, jim, 50);
        done(call(write(shop, "spend", transfer(jane, 2))));

        assertThat(list(shop).get("total").asInt()).isEqualTo(7);
        assertThat(list(shop, "customerEmail", "JANE@example.com").get("total").asInt()).isEqualTo(6);
        assertThat(list(shop, "customerPhone", "+33600000001", "type", "spending").get("total").asInt()).isEqualTo(1);
        assertThat(list(shop, "customerFirstName", "Jim").get("total").asInt()).isEqualTo(1);
        JsonNode page = list(shop, "customerId", jane, "type", "adding", "sort", "value", "direction", "desc",
                "perPage", "2", "page", "2");
        assertThat(page.get("total").asInt()).isEqualTo(5);
        assertThat(page.get("transfers").findValuesAsText("value")).containsExactly("3", "2");
        assertThat(list(shop, "state[]", "active,canceled", "type", "adding").get("total").asInt()).isEqualTo(6);
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
        // Rule P5: 90 days ahead by default; a spend shows expiresAt = createdAt, as in Open Loyalty.
        assertThat(list(shop, "willExpireTill", tomorrow, "type", "adding").get("total").asInt()).isZero();
        assertThat(list(shop, "willExpireTill", tomorrow).get("total").asInt()).isEqualTo(1);

        var bad = call(ApiEvents.route("GET /api/{storeCode}/points/transfer", shop.code()).bearer(ADMIN)
                .query("state[]", "gone").query("type", "gift").query("perPage", "0").query("customerId", "x")
                .query("willExpireTill", "soon").query("sort", "colour"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("state[]", "type", "perPage", "customerId",
                "willExpireTill", "sort");
    }

    @Test
    void theHistogramCountsTodaysEarnedAndSpentPointsInEveryDayOfItsWindow() {
        Shop shop = shop();
        String jane = member(shop, "Jane", "jane@example.com", null);
        add(shop, jane, 15);
        add(shop, jane, 5.5);
        done(call(write(shop, "spend", transfer(jane, 3))));
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        var earned = json(call(ApiEvents.route("GET /api/{storeCode}/points/transfers", shop.code()).bearer(ADMIN)));
        assertThat(earned.size()).isEqualTo(30);
        assertThat(earned.get(today).decimalValue()).isEqualByComparingTo("20.5");
        var spent = json(call(ApiEvents.route("GET /api/{storeCode}/points/transfers", shop.code()).bearer(ADMIN)
                .query("pointType", "spent").query("lastDays", "1").query("futureDays", "0")));
        assertThat(spent.get(today).decimalValue()).isEqualByComparingTo("3");
        var bad = call(ApiEvents.route("GET /api/{storeCode}/points/transfers", shop.code()).bearer(ADMIN)
                .query("interval", "week").query("pointType", "gold").query("lastDays", "-1"));
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("interval", "pointType", "lastDays");
    }

    @Test
    void importsCsvAndJsonRowByRowAndRefusesABadFileWhole() {
        Shop shop = shop();
        String jane = member(shop, "Jane", "jane@example.com", null);
        String csv = "customer,type,points,comment\r\n" + jane + ",adding,15,\"Welcome, Jane\"\r\n"
                + jane + ",spending,100,\r\n" + jane + ",spending,5,\n";
        var imported = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/import", shop.code()).bearer(ADMIN)
                .header("content-type", "text/csv").header("Idempotency-Key", "import-1").body(csv));
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(200);
        JsonNode answer = json(imported);
        assertThat(answer.get("totalProcessed").asInt()).isEqualTo(3);
        assertThat(answer.get("totalSuccess").asInt()).isEqualTo(2);
        assertThat(answer.get("totalFailed").asInt()).isEqualTo(1);
        assertThat(answer.get("items").get(0).get("identifier").asText()).isEqualTo(jane + "/(adding 15)");
        assertThat(answer.get("items").get(1).get("message").asText()).isEqualTo("not enough points");
        assertThat(points(shop, jane)).isEqualByComparingTo("10");
        var again = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/import", shop.code()).bearer(ADMIN)
                .header("content-type", "text/csv").header("Idempotency-Key", "import-1").body(csv));
        assertThat(json(again)).isEqualTo(answer);
        assertThat(points(shop, jane)).isEqualByComparingTo("10");
        JsonNode comments = list(shop, "customerId", jane, "type", "adding");
        assertThat(comments.get("transfers").get(0).get("comment").asText()).isEqualTo("Welcome, Jane");

        var asJson = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/import", shop.code()).bearer(shop.key())
                .body(Map.of("transfers", List.of(Map.of("customer", jane, "type", "spending", "points", 4)))));
        assertThat(json(asJson).get("totalSuccess").asInt()).isEqualTo(1);
        assertThat(points(shop, jane)).isEqualByComparingTo("6");

        var bad = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/import", shop.code()).bearer(ADMIN)
                .body(Map.of("transfers", List.of(Map.of("customer", jane, "type", "adding", "points", 5),
                        Map.of("customer", "x", "type", "gift", "points", 0)))));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("transfers[1].customer", "transfers[1].type",
                "transfers[1].points");
        assertThat(points(shop, jane)).isEqualByComparingTo("6");
        var xml = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/import", shop.code()).bearer(ADMIN)
                .header("content-type", "application/xml").body("<points/>"));
        assertThat(xml.getStatusCode()).isEqualTo(415);
    }

    @Test
    void activateAndExpireChangeALotsStateNow() {
        Shop shop = shop();
        new DynamoDbPointsSettings(table.client(), table.name()).save(new StoreCode(shop.code()),
                new PointsSettings(ExpiryMode.AFTER_X_DAYS, 30, 5, Set.of("active"), Set.of("active"), false),
                Instant.now());
        String jane = member(shop, "Jane", "jane@example.com", null);
        String locked = add(shop, jane, 40);
        assertThat(status(shop, jane).get("lockedPoints").decimalValue()).isEqualByComparingTo("40");
        assertThat(points(shop, jane)).isEqualByComparingTo("0");
        var activated = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/{transfer}/activate", shop.code(),
                locked).bearer(ADMIN));
        assertThat(activated.getStatusCode()).as(activated.getBody()).isEqualTo(204);
        assertThat(points(shop, jane)).isEqualByComparingTo("40");
        var again = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/{transfer}/activate", shop.code(),
                locked).bearer(ADMIN));
        assertThat(again.getStatusCode()).isEqualTo(400);
        assertThat(json(again).get("error").asText()).isEqualTo("this transfer cannot be activated");
        var expired = call(ApiEvents.route("POST /api/{storeCode}/points/transfer/{transfer}/expire", shop.code(),
                locked).bearer(ADMIN));
        assertThat(expired.getStatusCode()).as(expired.getBody()).isEqualTo(204);
        JsonNode status = status(shop, jane);
        assertThat(status.get("points").decimalValue()).isEqualByComparingTo("0");
        assertThat(status.get("expiredPoints").decimalValue()).isEqualByComparingTo("40");
        assertThat(call(ApiEvents.route("POST /api/{storeCode}/points/transfer/{transfer}/expire", shop.code(),
                "not-a-transfer").bearer(ADMIN)).getStatusCode()).isEqualTo(404);
    }
}

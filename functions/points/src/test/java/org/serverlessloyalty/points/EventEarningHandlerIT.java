package org.serverlessloyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.dynamodb.DynamoDbEarningRuleRepository;
import org.serverlessloyalty.shared.earning.model.LimitPeriod;
import org.serverlessloyalty.shared.earning.model.ReferralEvent;
import org.serverlessloyalty.shared.earning.model.RewardType;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.model.UsageLimit;
import org.serverlessloyalty.shared.earning.rules.EarningRulePlans;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;

/** Issue 10, h10-events: event earning and invitations through the points function's Lambda constructor. */
class EventEarningHandlerIT {

    private static final String ADMIN = "events-admin-key";
    private static final AtomicInteger RULES = new AtomicInteger();
    private static LocalTable table;
    private static PointsHandler handler;
    private static StoreDirectory stores;
    private static DynamoDbEarningRuleRepository rules;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        handler = table.lambdaHandler(PointsHandler::new, Map.of("ADMIN_API_KEY", ADMIN));
        stores = new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC());
        rules = new DynamoDbEarningRuleRepository(table.client(), table.name(), Clock.systemUTC());
    }

    private record Shop(String code, String key) {
    }

    /** A new store; its rules are written before its first call, so the instance's rule cache sees them. */
    private static Shop shop(RuleTerms... terms) {
        String code = "ev-" + UUID.randomUUID().toString().substring(0, 8);
        var created = stores.create(new Store(new StoreCode(code), "Shop", Currency.getInstance("EUR"),
                ZoneId.of("Europe/Paris"), Locale.FRENCH, true, null, null, null));
        for (RuleTerms t : terms) {
            Instant now = Instant.now();
            var rule = new RuleDefinition("Rule " + t.type(), "about it", true, true, null, null, null, Set.of(),
                    Set.of(), Set.of(), false, t).toRule(UUID.randomUUID().toString(), now.plusMillis(
                    RULES.incrementAndGet()), now, 1);
            rules.execute(new StoreCode(code), EarningRulePlans.create(rule));
        }
        return new Shop(code, created.apiKey());
    }

    private static APIGatewayV2HTTPResponse call(ApiEvents event) {
        return handler.handleRequest(event.build(), null);
    }

    private static String register(Shop shop, Map<String, Object> customer) {
        var response = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop.code())
                .bearer(ADMIN).body(Map.of("customer", customer)));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("customerId").asText();
    }

    private static Map<String, Object> customer(String email) {
        return Map.of("firstName", "Jane", "lastName", "Doe", "email", email, "agreement1", true);
    }

    private static BigDecimal points(Shop shop, String memberId) {
        var response = call(ApiEvents.route("GET /api/{storeCode}/admin/customer/{customer}/status", shop.code(),
                memberId).bearer(ADMIN));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("points").decimalValue();
    }

    private static String token(Shop shop, String memberId) {
        var response = call(ApiEvents.route("POST /api/{storeCode}/customer/token", shop.code()).bearer(shop.key())
                .body(Map.of("customer", Map.of("customerId", memberId))));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("token").asText();
    }

    private static ApiEvents customEvent(Shop shop, String event, String memberId) {
        return ApiEvents.route("POST /api/{storeCode}/v1/earnRule/{eventName}/customer/{customer}", shop.code(), event,
                memberId).bearer(ADMIN);
    }

    @Test
    void concurrentCustomEventsAtTheLimitSucceedExactlyLimitTimesAndTheRestSayLimitExceeded() throws Exception {
        Shop shop = shop(new RuleTerms.CustomEvent("facebook_like", new BigDecimal("5"),
                new UsageLimit(true, LimitPeriod.DAY, 3)));
        String jane = register(shop, customer("jane@example.com"));

        List<APIGatewayV2HTTPResponse> answers = runAll(10, i -> call(customEvent(shop, "facebook_like", jane)));

        assertThat(answers).filteredOn(r -> r.getStatusCode() == 200).hasSize(3)
                .allSatisfy(r -> assertThat(json(r).get("points").decimalValue()).isEqualByComparingTo("5"));
        assertThat(answers).filteredOn(r -> r.getStatusCode() != 200).hasSize(7)
                .allSatisfy(r -> {
                    assertThat(r.getStatusCode()).isEqualTo(400);
                    assertThat(json(r).get("error").asText()).isEqualTo("limit exceeded");
                });
        assertThat(points(shop, jane)).isEqualByComparingTo("15");
    }

    @Test
    void unknownCustomEventIsEventDoesNotExistAndUnknownMemberIs404() {
        Shop shop = shop(new RuleTerms.CustomEvent("facebook_like", BigDecimal.ONE, UsageLimit.NONE));
        String jane = register(shop, customer("jane@example.com"));

        var unknown = call(customEvent(shop, "tweet", jane));
        var nobody = call(customEvent(shop, "facebook_like", UUID.randomUUID().toString()));

        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText()).isEqualTo("event does not exist");
        assertThat(nobody.getStatusCode()).isEqualTo(404);
    }

    @Test
    void aCustomEventRetriedWithTheSameIdempotencyKeyCountsOnceAndAnswersTheSame() {
        Shop shop = shop(new RuleTerms.CustomEvent("share", new BigDecimal("4"),
                new UsageLimit(true, LimitPeriod.FOREVER, 2)));
        String jane = register(shop, customer("jane@example.com"));

        var first = call(customEvent(shop, "share", jane).header("Idempotency-Key", "share-1"));
        var again = call(customEvent(shop, "share", jane).header("Idempotency-Key", "share-1"));
        var second = call(customEvent(shop, "share", jane).header("Idempotency-Key", "share-2"));
        var third = call(customEvent(shop, "share", jane).header("Idempotency-Key", "share-3"));

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(json(third).get("error").asText()).isEqualTo("limit exceeded");
        assertThat(points(shop, jane)).isEqualByComparingTo("8");
    }

    @Test
    void memberUsesACustomEventWithTheirOwnToken() {
        Shop shop = shop(new RuleTerms.CustomEvent("app_open", new BigDecimal("2"), UsageLimit.NONE));
        String jane = register(shop, customer("jane@example.com"));

        var response = call(ApiEvents.route("POST /api/{storeCode}/customer/earningRule/{eventName}", shop.code(),
                "app_open").bearer(token(shop, jane)));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(points(shop, jane)).isEqualByComparingTo("2");
    }

    @Test
    void e13WorkedExampleOverHttpAndA400NamingEachBadField() {
        Shop shop = shop(new RuleTerms.Geolocation(new BigDecimal("50.00"), new BigDecimal("15.00"),
                new BigDecimal("4"), new BigDecimal("2"), UsageLimit.NONE));
        String jane = register(shop, customer("jane@example.com"));
        String route = "POST /api/{storeCode}/earningRule/geolocation/customer/{customer}";

        var near = call(ApiEvents.route(route, shop.code(), jane).bearer(ADMIN)
                .formBody("earningRule[latitude]=50.013992&earningRule[longitude]=15.046411"));
        var far = call(ApiEvents.route(route, shop.code(), jane).bearer(ADMIN)
                .body(Map.of("earningRule", Map.of("latitude", 4.01, "longitude", 5.05))));
        var bad = call(ApiEvents.route(route, shop.code(), jane).bearer(ADMIN)
                .formBody("earningRule[latitude]=91&earningRule[altitude]=3"));

        assertThat(near.getStatusCode()).as(near.getBody()).isEqualTo(200);
        assertThat(json(near).get("points").decimalValue()).isEqualByComparingTo("2");
        assertThat(far.getStatusCode()).isEqualTo(400);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(json(bad).path("errors").findValuesAsText("field")).contains("earningRule[latitude]",
                "earningRule[longitude]", "earningRule[altitude]");
        assertThat(points(shop, jane)).isEqualByComparingTo("2");
    }

    @Test
    void e14QrCodeEarnsItsRulesPointsAndAnUnknownCodeIsEventDoesNotExist() {
        Shop shop = shop(new RuleTerms.QrCode("qrcodeabcd", new BigDecimal("10"), UsageLimit.NONE));
        String jane = register(shop, customer("jane@example.com"));
        String route = "POST /api/{storeCode}/earningRule/qrcode/customer/{customer}";

        var scanned = call(ApiEvents.route(route, shop.code(), jane).bearer(ADMIN)
                .formBody("earningRule[code]=qrcodeabcd"));
        var unknown = call(ApiEvents.route(route, shop.code(), jane).bearer(ADMIN)
                .formBody("earningRule[code]=nope"));
        var missing = call(ApiEvents.route(route, shop.code(), jane).bearer(ADMIN).formBody("earningRule[x]=1"));

        assertThat(json(scanned).get("points").decimalValue()).isEqualByComparingTo("10");
        assertThat(json(unknown).get("error").asText()).isEqualTo("event does not exist");
        assertThat(json(missing).path("errors").findValuesAsText("field")).contains("earningRule[code]",
                "earningRule[x]");
    }

    @Test
    void registrationLoginAndNewsletterEarnTheirBuiltInEventsOnce() {
        Shop shop = shop(new RuleTerms.Event("oloy.account.created", new BigDecimal("50")),
                new RuleTerms.Event("oloy.customer.logged_in", new BigDecimal("1")),
                new RuleTerms.Event("oloy.customer.newsletter_subscription", new BigDecimal("7")));
        String jane = register(shop, customer("jane@example.com"));
        token(shop, jane);
        token(shop, jane); // the same day: one login's points
        for (int i = 0; i < 2; i++) {
            var update = call(ApiEvents.route("PUT /api/{storeCode}/customer/{customer}", shop.code(), jane)
                    .bearer(ADMIN).body(Map.of("customer", Map.of("agreement2", true))));
            assertThat(update.getStatusCode()).as(update.getBody()).isEqualTo(200);
        }

        var other = call(ApiEvents.route("PUT /api/{storeCode}/customer/{customer}", shop.code(), jane).bearer(ADMIN)
                .body(Map.of("customer", Map.of("firstName", "Janet"))));
        assertThat(other.getStatusCode()).isEqualTo(200);

        assertThat(points(shop, jane)).isEqualByComparingTo("58");
    }

    @Test
    void theNewsletterEarnsWhenAnUpdateSetsTheAgreementNotOnOtherUpdates() {
        Shop shop = shop(new RuleTerms.Event("oloy.customer.newsletter_subscription", new BigDecimal("7")));
        String jane = register(shop, Map.of("firstName", "Jane", "lastName", "Doe", "email", "jane@example.com",
                "agreement1", true));
        call(ApiEvents.route("PUT /api/{storeCode}/customer/{customer}", shop.code(), jane).bearer(ADMIN)
                .body(Map.of("customer", Map.of("firstName", "Janet"))));
        assertThat(points(shop, jane)).isZero();
        call(ApiEvents.route("PUT /api/{storeCode}/customer/{customer}", shop.code(), jane).bearer(ADMIN)
                .body(Map.of("customer", Map.of("agreement2", "1"))));
        assertThat(points(shop, jane)).isEqualByComparingTo("7");
    }

    @Test
    void anEventNameThatCannotBeOneIsA400NamingIt() {
        Shop shop = shop();
        String jane = register(shop, customer("jane@example.com"));

        var response = call(customEvent(shop, "e".repeat(300), jane));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").findValuesAsText("field")).containsExactly("eventName");
    }

    @Test
    void anInvitedMemberRegistersWithTheTokenAndBothEarnTheReferralRule() {
        Shop shop = shop(new RuleTerms.Referral(ReferralEvent.REGISTER, RewardType.BOTH, new BigDecimal("10")));
        String alice = register(shop, customer("alice@example.com"));

        var invited = call(ApiEvents.route("POST /api/{storeCode}/customer/invitations/invite", shop.code())
                .bearer(token(shop, alice)).formBody("invitation[type]=email&invitation[recipientEmail]=bob@example.com"));
        assertThat(invited.getStatusCode()).as(invited.getBody()).isEqualTo(200);
        String invitationToken = json(invited).get("token").asText();
        String bob = register(shop, Map.of("firstName", "Bob", "lastName", "Doe", "email", "bob@example.com",
                "agreement1", true, "invitationToken", invitationToken));
        var badToken = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop.code()).bearer(ADMIN)
                .body(Map.of("customer", Map.of("firstName", "Eve", "lastName", "Doe", "email", "eve@example.com",
                        "agreement1", true, "invitationToken", "not-a-token"))));
        var list = call(ApiEvents.route("GET /api/{storeCode}/invitations", shop.code()).bearer(ADMIN)
                .query("status", "Registered"));

        assertThat(points(shop, alice)).isEqualByComparingTo("10");
        assertThat(points(shop, bob)).isEqualByComparingTo("10");
        assertThat(badToken.getStatusCode()).isEqualTo(400);
        assertThat(json(badToken).path("errors").findValuesAsText("field")).containsExactly("customer[invitationToken]");
        assertThat(json(list).get("total").asInt()).isEqualTo(1);
        assertThat(json(list).get("invitations").get(0).get("recipientId").asText()).isEqualTo(bob);
        assertThat(json(list).get("invitations").get(0).get("referrerId").asText()).isEqualTo(alice);
    }

    @Test
    void anInvitationNeedsARecipientNamingTheField() {
        Shop shop = shop();
        String alice = register(shop, customer("alice@example.com"));

        var response = call(ApiEvents.route("POST /api/{storeCode}/customer/invitations/invite", shop.code())
                .bearer(token(shop, alice)).formBody("invitation[type]=mobile&invitation[recipientEmail]=nope"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").findValuesAsText("field")).contains("invitation[recipientPhone]",
                "invitation[recipientEmail]");
    }

    private interface Task<T> {
        T run(int i) throws Exception;
    }

    private static <T> List<T> runAll(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<T>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                tasks.add(() -> task.run(index));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.serverlessloyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;

/** The earning rule routes (E-1..E-5, seller E-3/E-4, E-10) through the Lambda constructor, on the in-process table. */
class EarningRuleRoutesIT {

    private static final String ADMIN = "points-admin-key";
    private static final String SPENDING_FORM = "earningRule[type]=points&earningRule[name]=Two+per+euro"
            + "&earningRule[description]=General+spending&earningRule[active]=1&earningRule[allTimeActive]=1"
            + "&earningRule[target]=level&earningRule[levels][0]=gold&earningRule[pointValue]=2"
            + "&earningRule[excludedSKUs]=SHIP";
    private static LocalTable table;
    private static PointsHandler handler;
    private static StoreDirectory stores;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        handler = table.lambdaHandler(PointsHandler::new, Map.of("ADMIN_API_KEY", ADMIN));
        stores = new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC());
    }

    private record Shop(String code, String key) {
    }

    private static Shop shop() {
        String code = "r-" + UUID.randomUUID().toString().substring(0, 8);
        var created = stores.create(new Store(new StoreCode(code), "Shop", Currency.getInstance("EUR"),
                ZoneId.of("Europe/Paris"), Locale.FRENCH, true, null, null, null));
        return new Shop(code, created.apiKey());
    }

    private static APIGatewayV2HTTPResponse call(ApiEvents event) {
        return handler.handleRequest(event.build(), null);
    }

    private static String create(Shop shop, String form) {
        var response = call(ApiEvents.route("POST /api/{storeCode}/earningRule", shop.code()).bearer(ADMIN).formBody(form));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("earningRuleId").asText();
    }

    private static JsonNode get(Shop shop, String id) {
        var response = call(ApiEvents.route("GET /api/{storeCode}/earningRule/{earningRule}", shop.code(), id)
                .bearer(ADMIN));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    private static List<String> errorFields(APIGatewayV2HTTPResponse response) {
        return json(response).path("errors").findValuesAsText("field");
    }

    @Test
    void createReadReplaceAndDeactivateASpendingRule() {
        Shop shop = shop();
        String id = create(shop, SPENDING_FORM);
        JsonNode rule = get(shop, id);
        assertThat(rule.get("type").asText()).isEqualTo("points");
        assertThat(rule.get("name").asText()).isEqualTo("Two per euro");
        assertThat(rule.get("pointValue").decimalValue()).isEqualByComparingTo("2");
        assertThat(rule.get("excludedSKUs").asText()).isEqualTo("SHIP");
        assertThat(rule.get("excludeDeliveryCost").asBoolean()).isTrue();
        assertThat(rule.get("levels").get(0).asText()).isEqualTo("gold");
        assertThat(rule.get("active").asBoolean()).isTrue();

        var replaced = call(ApiEvents.route("PUT /api/{storeCode}/earningRule/{earningRule}", shop.code(), id)
                .bearer(shop.key()).body(Map.of("earningRule", Map.of("name", "Three per euro", "description", "d",
                        "active", true, "allTimeActive", false, "startAt", "2026-01-01 00:00",
                        "endAt", "2026-12-31 23:59", "target", "segment", "segments", List.of("vip"),
                        "pointValue", 3))));
        assertThat(replaced.getStatusCode()).as(replaced.getBody()).isEqualTo(200);
        assertThat(json(replaced).get("earningRuleId").asText()).isEqualTo(id);
        rule = get(shop, id);
        assertThat(rule.get("name").asText()).isEqualTo("Three per euro");
        assertThat(rule.get("startAt").asText()).isEqualTo("2026-01-01T00:00:00+0100");
        assertThat(rule.get("segments").get(0).asText()).isEqualTo("vip");
        assertThat(rule.get("levels")).isEmpty();

        var deactivated = call(ApiEvents.route("POST /api/{storeCode}/earningRule/{earningRule}/activate", shop.code(), id)
                .bearer(ADMIN).formBody("active=0"));
        assertThat(deactivated.getStatusCode()).as(deactivated.getBody()).isEqualTo(204);
        assertThat(get(shop, id).get("active").asBoolean()).isFalse();
    }

    @Test
    void createNamesEveryBadFieldAndWritesNothing() {
        Shop shop = shop();
        var response = call(ApiEvents.route("POST /api/{storeCode}/earningRule", shop.code()).bearer(ADMIN)
                .formBody("earningRule[type]=points&earningRule[pointValue]=-1&earningRule[startAt]=2026-02-01"
                        + "&earningRule[endAt]=2026-01-01&earningRule[target]=level&earningRule[levels][0]=gold"));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactlyInAnyOrder("earningRule[name]", "earningRule[description]",
                "earningRule[pointValue]", "earningRule[endAt]");
        var list = call(ApiEvents.route("GET /api/{storeCode}/earningRule", shop.code()).bearer(ADMIN));
        assertThat(json(list).get("total").asInt()).isZero();
    }

    @Test
    void aCustomEventNameIsTakenOncePerStore() {
        Shop shop = shop();
        String form = "earningRule[type]=custom_event&earningRule[name]=Like&earningRule[description]=d"
                + "&earningRule[allTimeActive]=1&earningRule[active]=1&earningRule[target]=level"
                + "&earningRule[levels][0]=gold&earningRule[eventName]=facebook_like&earningRule[pointsAmount]=5";
        String id = create(shop, form);
        var again = call(ApiEvents.route("POST /api/{storeCode}/earningRule", shop.code()).bearer(ADMIN).formBody(form));
        assertThat(again.getStatusCode()).isEqualTo(400);
        assertThat(errorFields(again)).containsExactly("earningRule[eventName]");
        assertThat(get(shop, id).get("usageUrl").asText())
                .isEqualTo("/api/" + shop.code() + "/v1/earnRule/facebook_like/customer/:customerId");
    }

    @Test
    void aCreateRetriedWithItsIdempotencyKeyMakesOneRule() {
        Shop shop = shop();
        var first = call(ApiEvents.route("POST /api/{storeCode}/earningRule", shop.code()).bearer(ADMIN)
                .header("Idempotency-Key", "rule-1").formBody(SPENDING_FORM));
        var second = call(ApiEvents.route("POST /api/{storeCode}/earningRule", shop.code()).bearer(ADMIN)
                .header("Idempotency-Key", "rule-1").formBody(SPENDING_FORM));
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(json(second).get("earningRuleId").asText()).isEqualTo(json(first).get("earningRuleId").asText());
        var other = call(ApiEvents.route("POST /api/{storeCode}/earningRule", shop.code()).bearer(ADMIN)
                .header("Idempotency-Key", "rule-1").formBody(SPENDING_FORM + "&earningRule[minOrderValue]=5"));
        assertThat(other.getStatusCode()).isEqualTo(422);
        var list = call(ApiEvents.route("GET /api/{storeCode}/earningRule", shop.code()).bearer(ADMIN));
        assertThat(json(list).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void listFiltersPagesAndSortsForAdminsAndSellers() {
        Shop shop = shop();
        create(shop, SPENDING_FORM.replace("Two+per+euro", "B"));
        String inactive = create(shop, SPENDING_FORM.replace("Two+per+euro", "A").replace("active]=1", "active]=0"));
        create(shop, "earningRule[type]=product_purchase&earningRule[name]=C&earningRule[description]=d"
                + "&earningRule[allTimeActive]=1&earningRule[active]=1&earningRule[target]=level"
                + "&earningRule[levels][0]=gold&earningRule[skuIds][0]=S1&earningRule[pointsAmount]=10");
        var all = json(call(ApiEvents.route("GET /api/{storeCode}/earningRule", shop.code()).bearer(ADMIN)
                .query("sort", "name").query("perPage", "2").query("page", "1")));
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.get("earningRules").findValuesAsText("name")).containsExactly("A", "B");
        var inactiveOnly = json(call(ApiEvents.route("GET /api/{storeCode}/seller/earningRule", shop.code())
                .bearer(shop.key()).query("active", "inactive")));
        assertThat(inactiveOnly.get("earningRules").findValuesAsText("earningRuleId")).containsExactly(inactive);
        var products = json(call(ApiEvents.route("GET /api/{storeCode}/earningRule", shop.code()).bearer(ADMIN)
                .query("type", "product_purchase")));
        assertThat(products.get("earningRules").findValuesAsText("name")).containsExactly("C");
        var bad = call(ApiEvents.route("GET /api/{storeCode}/earningRule", shop.code()).bearer(ADMIN)
                .query("type", "nope").query("direction", "up"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("type", "direction");
        var seller = call(ApiEvents.route("GET /api/{storeCode}/seller/earningRule/{earningRule}", shop.code(), inactive)
                .bearer(shop.key()));
        assertThat(json(seller).get("name").asText()).isEqualTo("A");
    }

    @Test
    void unknownRulesAre404AndActivateNeedsItsField() {
        Shop shop = shop();
        assertThat(call(ApiEvents.route("GET /api/{storeCode}/earningRule/{earningRule}", shop.code(), "nope")
                .bearer(ADMIN)).getStatusCode()).isEqualTo(404);
        assertThat(call(ApiEvents.route("POST /api/{storeCode}/earningRule/{earningRule}/activate", shop.code(), "nope")
                .bearer(ADMIN).formBody("active=1")).getStatusCode()).isEqualTo(404);
        assertThat(call(ApiEvents.route("PUT /api/{storeCode}/earningRule/{earningRule}", shop.code(), "nope")
                .bearer(ADMIN).formBody(SPENDING_FORM)).getStatusCode()).isEqualTo(404);
        String id = create(shop, SPENDING_FORM);
        var missing = call(ApiEvents.route("POST /api/{storeCode}/earningRule/{earningRule}/activate", shop.code(), id)
                .bearer(ADMIN));
        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(errorFields(missing)).containsExactly("active");
        var typeChange = call(ApiEvents.route("PUT /api/{storeCode}/earningRule/{earningRule}", shop.code(), id)
                .bearer(ADMIN).formBody(SPENDING_FORM.replace("type]=points", "type]=qrcode")));
        assertThat(errorFields(typeChange)).contains("earningRule[type]");
    }

    @Test
    void aCustomerSeesTheActiveRulesForThem() {
        Shop shop = shop();
        create(shop, SPENDING_FORM);
        String welcome = create(shop, "earningRule[type]=event&earningRule[name]=Welcome&earningRule[description]=d"
                + "&earningRule[allTimeActive]=1&earningRule[active]=1&earningRule[eventName]=oloy.account.created"
                + "&earningRule[pointsAmount]=10");
        var registered = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop.code()).bearer(ADMIN)
                .body(Map.of("customer", Map.of("firstName", "Jane", "lastName", "Doe", "email", "jane@example.com"))));
        String memberId = json(registered).get("customerId").asText();
        var tokenResponse = call(ApiEvents.route("POST /api/{storeCode}/customer/token", shop.code()).bearer(ADMIN)
                .body(Map.of("customerId", memberId)));
        String token = json(tokenResponse).get("token").asText();
        var response = call(ApiEvents.route("GET /api/{storeCode}/customer/earningRule", shop.code()).bearer(token));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        // Until a member has a level (levels arrive with h10-levels), only the rule for everyone is theirs.
        assertThat(json(response).get("earningRules").findValuesAsText("earningRuleId")).containsExactly(welcome);
        assertThat(json(response).get("currency").asText()).isEqualTo("eur");
        assertThat(call(ApiEvents.route("GET /api/{storeCode}/customer/earningRule", shop.code()).bearer(shop.key()))
                .getStatusCode()).as("a key has no member to act for").isEqualTo(401);
        assertThat(call(ApiEvents.route("POST /api/{storeCode}/earningRule", shop.code()).bearer(token)
                .formBody(SPENDING_FORM)).getStatusCode()).isIn(401, 403);
    }
}

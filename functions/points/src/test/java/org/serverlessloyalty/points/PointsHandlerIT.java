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

/** The points function through its Lambda constructor, against the in-process DynamoDB. */
class PointsHandlerIT {

    private static final String ADMIN = "points-admin-key";
    private static LocalTable table;
    private static PointsHandler handler;
    private static StoreDirectory stores;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        handler = table.lambdaHandler(PointsHandler::new, Map.of("ADMIN_API_KEY", ADMIN));
        stores = new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC());
    }

    /** A new store and its key. */
    private static Shop shop() {
        String code = "p-" + UUID.randomUUID().toString().substring(0, 8);
        var created = stores.create(new Store(new StoreCode(code), "Shop", Currency.getInstance("EUR"),
                ZoneId.of("Europe/Paris"), Locale.FRENCH, true, null, null, null));
        return new Shop(code, created.apiKey());
    }

    private record Shop(String code, String key) {
    }

    private static APIGatewayV2HTTPResponse call(ApiEvents event) {
        return handler.handleRequest(event.build(), null);
    }

    private static String register(Shop shop, String credential, Object body) {
        var response = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop.code())
                .bearer(credential).body(body));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("customerId").asText();
    }

    private static Map<String, Object> customer(String first, String email) {
        return Map.of("customer", Map.of("firstName", first, "lastName", "Kowalski", "email", email,
                "agreement1", true));
    }

    private static List<String> errorFields(APIGatewayV2HTTPResponse response) {
        return json(response).path("errors").findValuesAsText("field");
    }

    private static String token(Shop shop, String credential, Object body) {
        var response = call(ApiEvents.route("POST /api/{storeCode}/customer/token", shop.code()).bearer(credential)
                .body(body));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("token").asText();
    }

    @Test
    void registerReadUpdateDeactivateActivateAndAnonymizeAMember() {
        Shop shop = shop();
        String id = register(shop, ADMIN, Map.of("customer", Map.of("firstName", "John", "lastName", "Kowalski",
                "email", "John4@Example.com", "phone", "+48 600 000 500", "agreement1", "1",
                "externalId", "guid-1", "loyaltyCardNumber", "0000")));

        var read = json(call(ApiEvents.route("GET /api/{storeCode}/customer/{customer}", shop.code(), id).bearer(ADMIN)));
        assertThat(read.get("customerId").asText()).isEqualTo(id);
        assertThat(read.get("email").asText()).isEqualTo("John4@Example.com");
        assertThat(read.get("phone").asText()).isEqualTo("+48600000500");
        assertThat(read.get("active").asBoolean()).isTrue();
        assertThat(read.get("agreement1").asBoolean()).isTrue();
        assertThat(read.get("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{4}");

        var updated = call(ApiEvents.route("PUT /api/{storeCode}/customer/{customer}", shop.code(), id).bearer(shop.key())
                .body(Map.of("customer", Map.of("email", "john@example.com", "phone", "", "agreement2", true))));
        assertThat(updated.getStatusCode()).as(updated.getBody()).isEqualTo(200);
        assertThat(json(updated).get("customerId").asText()).isEqualTo(id);
        read = json(call(ApiEvents.route("GET /api/{storeCode}/customer/{customer}", shop.code(), id).bearer(ADMIN)));
        assertThat(read.get("email").asText()).isEqualTo("john@example.com");
        assertThat(read.has("phone")).isFalse();
        assertThat(read.get("agreement2").asBoolean()).isTrue();

        var listed = json(call(ApiEvents.route("GET /api/{storeCode}/admin/customer", shop.code()).bearer(ADMIN)
                .query("email", "JOHN@").query("perPage", "5")));
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("customers").get(0).get("customerId").asText()).isEqualTo(id);

        assertThat(call(ApiEvents.route("POST /api/{storeCode}/admin/customer/{customer}/deactivate", shop.code(), id)
                .bearer(ADMIN)).getStatusCode()).isEqualTo(200);
        read = json(call(ApiEvents.route("GET /api/{storeCode}/customer/{customer}", shop.code(), id).bearer(ADMIN)));
        assertThat(read.get("active").asBoolean()).isFalse();
        assertThat(read.get("status").get("type").asText()).isEqualTo("inactive");
        assertThat(call(ApiEvents.route("POST /api/{storeCode}/seller/customer/{customer}/activate", shop.code(), id)
                .bearer(shop.key())).getStatusCode()).isEqualTo(200);

        var anonymized = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/{customer}/anonymize", shop.code(), id)
                .bearer(ADMIN));
        assertThat(anonymized.getStatusCode()).isEqualTo(204);
        read = json(call(ApiEvents.route("GET /api/{storeCode}/customer/{customer}", shop.code(), id).bearer(ADMIN)));
        assertThat(read.get("status").get("type").asText()).isEqualTo("anonymized");
        assertThat(read.toString()).doesNotContain("john", "Kowalski", "guid-1");
        var again = call(ApiEvents.route("PUT /api/{storeCode}/customer/{customer}", shop.code(), id).bearer(ADMIN)
                .body(Map.of("customer", Map.of("firstName", "Back"))));
        assertThat(again.getStatusCode()).isEqualTo(409);
        // Its values are free again.
        register(shop, ADMIN, Map.of("customer", Map.of("firstName", "Jim", "lastName", "K", "email", "john@example.com",
                "externalId", "guid-1", "loyaltyCardNumber", "0000")));
    }

    @Test
    void aDuplicateIsA400NamingEachTakenFieldAsTheClientSentIt() {
        Shop shop = shop();
        register(shop, ADMIN, customer("Jane", "jane@example.com"));
        var duplicate = call(ApiEvents.route("POST /api/{storeCode}/seller/customer/register", shop.code())
                .bearer(shop.key()).body(customer("Other", "JANE@example.com")));
        assertThat(duplicate.getStatusCode()).isEqualTo(400);
        assertThat(errorFields(duplicate)).containsExactly("customer[email]");
        var flat = call(ApiEvents.route("POST /api/{storeCode}/seller/customer/register", shop.code())
                .bearer(shop.key()).body(Map.of("firstName", "O", "lastName", "K", "email", "jane@EXAMPLE.com")));
        assertThat(errorFields(flat)).containsExactly("email");
    }

    @Test
    void badInputNamesEveryFieldAndWritesNothing() {
        Shop shop = shop();
        var bad = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop.code()).bearer(ADMIN)
                .body(Map.of("customer", Map.of("firstName", "J", "email", "nope", "gender", "x", "password", "p"))));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("customer[email]", "customer[gender]",
                "customer[password]", "customer[lastName]");
        var listed = json(call(ApiEvents.route("GET /api/{storeCode}/admin/customer", shop.code()).bearer(ADMIN)));
        assertThat(listed.get("total").asInt()).isZero();
    }

    @Test
    void aRegistrationRetriedWithItsIdempotencyKeyAnswersTheSameMember() {
        Shop shop = shop();
        var first = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop.code()).bearer(ADMIN)
                .header("idempotency-key", "reg-1").body(customer("Jane", "jane@example.com")));
        var again = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop.code()).bearer(ADMIN)
                .header("idempotency-key", "reg-1").body(customer("Jane", "jane@example.com")));
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(json(again).get("customerId")).isEqualTo(json(first).get("customerId"));
        var other = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop.code()).bearer(ADMIN)
                .header("idempotency-key", "reg-1").body(customer("Jim", "jim@example.com")));
        assertThat(other.getStatusCode()).isEqualTo(422);
        assertThat(errorFields(other)).containsExactly("Idempotency-Key");
        var malformed = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop.code()).bearer(ADMIN)
                .header("idempotency-key", "has space").body(customer("Jim", "jim@example.com")));
        assertThat(errorFields(malformed)).containsExactly("Idempotency-Key");
    }

    @Test
    void aCustomerTokenReadsAndUpdatesOnlyItsOwnMember() {
        Shop shop = shop();
        String jane = register(shop, ADMIN, Map.of("customer", Map.of("firstName", "Jane", "lastName", "D",
                "email", "jane@example.com", "externalId", "shop-42")));
        String jim = register(shop, ADMIN, customer("Jim", "jim@example.com"));
        String token = token(shop, shop.key(), Map.of("customer", Map.of("externalId", "shop-42")));

        var own = call(ApiEvents.route("GET /api/{storeCode}/customer/{customer}", shop.code(), jane).bearer(token));
        assertThat(own.getStatusCode()).isEqualTo(200);
        assertThat(json(own).get("firstName").asText()).isEqualTo("Jane");
        var other = call(ApiEvents.route("GET /api/{storeCode}/customer/{customer}", shop.code(), jim).bearer(token));
        assertThat(other.getStatusCode()).isEqualTo(404);
        var otherUpdate = call(ApiEvents.route("PUT /api/{storeCode}/customer/{customer}", shop.code(), jim)
                .bearer(token).body(Map.of("firstName", "Hacked")));
        assertThat(otherUpdate.getStatusCode()).isEqualTo(404);
        var ownUpdate = call(ApiEvents.route("PUT /api/{storeCode}/customer/{customer}", shop.code(), jane)
                .bearer(token).body(Map.of("firstName", "Janet")));
        assertThat(ownUpdate.getStatusCode()).as(ownUpdate.getBody()).isEqualTo(200);
        var ownIdentifier = call(ApiEvents.route("PUT /api/{storeCode}/customer/{customer}", shop.code(), jane)
                .bearer(token).body(Map.of("externalId", "shop-43")));
        assertThat(errorFields(ownIdentifier)).containsExactly("externalId");
        var adminRoute = call(ApiEvents.route("GET /api/{storeCode}/admin/customer", shop.code()).bearer(token));
        assertThat(adminRoute.getStatusCode()).isEqualTo(401);
        var issueWithToken = call(ApiEvents.route("POST /api/{storeCode}/customer/token", shop.code()).bearer(token)
                .body(Map.of("customerId", jim)));
        assertThat(issueWithToken.getStatusCode()).isEqualTo(401);
    }

    @Test
    void aRotatedSecretRefusesEveryEarlierToken() {
        Shop shop = shop();
        String jane = register(shop, ADMIN, customer("Jane", "jane@example.com"));
        String before = token(shop, ADMIN, Map.of("email", "JANE@example.com"));
        var rotated = call(ApiEvents.route("POST /api/store/{storeCode}/customer-token-secret/rotate", shop.code())
                .bearer(ADMIN));
        assertThat(rotated.getStatusCode()).as(rotated.getBody()).isEqualTo(200);
        assertThat(json(rotated).get("customerTokenSecretVersion").asLong()).isEqualTo(2);
        assertThat(call(ApiEvents.route("GET /api/{storeCode}/customer/{customer}", shop.code(), jane).bearer(before))
                .getStatusCode()).isEqualTo(401);
        String after = token(shop, ADMIN, Map.of("customerId", jane));
        assertThat(call(ApiEvents.route("GET /api/{storeCode}/customer/{customer}", shop.code(), jane).bearer(after))
                .getStatusCode()).isEqualTo(200);
        assertThat(call(ApiEvents.route("POST /api/store/{storeCode}/customer-token-secret/rotate", shop.code())
                .bearer(shop.key())).getStatusCode()).as("the store's own key cannot").isEqualTo(401);
    }

    @Test
    void aTokenIsRefusedForAMemberNobodyHasAndNamedTwice() {
        Shop shop = shop();
        register(shop, ADMIN, customer("Jane", "jane@example.com"));
        var nobody = call(ApiEvents.route("POST /api/{storeCode}/customer/token", shop.code()).bearer(shop.key())
                .body(Map.of("email", "nobody@example.com")));
        assertThat(nobody.getStatusCode()).isEqualTo(404);
        var twice = call(ApiEvents.route("POST /api/{storeCode}/customer/token", shop.code()).bearer(shop.key())
                .body(Map.of("email", "jane@example.com", "phone", "+331234")));
        assertThat(twice.getStatusCode()).isEqualTo(400);
        var none = call(ApiEvents.route("POST /api/{storeCode}/customer/token", shop.code()).bearer(shop.key())
                .body(Map.of()));
        assertThat(errorFields(none)).containsExactly("customerId");
    }

    @Test
    void anotherStoresKeyOrMemberIsNotFound() {
        Shop a = shop();
        Shop b = shop();
        String jane = register(a, ADMIN, customer("Jane", "jane@example.com"));
        assertThat(call(ApiEvents.route("GET /api/{storeCode}/customer/{customer}", b.code(), jane).bearer(b.key()))
                .getStatusCode()).isEqualTo(404);
        assertThat(call(ApiEvents.route("GET /api/{storeCode}/customer/{customer}", a.code(), jane).bearer(b.key()))
                .getStatusCode()).isEqualTo(404);
        assertThat(call(ApiEvents.route("GET /api/{storeCode}/customer/{customer}", a.code(), jane))
                .getStatusCode()).isEqualTo(401);
    }
}

package org.serverlessloyalty.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

/** The admin function through its Lambda constructor, against the in-process DynamoDB. */
class AdminHandlerIT {

    private static final String ADMIN_KEY = "test-admin-key";
    private static LocalTable table;
    private static AdminHandler handler;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        handler = table.lambdaHandler(AdminHandler::new, Map.of("ADMIN_API_KEY", ADMIN_KEY));
    }

    private static APIGatewayV2HTTPResponse call(ApiEvents event) {
        return handler.handleRequest(event.build(), null);
    }

    private static APIGatewayV2HTTPResponse admin(ApiEvents event) {
        return call(event.bearer(ADMIN_KEY));
    }

    private static JsonNode createStore(String code) {
        var response = admin(ApiEvents.route("POST /api/store").body(Map.of(
                "code", code, "name", "Shop " + code, "currency", "EUR", "timezone", "Europe/Paris", "locale", "fr")));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return json(response);
    }

    private static Map<String, Object> code(String code) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("value", 5);
        c.put("discountType", "VALUE");
        c.put("threshold", 30);
        c.put("combinable", false);
        c.put("expirationDate", "2099-06-23");
        return c;
    }

    @Test
    void createsStoreAndShowsItsKeyOnlyOnce() {
        JsonNode created = createStore("key-once");
        assertThat(created.get("apiKey").asText()).startsWith("sl_key-once_");
        assertThat(created.get("publishableKey").asText()).startsWith("pk_key-once_");
        assertThat(created.get("currency").asText()).isEqualTo("EUR");

        JsonNode read = json(admin(ApiEvents.route("GET /api/store/{storeCode}", "key-once")));
        assertThat(read.get("name").asText()).isEqualTo("Shop key-once");
        assertThat(read.has("apiKey")).isFalse();
        String stored = table.client().getItem(b -> b.tableName(table.name())
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("key-once#STORE"),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("STORE")))).item().toString();
        assertThat(stored).doesNotContain(created.get("apiKey").asText());
    }

    @Test
    void refusesASecondStoreWithTheSameCode() {
        createStore("twice");
        var again = admin(ApiEvents.route("POST /api/store").body(Map.of(
                "code", "twice", "name", "Other", "currency", "USD", "timezone", "UTC")));
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(json(admin(ApiEvents.route("GET /api/store/{storeCode}", "twice"))).get("currency").asText())
                .isEqualTo("EUR");
    }

    @Test
    void namesEveryBadStoreFieldAndWritesNothing() {
        var response = admin(ApiEvents.route("POST /api/store").body(Map.of(
                "code", "bad#code", "name", "x", "currency", "EURO", "timezone", "Mars/Olympus", "colour", "red")));
        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = json(response);
        List<String> fields = new ArrayList<>();
        body.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("code", "currency", "timezone", "colour");
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin(ApiEvents.route("GET /api/store")).getBody()).doesNotContain("bad#code");
    }

    @Test
    void requiresTheAdminKeyAsBearerOrAuthToken() {
        assertThat(call(ApiEvents.route("GET /api/store")).getStatusCode()).isEqualTo(401);
        assertThat(call(ApiEvents.route("GET /api/store").bearer("wrong")).getStatusCode()).isEqualTo(401);
        assertThat(call(ApiEvents.route("GET /api/store").header("X-AUTH-TOKEN", ADMIN_KEY)).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void updatesAStoreWith204AndAnswers404ForAnUnknownOne() {
        createStore("upd");
        var update = admin(ApiEvents.route("PUT /api/store/{storeCode}", "upd")
                .body(Map.of("name", "Renamed", "timezone", "America/New_York")));
        assertThat(update.getStatusCode()).as(update.getBody()).isEqualTo(204);
        JsonNode read = json(admin(ApiEvents.route("GET /api/store/{storeCode}", "upd")));
        assertThat(read.get("name").asText()).isEqualTo("Renamed");
        assertThat(read.get("timezone").asText()).isEqualTo("America/New_York");
        assertThat(read.get("currency").asText()).isEqualTo("EUR");
        assertThat(admin(ApiEvents.route("PUT /api/store/{storeCode}", "nope").body(Map.of("name", "x")))
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void createsAStoreFromAnOpenLoyaltyFormWithTheDefaultTimeZoneAndUpdatesItByForm() {
        var created = admin(ApiEvents.route("POST /api/store")
                .formBody("store[code]=ol-form&store[name]=Boutique+%C3%A9t%C3%A9&store[currency]=EUR&store[active]=1"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(json(created).get("timezone").asText()).isEqualTo("UTC");
        assertThat(json(created).get("name").asText()).isEqualTo("Boutique été");

        var update = admin(ApiEvents.route("PUT /api/store/{storeCode}", "ol-form")
                .formBody("store[name]=store_name&store[active]=0"));
        assertThat(update.getStatusCode()).as(update.getBody()).isEqualTo(204);
        JsonNode read = json(admin(ApiEvents.route("GET /api/store/{storeCode}", "ol-form")));
        assertThat(read.get("name").asText()).isEqualTo("store_name");
        assertThat(read.get("active").asBoolean()).isFalse();
        assertThat(read.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void namesAFormsBadFieldsAsSentAndAnExistingCodeAsSent() {
        createStore("ol-taken");
        var bad = admin(ApiEvents.route("POST /api/store").formBody("store[code]=ol-bad&store[currency]=XYZ&store[x]=1"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("store[name]", "store[currency]", "store[x]");
        var taken = admin(ApiEvents.route("POST /api/store").formBody("store[code]=ol-taken&store[name]=B&store[currency]=EUR"));
        assertThat(taken.getStatusCode()).isEqualTo(409);
        assertThat(json(taken).get("errors").findValuesAsText("field")).containsExactly("store[code]");
        assertThat(admin(ApiEvents.route("GET /api/store/{storeCode}", "ol-bad")).getStatusCode()).isEqualTo(404);
    }

    @Test
    void refusesAMultipartBodyWith415() {
        var multipart = admin(ApiEvents.route("POST /api/store").header("content-type", "multipart/form-data; boundary=x")
                .body("--x\r\nContent-Disposition: form-data; name=\"store[code]\"\r\n\r\nmp\r\n--x--"));
        assertThat(multipart.getStatusCode()).isEqualTo(415);
        assertThat(json(multipart).get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void rotatingAKeyIssuesANewOne() {
        String first = createStore("rot").get("apiKey").asText();
        var rotated = admin(ApiEvents.route("POST /api/store/{storeCode}/api-key/rotate", "rot"));
        assertThat(rotated.getStatusCode()).isEqualTo(200);
        assertThat(json(rotated).get("apiKey").asText()).startsWith("sl_rot_").isNotEqualTo(first);
        assertThat(admin(ApiEvents.route("POST /api/store/{storeCode}/api-key/rotate", "ghost")).getStatusCode())
                .isEqualTo(404);
        var publishable = admin(ApiEvents.route("POST /api/store/{storeCode}/api-key/rotate", "rot")
                .query("key", "publishable"));
        assertThat(json(publishable).get("publishableKey").asText()).startsWith("pk_rot_");
        assertThat(json(publishable).has("apiKey")).isFalse();
    }

    @Test
    void listsStoresPageByPage() {
        for (int i = 0; i < 5; i++) {
            createStore("list-" + i);
        }
        JsonNode page = json(admin(ApiEvents.route("GET /api/store").query("perPage", "2").query("page", "2")));
        assertThat(page.get("stores")).hasSize(2);
        assertThat(page.get("hasMore").asBoolean()).isTrue();
        assertThat(admin(ApiEvents.route("GET /api/store").query("perPage", "0")).getStatusCode()).isEqualTo(400);
    }

    @Test
    void createsListedCodesAndReadsOneBackCaseInsensitively() {
        createStore("codes");
        var response = admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "codes")
                .body(Map.of("codes", List.of(code(" summer5 "), code("WINTER5")))));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(json(response).get("created").asInt()).isEqualTo(2);

        var read = admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes/{code}", "codes", "Summer5"));
        assertThat(read.getStatusCode()).isEqualTo(200);
        JsonNode code = json(read);
        assertThat(code.get("code").asText()).isEqualTo("SUMMER5");
        assertThat(code.get("value").decimalValue()).isEqualByComparingTo("5");
        assertThat(code.get("usedCount").asLong()).isZero();
        assertThat(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes/{code}", "codes", "NOPE"))
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void refusesTheWholeListWhenOneCodeExistsAndNamesIt() {
        createStore("atomic");
        admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "atomic")
                .body(Map.of("codes", List.of(code("TAKEN")))));
        List<Map<String, Object>> codes = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            codes.add(code("NEW" + i));
        }
        codes.add(code("taken"));
        var response = admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "atomic")
                .body(Map.of("codes", codes)));
        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("codes[150].code");
        assertThat(json(response).get("errors").get(0).get("message").asText()).contains("TAKEN");
        assertThat(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes/{code}", "atomic", "NEW0"))
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void generatesAThousandDistinctCodesWithThePrefix() {
        createStore("gen");
        var response = admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "gen").body(Map.of(
                "generate", Map.of("count", 1000, "prefix", "mano", "length", 12),
                "template", Map.of("value", 10, "discountType", "PERCENT", "combinable", true))));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode body = json(response);
        Set<String> codes = new HashSet<>();
        body.get("codes").forEach(c -> codes.add(c.asText()));
        assertThat(codes).hasSize(1000).allMatch(c -> c.matches("MANO[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}"));
        String sample = codes.iterator().next();
        JsonNode read = json(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes/{code}", "gen", sample)));
        assertThat(read.get("discountType").asText()).isEqualTo("PERCENT");
    }

    @Test
    void answersABlankListedCodeWith400NamingItAndWritesNothing() {
        createStore("blank");
        var response = admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "blank")
                .body(Map.of("codes", List.of(code("FINE1"), code(""), code("   ")))));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("codes[1].code", "codes[2].code");
        assertThat(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes/{code}", "blank", "FINE1"))
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void acceptsAFreeShippingCodeWithAValueAsTheShippingAmountCovered() {
        createStore("ship");
        var response = admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "ship").body(Map.of("codes",
                List.of(Map.of("code", "SHIP5", "discountType", "FREESHIPPING", "value", 4.9)))));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode read = json(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes/{code}", "ship", "SHIP5")));
        assertThat(read.get("value").decimalValue()).isEqualByComparingTo("4.9");
        assertThat(read.get("discountType").asText()).isEqualTo("FREESHIPPING");
    }

    @Test
    void aCreationAnswersItsBatchAndTheSameIdempotencyKeyAnswersTheSameCodesAgain() {
        createStore("idem");
        Map<String, Object> body = Map.of("generate", Map.of("count", 300, "prefix", "ID", "length", 11),
                "template", Map.of("value", 5, "discountType", "VALUE"));
        var first = admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "idem").body(body)
                .header("Idempotency-Key", "run-42"));
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(201);
        var again = admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "idem")
                .body("{\"template\":{\"discountType\":\"VALUE\",\"value\":5},"
                        + " \"generate\":{\"length\":11,\"prefix\":\"ID\",\"count\":300}}")
                .header("Idempotency-Key", "run-42"));
        assertThat(again.getStatusCode()).as("same body, members in another order").isEqualTo(201);
        assertThat(json(again).get("batchId").asText()).isEqualTo(json(first).get("batchId").asText());
        assertThat(json(again).get("codes")).isEqualTo(json(first).get("codes"));

        var otherBody = admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "idem")
                .body(Map.of("generate", Map.of("count", 301, "prefix", "ID", "length", 11),
                        "template", Map.of("value", 5, "discountType", "VALUE")))
                .header("Idempotency-Key", "run-42"));
        assertThat(otherBody.getStatusCode()).isEqualTo(422);
        assertThat(json(otherBody).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(json(otherBody).get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        JsonNode listed = json(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes", "idem").query("limit", "100")));
        assertThat(listed.get("codes")).hasSize(100);

        var badKey = admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "idem").body(body)
                .header("Idempotency-Key", "has spaces"));
        assertThat(badKey.getStatusCode()).isEqualTo(400);
    }

    @Test
    void listsAStoresCodesPageByPageWithFiltersAndVoidsACodeAndABatch() {
        createStore("lst");
        var batch = json(admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "lst").body(Map.of(
                "generate", Map.of("count", 130, "prefix", "BAT", "length", 11),
                "template", Map.of("value", 5, "discountType", "VALUE", "campaignId", 77)))));
        String batchId = batch.get("batchId").asText();
        admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "lst").body(Map.of("codes",
                List.of(code("SOLO1"), code("SOLO2")))));

        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            ApiEvents page = ApiEvents.route("GET /api/{storeCode}/admin/giftCodes", "lst").query("limit", "60");
            if (next != null) {
                page.query("next", next);
            }
            JsonNode body = json(admin(page));
            body.get("codes").forEach(c -> seen.add(c.get("code").asText()));
            next = body.get("next").isNull() ? null : body.get("next").asText();
        } while (next != null);
        assertThat(seen).hasSize(132).doesNotHaveDuplicates();

        assertThat(json(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes", "lst").query("prefix", "solo")))
                .get("codes")).extracting(c -> c.get("code").asText()).containsExactly("SOLO1", "SOLO2");
        assertThat(json(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes", "lst").query("campaign", "77")
                .query("limit", "100"))).get("codes")).hasSize(100);
        JsonNode ofBatch = json(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes", "lst")
                .query("batch", batchId).query("limit", "100")));
        assertThat(ofBatch.get("codes")).hasSize(100).allSatisfy(c -> {
            assertThat(c.get("batchId").asText()).isEqualTo(batchId);
            assertThat(c.get("status").asText()).isEqualTo("ACTIVE");
        });

        var voided = admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes/{code}/void", "lst", "solo1"));
        assertThat(voided.getStatusCode()).as(voided.getBody()).isEqualTo(200);
        assertThat(json(voided).get("status").asText()).isEqualTo("VOIDED");
        assertThat(admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes/{code}/void", "lst", "solo1"))
                .getStatusCode()).as("idempotent").isEqualTo(200);
        assertThat(admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes/{code}/void", "lst", "NOPE"))
                .getStatusCode()).isEqualTo(404);

        var batchVoid = admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes/batches/{batchId}/void", "lst",
                batchId));
        assertThat(batchVoid.getStatusCode()).as(batchVoid.getBody()).isEqualTo(200);
        assertThat(json(batchVoid).get("voided").asInt()).isEqualTo(130);
        assertThat(admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes/batches/{batchId}/void", "lst",
                batchId)).getStatusCode()).isEqualTo(200);
        assertThat(admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes/batches/{batchId}/void", "lst",
                "nope")).getStatusCode()).isEqualTo(404);

        JsonNode voidedOnes = json(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes", "lst")
                .query("status", "voided").query("limit", "100")));
        assertThat(voidedOnes.get("codes")).hasSize(100);
        JsonNode active = json(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes", "lst").query("status", "ACTIVE")));
        assertThat(active.get("codes")).extracting(c -> c.get("code").asText()).containsExactly("SOLO2");
    }

    @Test
    void refusesBadListingParametersNamingEachOne() {
        createStore("badlist");
        var response = admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes", "badlist")
                .query("limit", "0").query("status", "GONE").query("prefix", "a b").query("batch", "NOT#ONE"));
        assertThat(response.getStatusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("limit", "status", "prefix", "batch");
        assertThat(admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes", "badlist").query("next", "garbage!"))
                .getStatusCode()).isEqualTo(400);
    }

    @Test
    void refusesCodesForAStoreThatDoesNotExist() {
        assertThat(admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "ghost")
                .body(Map.of("codes", List.of(code("X1"))))).getStatusCode()).isEqualTo(404);
    }

    @Test
    void refusesABodyOver256KiBWith413() {
        createStore("big");
        String huge = "{\"codes\":[{\"code\":\"A\",\"description\":\"" + "x".repeat(300 * 1024) + "\"}]}";
        assertThat(admin(ApiEvents.route("POST /api/{storeCode}/admin/giftCodes", "big").body(huge)).getStatusCode())
                .isEqualTo(413);
    }

    @Test
    void answersInfoAndHealthWithoutAKey() {
        JsonNode info = json(call(ApiEvents.route("GET /api")));
        assertThat(info.get("name").asText()).isEqualTo("serverless-loyalty");
        assertThat(info.get("version").asText()).isNotBlank().doesNotContain("${");
        assertThat(call(ApiEvents.route("GET /api/healthcheck")).getStatusCode()).isEqualTo(204);
    }

    @Test
    void healthIs503NamingDynamoDbWhenTheTableIsMissing() {
        var broken = LocalTable.create();
        var env = broken.environment(Map.of("ADMIN_API_KEY", ADMIN_KEY, "TABLE_NAME", "missing-table"));
        AdminHandler sick = org.serverlessloyalty.shared.platform.config.LambdaEnvironment.runWith(env, AdminHandler::new);
        var response = sick.handleRequest(ApiEvents.route("GET /api/healthcheck").build(), null);
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(json(response).get(0).get("name").asText()).isEqualTo("DynamoDB");
        assertThat(json(response).get(0).get("status").asText()).isEqualTo("Problem");
    }
    @Test
    void pathValuesAreBoundedBeforeTheyReachAKeyAndNeverEchoedInFull() {
        createStore("paths");
        var longOrder = admin(ApiEvents.route("GET /api/{storeCode}/admin/orders/{orderId}", "paths", "9".repeat(2_048)));
        assertThat(longOrder.getStatusCode()).as(longOrder.getBody()).isEqualTo(400);
        assertThat(json(longOrder).get("errors").get(0).get("field").asText()).isEqualTo("orderId");
        var spaced = admin(ApiEvents.route("GET /api/{storeCode}/admin/orders/{orderId}", "paths", "no such id " + "x".repeat(200)));
        assertThat(spaced.getStatusCode()).isEqualTo(404);
        assertThat(spaced.getBody()).doesNotContain("x".repeat(50));
        var formatted = admin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes/{code}", "paths", "SUMMER\u202E"));
        assertThat(formatted.getStatusCode()).isEqualTo(400);
        var longStore = admin(ApiEvents.route("GET /api/store/{storeCode}", "s".repeat(250)));
        assertThat(longStore.getStatusCode()).isEqualTo(404);
        assertThat(longStore.getBody()).doesNotContain("s".repeat(50));
    }

    @Test
    void aHostileNumberOrARepeatedFieldIs400NamingItAndWritesNothing() {
        var huge = admin(ApiEvents.route("POST /api/store").body(
                "{\"code\":\"hostile\",\"name\":\"Shop\",\"currency\":\"EUR\",\"timezone\":\"Europe/Paris\",\"active\":1e3000000000}"));
        assertThat(huge.getStatusCode()).as(huge.getBody()).isEqualTo(400);
        assertThat(json(huge).get("errors").get(0).get("field").asText()).isEqualTo("active");
        var twice = admin(ApiEvents.route("POST /api/store").body(
                "{\"code\":\"hostile\",\"code\":\"other\",\"name\":\"Shop\",\"currency\":\"EUR\",\"timezone\":\"Europe/Paris\"}"));
        assertThat(twice.getStatusCode()).isEqualTo(400);
        assertThat(json(twice).get("errors").get(0).get("field").asText()).isEqualTo("code");
        assertThat(admin(ApiEvents.route("GET /api/store/{storeCode}", "hostile")).getStatusCode()).isEqualTo(404);
        assertThat(admin(ApiEvents.route("GET /api/store/{storeCode}", "other")).getStatusCode()).isEqualTo(404);
    }
}

package org.serverlessloyalty.giftcode.validate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

/** The validate function through its Lambda constructor, against the in-process DynamoDB. */
class GiftCodeValidateHandlerIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static LocalTable table;
    private static GiftCodeValidateHandler handler;
    private static StoreDirectory stores;
    private static GiftCodeCatalog catalog;
    private static String shopKey;
    private static String otherKey;

    @BeforeAll
    static void seed() {
        table = LocalTable.create();
        handler = table.lambdaHandler(GiftCodeValidateHandler::new, Map.of("STORE_CACHE_SECONDS", "0"));
        stores = new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC());
        catalog = new GiftCodeCatalog(new DynamoDbGiftCodeRepository(table.client(), table.name()),
                new CodeGenerator(), Clock.systemUTC());
        shopKey = stores.create(store("shop")).apiKey();
        otherKey = stores.create(store("other")).apiKey();

        LocalDate today = LocalDate.now(PARIS);
        Map<CodeValue, GiftCodeTerms> codes = new LinkedHashMap<>();
        codes.put(CodeValue.of("GOOD5"), terms(DiscountType.VALUE, "5", "30", false, today.plusDays(30), null, List.of()));
        codes.put(CodeValue.of("TODAY"), terms(DiscountType.VALUE, "5", null, true, today, null, List.of()));
        codes.put(CodeValue.of("OLD"), terms(DiscountType.VALUE, "5", null, true, today.minusDays(1), null, List.of()));
        codes.put(CodeValue.of("ONCE"), terms(DiscountType.PERCENT, "10", null, true, null, 1, List.of()));
        codes.put(CodeValue.of("STACK"), terms(DiscountType.PERCENT, "10", null, true, null, null, List.of()));
        codes.put(CodeValue.of("CANOE"), terms(DiscountType.PERCENT, "10", null, true, null, null, List.of("canoes")));
        catalog.createListed(new StoreCode("shop"), codes);
        catalog.createListed(new StoreCode("other"),
                Map.of(CodeValue.of("THEIRS"), terms(DiscountType.VALUE, "1", null, true, null, null, List.of())));
    }

    private static Store store(String code) {
        return new Store(new StoreCode(code), "Shop", java.util.Currency.getInstance("EUR"), PARIS, Locale.FRENCH,
                true, null, null, null);
    }

    private static GiftCodeTerms terms(DiscountType type, String value, String threshold, boolean combinable,
                                       LocalDate expires, Integer uses, List<String> categories) {
        return new GiftCodeTerms(new BigDecimal(value), type, threshold == null ? null : new BigDecimal(threshold),
                combinable, value + (type == DiscountType.PERCENT ? " %" : "€"), "name", expires, null, uses, null,
                List.of(), categories, categories.isEmpty(), null, null);
    }

    private static APIGatewayV2HTTPResponse validate(String store, String key, Map<String, Object> body) {
        ApiEvents event = ApiEvents.route("POST /api/giftCodes/validate/{customerId}", store).body(body);
        if (key != null) {
            event.header("X-Api-Key", key);
        }
        return handler.handleRequest(event.build(), null);
    }

    private static Map<String, Object> body(String code, long total, String... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", "shopper@example.com");
        body.put("cibler_id", "AZ34R5TYU7UY654RE32RT6YT");
        body.put("code", code);
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("name", "ACME Foldable Canoe", "category", "canoes"));
        items.add(Map.of("name", "Large yellow toothbrush"));
        body.put("cart", Map.of("total", total, "items", items));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put(extra[i], extra[i + 1]);
        }
        return body;
    }

    private static JsonNode ok(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    @Test
    void acceptsAUsableCodeWithTheSpecFields() {
        JsonNode answer = ok(validate("shop", shopKey, body(" good5 ", 132600)));
        assertThat(answer.get("canUse").asBoolean()).isTrue();
        assertThat(answer.get("message").isNull()).isTrue();
        assertThat(answer.get("value").decimalValue()).isEqualByComparingTo("5");
        assertThat(answer.get("threshold").decimalValue()).isEqualByComparingTo("30");
        assertThat(answer.get("combinable").asBoolean()).isFalse();
        assertThat(answer.get("discountType").asText()).isEqualTo("VALUE");
        assertThat(answer.get("reason").isNull()).isTrue();
        List<String> keys = new ArrayList<>();
        answer.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("canUse", "message", "value", "threshold", "combinable", "discountType",
                "description", "expirationDate", "products", "categories", "reason");
    }

    @Test
    void answersAnUnknownCodeInTheStoreLanguage() {
        JsonNode answer = ok(validate("shop", shopKey, body("NOPE", 1000)));
        assertThat(answer.get("canUse").asBoolean()).isFalse();
        assertThat(answer.get("message").asText()).isEqualTo("Ce code n'existe pas");
        assertThat(answer.get("reason").asText()).isEqualTo("NOT_FOUND");
        assertThat(answer.get("value").isNull()).isTrue();
    }

    @Test
    void acceptLanguageWinsOverTheStoreLocale() {
        var event = ApiEvents.route("POST /api/giftCodes/validate/{customerId}", "shop")
                .header("X-Api-Key", shopKey).header("Accept-Language", "en-GB,en;q=0.8").body(body("NOPE", 1000));
        assertThat(json(handler.handleRequest(event.build(), null)).get("message").asText())
                .isEqualTo("This code does not exist");
    }

    @Test
    void aCodeExpiringTodayIsUsableAndYesterdaysIsNot() {
        assertThat(ok(validate("shop", shopKey, body("TODAY", 1000))).get("canUse").asBoolean()).isTrue();
        JsonNode old = ok(validate("shop", shopKey, body("OLD", 1000)));
        assertThat(old.get("reason").asText()).isEqualTo("EXPIRED");
        assertThat(old.get("message").asText()).isEqualTo("Ce code a expiré");
    }

    @Test
    void refusesACartBelowTheThreshold() {
        JsonNode answer = ok(validate("shop", shopKey, body("GOOD5", 2999)));
        assertThat(answer.get("reason").asText()).isEqualTo("THRESHOLD_NOT_REACHED");
        assertThat(answer.get("threshold").decimalValue()).isEqualByComparingTo("30");
        assertThat(ok(validate("shop", shopKey, body("GOOD5", 3000))).get("canUse").asBoolean()).isTrue();
    }

    @Test
    void refusesACodeWhoseUsesAreExhausted() {
        table.client().updateItem(b -> b.tableName(table.name())
                .key(Map.of("pk", AttributeValue.fromS("shop#CODE#ONCE"), "sk", AttributeValue.fromS("CODE")))
                .updateExpression("SET usedCount = :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        assertThat(ok(validate("shop", shopKey, body("ONCE", 1000))).get("reason").asText())
                .isEqualTo("USAGE_EXHAUSTED");
    }

    @Test
    void refusesStackingWithANonCombinableAppliedCode() {
        Map<String, Object> request = body("STACK", 100000);
        request.put("appliedCodes", List.of("GOOD5"));
        assertThat(ok(validate("shop", shopKey, request)).get("reason").asText()).isEqualTo("NOT_COMBINABLE");
        request.put("appliedCodes", List.of("CANOE", "NOT-OURS"));
        assertThat(ok(validate("shop", shopKey, request)).get("canUse").asBoolean()).isTrue();
    }

    @Test
    void requiresAnEligibleItemForARestrictedCode() {
        assertThat(ok(validate("shop", shopKey, body("CANOE", 1000))).get("canUse").asBoolean()).isTrue();
        Map<String, Object> request = body("CANOE", 1000);
        request.put("cart", Map.of("total", 1000, "items", List.of(Map.of("name", "Toothbrush", "category", "bath"))));
        JsonNode answer = ok(validate("shop", shopKey, request));
        assertThat(answer.get("reason").asText()).isEqualTo("NO_ELIGIBLE_ITEM");
        assertThat(answer.get("categories").get(0).asText()).isEqualTo("canoes");
    }

    @Test
    void anotherStoresKeyIs404AndAMissingOrUnknownKeyIs401() {
        assertThat(validate("shop", otherKey, body("GOOD5", 1000)).getStatusCode()).isEqualTo(404);
        assertThat(validate("shop", null, body("GOOD5", 1000)).getStatusCode()).isEqualTo(401);
        assertThat(validate("shop", "sl_shop_notthekey", body("GOOD5", 1000)).getStatusCode()).isEqualTo(401);
        assertThat(validate("ghost", shopKey, body("GOOD5", 1000)).getStatusCode()).isEqualTo(404);
        assertThat(ok(validate("shop", shopKey, body("THEIRS", 1000))).get("reason").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void namesEveryMissingField() {
        var response = validate("shop", shopKey, Map.of("email", 42));
        assertThat(response.getStatusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("code", "cart", "email");
    }

    @Test
    void aRotatedKeyStopsWorking() {
        String before = stores.create(store("rotating")).apiKey();
        assertThat(validate("rotating", before, body("X", 1)).getStatusCode()).isEqualTo(200);
        String after = stores.rotateKey(new StoreCode("rotating")).orElseThrow();
        assertThat(validate("rotating", before, body("X", 1)).getStatusCode()).isEqualTo(401);
        assertThat(validate("rotating", after, body("X", 1)).getStatusCode()).isEqualTo(200);
    }
}

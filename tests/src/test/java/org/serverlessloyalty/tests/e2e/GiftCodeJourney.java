package org.serverlessloyalty.tests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.Json;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gift-code journey a merchant and a storefront go through, written once and run over real
 * HTTP against the local stack and, where Docker exists, against LocalStack.
 */
public abstract class GiftCodeJourney {

    protected abstract ApiClient api();

    protected abstract String adminKey();

    private ApiClient.Response admin(String method, String path, Object body) {
        return api().call(method, path, Map.of("Authorization", "Bearer " + adminKey(), "Content-Type", "application/json"),
                body == null ? null : Json.write(body));
    }

    private ApiClient.Response validate(String store, String key, String code, long total) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", "shopper@example.com");
        body.put("cibler_id", "AZ34R5TYU7UY654RE32RT6YT");
        body.put("code", code);
        body.put("cart", Map.of("total", total, "items", List.of(Map.of("name", "ACME Foldable Canoe"),
                Map.of("name", "Large yellow toothbrush"))));
        return api().call("POST", "/api/giftCodes/validate/" + store,
                Map.of("X-Api-Key", key, "Content-Type", "application/json"), Json.write(body));
    }

    private String createStore(String code, String timezone) {
        var response = admin("POST", "/api/store", Map.of("code", code, "name", "Shop " + code, "currency", "EUR",
                "timezone", timezone, "locale", "fr"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("apiKey").asText();
    }

    @Test
    void aMerchantGeneratesCodesAndAStorefrontValidatesThem() {
        String store = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String other = store + "-b";
        String key = createStore(store, "Pacific/Kiritimati");
        String otherKey = createStore(other, "Europe/Paris");

        var generated = admin("POST", "/api/" + store + "/admin/giftCodes", Map.of(
                "generate", Map.of("count", 1000, "prefix", "E2E", "length", 12),
                "template", Map.of("value", 5, "discountType", "VALUE", "threshold", 30, "combinable", true,
                        "description", "5€", "expirationDate", "2099-12-31", "numberOfUsage", 1)));
        assertThat(generated.status()).as(generated.body()).isEqualTo(201);
        Set<String> codes = new HashSet<>();
        generated.json().get("codes").forEach(c -> codes.add(c.asText()));
        assertThat(codes).hasSize(1000);

        // Yesterday in the store's own time zone (UTC+14), whatever the time in UTC.
        LocalDate yesterday = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).minusDays(1);
        List<Map<String, Object>> listed = new ArrayList<>();
        listed.add(Map.of("code", "EXPIRED1", "value", 5, "discountType", "VALUE", "expirationDate", yesterday.toString()));
        assertThat(admin("POST", "/api/" + store + "/admin/giftCodes", Map.of("codes", listed)).status()).isEqualTo(201);
        assertThat(admin("POST", "/api/" + other + "/admin/giftCodes", Map.of("codes",
                List.of(Map.of("code", "THEIRS", "value", 5, "discountType", "VALUE")))).status()).isEqualTo(201);

        String good = codes.iterator().next();
        JsonNode ok = validate(store, key, good.toLowerCase(), 132600).json();
        assertThat(ok.get("canUse").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("value").decimalValue()).isEqualByComparingTo("5");
        assertThat(ok.get("reason").isNull()).isTrue();

        JsonNode unknown = validate(store, key, "NOPE-NOPE", 132600).json();
        assertThat(unknown.get("reason").asText()).isEqualTo("NOT_FOUND");
        assertThat(unknown.get("message").asText()).isEqualTo("Ce code n'existe pas");

        assertThat(validate(store, key, "EXPIRED1", 132600).json().get("reason").asText()).isEqualTo("EXPIRED");
        assertThat(validate(store, key, good, 2999).json().get("reason").asText()).isEqualTo("THRESHOLD_NOT_REACHED");
        assertThat(validate(store, key, "THEIRS", 132600).json().get("reason").asText()).isEqualTo("NOT_FOUND");
        assertThat(validate(other, key, "THEIRS", 132600).status()).isEqualTo(404);
        assertThat(validate(other, otherKey, "THEIRS", 132600).json().get("canUse").asBoolean()).isTrue();
        assertThat(validate(store, "sl_" + store + "_wrong", good, 132600).status()).isEqualTo(401);

        var read = admin("GET", "/api/" + store + "/admin/giftCodes/" + good, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("usedCount").asLong()).as("validation never consumes a use").isZero();
    }

    @Test
    void aMerchantRetriesACreationListsItsCodesAndVoidsThem() {
        String store = "void-" + UUID.randomUUID().toString().substring(0, 8);
        String key = createStore(store, "Europe/Paris");
        Map<String, Object> generation = Map.of(
                "generate", Map.of("count", 150, "prefix", "VOID", "length", 11),
                "template", Map.of("value", 5, "discountType", "VALUE", "campaignId", "spring"));
        Map<String, String> withKey = Map.of("Authorization", "Bearer " + adminKey(),
                "Content-Type", "application/json", "Idempotency-Key", "spring-batch-1");

        var first = api().call("POST", "/api/" + store + "/admin/giftCodes", withKey, Json.write(generation));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String batchId = first.json().get("batchId").asText();
        var retried = api().call("POST", "/api/" + store + "/admin/giftCodes", withKey, Json.write(generation));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("codes")).as("the same request answers the same codes").isEqualTo(first.json().get("codes"));
        var otherBody = api().call("POST", "/api/" + store + "/admin/giftCodes", withKey,
                Json.write(Map.of("codes", List.of(Map.of("code", "OTHER", "value", 5, "discountType", "VALUE")))));
        assertThat(otherBody.status()).isEqualTo(422);

        List<String> listed = new ArrayList<>();
        String next = null;
        do {
            var page = admin("GET", "/api/" + store + "/admin/giftCodes?prefix=void&campaign=spring&limit=40"
                    + (next == null ? "" : "&next=" + next), null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("codes").forEach(c -> listed.add(c.get("code").asText()));
            next = page.json().get("next").isNull() ? null : page.json().get("next").asText();
        } while (next != null);
        assertThat(listed).hasSize(150).doesNotHaveDuplicates();

        String one = first.json().get("codes").get(0).asText();
        String other = first.json().get("codes").get(1).asText();
        assertThat(validate(store, key, one, 10_000).json().get("canUse").asBoolean()).isTrue();
        var voided = admin("POST", "/api/" + store + "/admin/giftCodes/" + one + "/void", null);
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.json().get("status").asText()).isEqualTo("VOIDED");
        JsonNode refused = validate(store, key, one, 10_000).json();
        assertThat(refused.get("canUse").asBoolean()).isFalse();
        assertThat(refused.get("reason").asText()).isEqualTo("VOIDED");
        assertThat(refused.get("message").asText()).isEqualTo("Ce code a été annulé");
        assertThat(validate(store, key, other, 10_000).json().get("canUse").asBoolean()).isTrue();

        var batchVoided = admin("POST", "/api/" + store + "/admin/giftCodes/batches/" + batchId + "/void", null);
        assertThat(batchVoided.status()).as(batchVoided.body()).isEqualTo(200);
        assertThat(batchVoided.json().get("voided").asInt()).isEqualTo(150);
        assertThat(validate(store, key, other, 10_000).json().get("reason").asText()).isEqualTo("VOIDED");
        var voidedList = admin("GET", "/api/" + store + "/admin/giftCodes?status=VOIDED&limit=100", null);
        assertThat(voidedList.json().get("codes")).hasSize(100);
        assertThat(admin("GET", "/api/" + store + "/admin/giftCodes?status=ACTIVE", null).json().get("codes")).isEmpty();
    }

    @Test
    void aBlankListedCodeIsRefusedAndAFreeShippingCodeKeepsItsValue() {
        String store = "blank-" + UUID.randomUUID().toString().substring(0, 8);
        createStore(store, "Europe/Paris");
        var blank = admin("POST", "/api/" + store + "/admin/giftCodes", Map.of("codes", List.of(
                Map.of("code", "", "value", 5, "discountType", "VALUE"),
                Map.of("code", "   ", "value", 5, "discountType", "VALUE"))));
        assertThat(blank.status()).as(blank.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        blank.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("codes[0].code", "codes[1].code");

        var shipping = admin("POST", "/api/" + store + "/admin/giftCodes", Map.of("codes", List.of(
                Map.of("code", "SHIPFREE", "value", 7.5, "discountType", "FREESHIPPING"))));
        assertThat(shipping.status()).as(shipping.body()).isEqualTo(201);
        assertThat(shipping.json().get("codes").get(0).get("value").decimalValue()).isEqualByComparingTo("7.5");
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndWritesNothing() {
        String store = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        createStore(store, "Europe/Paris");
        var response = admin("POST", "/api/" + store + "/admin/giftCodes", Map.of("codes", List.of(
                Map.of("code", "OK1", "value", 5, "discountType", "VALUE"),
                Map.of("code", "BAD1", "value", 500, "discountType", "PERCENT"),
                Map.of("code", "BAD2", "discountType", "COUPON"))));
        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("codes[1].value", "codes[2].discountType");
        assertThat(admin("GET", "/api/" + store + "/admin/giftCodes/OK1", null).status()).isEqualTo(404);
    }

    @Test
    void healthAndInfoAnswer() {
        assertThat(api().call("GET", "/api/healthcheck", Map.of(), null).status()).isEqualTo(204);
        assertThat(api().call("GET", "/api", Map.of(), null).json().get("name").asText()).isEqualTo("serverless-loyalty");
    }
}

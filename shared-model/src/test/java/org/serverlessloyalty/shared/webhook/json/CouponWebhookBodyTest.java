package org.serverlessloyalty.shared.webhook.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;

import static org.assertj.core.api.Assertions.assertThat;

/** The body matches the CibleR "Coupon creation API" example, field for field. */
class CouponWebhookBodyTest {

    @Test
    void hasExactlyTheSpecFieldsInTheSpecOrder() throws Exception {
        GiftCode code = new GiftCode(new StoreCode("4"), CodeValue.of("YHBGFREZERFRE"), new GiftCodeTerms(
                new BigDecimal("10.00"), DiscountType.PERCENT, new BigDecimal("100"), true, "10 %", "Code 10% CibleR",
                LocalDate.parse("2019-07-03"), LocalDate.parse("2019-01-01"), 43, 2, List.of("SKU-1"), List.of("shoes"),
                true, "63006938", new GiftCodeTerms.CodeUser("jane@example.com", "guid-1")), 7, Instant.now());

        JsonNode json = Json.MAPPER.readTree(CouponWebhookBody.write(code));

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).isEqualTo(CouponWebhookBody.FIELDS).containsExactly("code", "value", "discountWholeCart",
                "name", "discountType", "threshold", "description", "combinable", "expirationDate", "campaignId",
                "customerId", "numberOfUsage", "user", "products", "categories");
        assertThat(json.get("code").asText()).isEqualTo("YHBGFREZERFRE");
        assertThat(json.get("value").isNumber()).isTrue();
        assertThat(json.get("value").decimalValue()).isEqualByComparingTo("10");
        assertThat(json.get("discountWholeCart").isInt()).isTrue();
        assertThat(json.get("discountWholeCart").asInt()).isEqualTo(1);
        assertThat(json.get("name").asText()).isEqualTo("Code 10% CibleR");
        assertThat(json.get("discountType").asText()).isEqualTo("PERCENT");
        assertThat(json.get("threshold").isNumber()).isTrue();
        assertThat(json.get("description").asText()).isEqualTo("10 %");
        assertThat(json.get("combinable").isBoolean()).isTrue();
        assertThat(json.get("expirationDate").asText()).isEqualTo("2019-07-03");
        assertThat(json.get("campaignId").isIntegralNumber()).isTrue();
        assertThat(json.get("campaignId").asLong()).isEqualTo(63006938L);
        assertThat(json.get("customerId").asText()).isEqualTo("4");
        assertThat(json.get("numberOfUsage").asInt()).isEqualTo(43);
        assertThat(json.get("user").toString()).isEqualTo("{\"email\":\"jane@example.com\"}");
        assertThat(json.get("products").toString()).isEqualTo("[\"SKU-1\"]");
        assertThat(json.get("categories").toString()).isEqualTo("[\"shoes\"]");
    }

    @Test
    void anOpenCodeHasANullUserEmptyListsAndAZeroWholeCartWhenRestricted() throws Exception {
        GiftCode code = new GiftCode(new StoreCode("shop"), CodeValue.of("OPEN1"), new GiftCodeTerms(
                new BigDecimal("5"), DiscountType.VALUE, null, false, null, null, null, null, null, null, null, null,
                false, "summer-2026", null), 0, Instant.now());

        JsonNode json = Json.MAPPER.readTree(CouponWebhookBody.write(code));

        assertThat(json.get("user").isNull()).isTrue();
        assertThat(json.get("products").isArray() && json.get("products").isEmpty()).isTrue();
        assertThat(json.get("categories").isArray() && json.get("categories").isEmpty()).isTrue();
        assertThat(json.get("discountWholeCart").asInt()).isZero();
        assertThat(json.get("campaignId").asText()).isEqualTo("summer-2026");
        assertThat(json.get("numberOfUsage").isNull()).isTrue();
        assertThat(json.get("customerId").asText()).isEqualTo("shop");
    }
}

package org.serverlessloyalty.giftcode.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.giftcode.service.CodeValidation;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;

class ValidateResponseTest {

    /** The spec's response properties, in its order; {@code reason} is this engine's addition. */
    private static final List<String> SPEC_KEYS = List.of("canUse", "message", "value", "threshold", "combinable",
            "discountType", "description", "expirationDate", "products", "categories", "reason");

    private static GiftCode code(List<String> products, List<String> categories) {
        var terms = new GiftCodeTerms(new BigDecimal("5"), DiscountType.VALUE, new BigDecimal("30.00"), false, "5€",
                "Five off", LocalDate.of(2021, 6, 23), null, null, null, products, categories, true, null, null);
        return new GiftCode(new StoreCode("13"), CodeValue.of("BJGJT9DJAAAA"), terms, 0,
                Instant.parse("2021-01-01T00:00:00Z"));
    }

    private static CodeValidation.Outcome usable(GiftCode code) {
        return new CodeValidation.Outcome(Optional.of(code), Optional.empty());
    }

    @Test
    void hasExactlyTheSpecKeysInOrderPlusReason() {
        assertThat(ValidateResponse.of(usable(code(List.of(), List.of())), "fr").keySet())
                .containsExactlyElementsOf(SPEC_KEYS);
        assertThat(ValidateResponse.of(ValidateRequest.unknownCode(), "fr").keySet())
                .containsExactlyElementsOf(SPEC_KEYS);
    }

    @Test
    void aUsableCodeAnswersTheSpecValidExample() {
        Map<String, Object> json = ValidateResponse.of(usable(code(List.of(), List.of())), "fr");
        assertThat(json.get("canUse")).isEqualTo(true);
        assertThat(json.get("message")).isNull();
        assertThat((BigDecimal) json.get("value")).isEqualByComparingTo("5.0");
        assertThat((BigDecimal) json.get("threshold")).isEqualByComparingTo("30.00");
        assertThat(json.get("combinable")).isEqualTo(false);
        assertThat(json.get("discountType")).isEqualTo("VALUE");
        assertThat(json.get("description")).isEqualTo("5€");
        assertThat(json.get("expirationDate")).isEqualTo("2021-06-23");
        assertThat(json.get("products")).isNull();
        assertThat(json.get("categories")).isNull();
        assertThat(json.get("reason")).isNull();
    }

    @Test
    void anUnknownCodeAnswersTheSpecInvalidExampleWithNulls() {
        Map<String, Object> json = ValidateResponse.of(ValidateRequest.unknownCode(), "fr");
        assertThat(json.get("canUse")).isEqualTo(false);
        assertThat(json.get("message")).isEqualTo("Ce code n'existe pas");
        assertThat(json.get("reason")).isEqualTo("NOT_FOUND");
        for (String key : SPEC_KEYS.subList(2, SPEC_KEYS.size() - 1)) {
            assertThat(json).as(key).containsEntry(key, null);
        }
    }

    @Test
    void theMessageIsInTheRequestedLanguage() {
        assertThat(ValidateResponse.of(ValidateRequest.unknownCode(), "en").get("message"))
                .isEqualTo("This code does not exist");
    }

    @Test
    void aRefusedKnownCodeStillShowsItsTerms() {
        var outcome = new CodeValidation.Outcome(Optional.of(code(List.of(), List.of())),
                Optional.of(ValidationReason.THRESHOLD_NOT_REACHED));
        Map<String, Object> json = ValidateResponse.of(outcome, "en");
        assertThat(json.get("canUse")).isEqualTo(false);
        assertThat(json.get("reason")).isEqualTo("THRESHOLD_NOT_REACHED");
        assertThat(json.get("message")).isEqualTo("The minimum order amount for this code is not reached");
        assertThat((BigDecimal) json.get("threshold")).isEqualByComparingTo("30");
        assertThat(json.get("discountType")).isEqualTo("VALUE");
    }

    @Test
    void restrictionsAreListedWhenSet() {
        Map<String, Object> json = ValidateResponse.of(usable(code(List.of("SKU-1"), List.of("11"))), "fr");
        assertThat(json.get("products")).isEqualTo(List.of("SKU-1"));
        assertThat(json.get("categories")).isEqualTo(List.of("11"));
    }

    @Test
    void serialisesNullsAndNumbersAsTheSpecShows() {
        String json = Json.write(ValidateResponse.of(ValidateRequest.unknownCode(), "fr"));
        assertThat(json).isEqualTo("{\"canUse\":false,\"message\":\"Ce code n'existe pas\",\"value\":null,"
                + "\"threshold\":null,\"combinable\":null,\"discountType\":null,\"description\":null,"
                + "\"expirationDate\":null,\"products\":null,\"categories\":null,\"reason\":\"NOT_FOUND\"}");
        assertThat(Json.write(ValidateResponse.of(usable(code(List.of(), List.of())), "fr")))
                .startsWith("{\"canUse\":true,\"message\":null,\"value\":5,\"threshold\":30.00,\"combinable\":false,"
                        + "\"discountType\":\"VALUE\"");
    }
}

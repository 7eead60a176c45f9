package org.serverlessloyalty.giftcode.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serverlessloyalty.shared.giftcode.model.Cart;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.ValidationQuery;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;

class ValidateRequestTest {

    private static final StoreCode STORE = new StoreCode("13");

    /** The spec's example body. */
    private static final String SPEC_BODY = """
            {
               "email" : "",
               "cibler_id" : "AZ34R5TYU7UY654RE32RT6YT",
               "code" : "BJGJT9DJAAAA",
               "cart": {
                  "total" : 132600,
                  "items" : [{
                    "name":"ACME Foldable Canoe"
                  }, {
                    "name":"Large yellow toothbrush"
                  }]
               }
            }""";

    private static JsonNode body(String json) {
        try {
            // The handler's own path: bounded numbers, no duplicate keys.
            return Json.parseObject(json.replace('\'', '"').getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ValidationQuery query(String json) {
        var parsed = ValidateRequest.parse(STORE, body(json));
        assertThat(parsed.query()).isPresent();
        return parsed.query().get();
    }

    private static List<String> refusedFields(String json) {
        var e = catchThrowableOfType(ApiException.class, () -> ValidateRequest.parse(STORE, body(json)));
        assertThat(e).as("expected a 400 for " + json).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e.fieldErrors().list().stream().map(FieldErrors.FieldError::field).toList();
    }

    @Test
    void parsesTheSpecExampleBody() {
        ValidationQuery q = ValidateRequest.parse(STORE, body(SPEC_BODY)).query().orElseThrow();
        assertThat(q.store()).isEqualTo(STORE);
        assertThat(q.code()).isEqualTo(new CodeValue("BJGJT9DJAAAA"));
        assertThat(q.email()).isEmpty();
        assertThat(q.ciblerId()).isEqualTo("AZ34R5TYU7UY654RE32RT6YT");
        assertThat(q.customerGuid()).isNull();
        assertThat(q.appliedCodes()).isEmpty();
        assertThat(q.cart().totalMinorUnits()).isEqualTo(132_600L);
        assertThat(q.cart().items()).extracting(Cart.Item::name)
                .containsExactly("ACME Foldable Canoe", "Large yellow toothbrush");
    }

    @Test
    void missingCodeAndCartAreNamedAtOnce() {
        assertThat(refusedFields("{'email':''}")).containsExactlyInAnyOrder("code", "cart");
    }

    @Test
    void missingCodeAndCartTotalAreNamedAtOnce() {
        assertThat(refusedFields("{'cart':{'items':[]}}")).containsExactlyInAnyOrder("code", "cart.total");
    }

    @Test
    void nullCodeIsMissing() {
        assertThat(refusedFields("{'code':null,'cart':{'total':100}}")).containsExactly("code");
    }

    @Test
    void blankCodeIsRefused() {
        assertThat(refusedFields("{'code':'   ','cart':{'total':100}}")).containsExactly("code");
    }

    @Test
    void badCartFieldsAreNamedWithTheirPath() {
        assertThat(refusedFields("{'code':'A','cart':{'total':-1,'items':[{'quantity':'two'},"
                + "{'unitPrice':'free'},{'productId':true}]}}"))
                .containsExactlyInAnyOrder("cart.total", "cart.items[0].quantity", "cart.items[1].unitPrice",
                        "cart.items[2].productId");
    }

    @Test
    void aFractionalTotalIsRefusedAsMinorUnitsAreWhole() {
        assertThat(refusedFields("{'code':'A','cart':{'total':1326.5}}")).containsExactly("cart.total");
    }

    @Test
    void cartMustBeAnObject() {
        assertThat(refusedFields("{'code':'A','cart':132600}")).containsExactly("cart");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BJG JT9!", "ÉTÉ2026", "code#1", "a.b", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void aCodeThatCannotBeOursIsAnEmptyQueryAnsweredNotFound(String code) {
        var parsed = ValidateRequest.parse(STORE, body("{'code':'" + code + "','cart':{'total':100}}"));
        assertThat(parsed.query()).isEmpty();
        var outcome = ValidateRequest.unknownCode();
        assertThat(outcome.canUse()).isFalse();
        assertThat(outcome.refusal()).contains(ValidationReason.NOT_FOUND);
        assertThat(outcome.code()).isEmpty();
    }

    @Test
    void theCodeIsTrimmedAndUpperCased() {
        assertThat(query("{'code':'  bjgjt9djaaaa ','cart':{'total':100}}").code())
                .isEqualTo(new CodeValue("BJGJT9DJAAAA"));
    }

    @Test
    void aNumericCodeIsTakenAsText() {
        assertThat(query("{'code':12345,'cart':{'total':100}}").code()).isEqualTo(new CodeValue("12345"));
    }

    @Test
    void numbersAreAcceptedForProductIdAndCategory() {
        ValidationQuery q = query("{'code':'A','cart':{'total':6800,'items':[{'productId':5,'name':'Perceuse',"
                + "'quantity':2,'category':11,'unitPrice':34.00}]}}");
        Cart.Item item = q.cart().items().get(0);
        assertThat(item.productId()).isEqualTo("5");
        assertThat(item.category()).isEqualTo("11");
        assertThat(item.name()).isEqualTo("Perceuse");
        assertThat(item.quantity()).isEqualTo(2);
        assertThat(item.unitPrice()).isEqualByComparingTo(new BigDecimal("34"));
    }

    @Test
    void appliedCodesAreNormalisedDeduplicatedAndStrangersDropped() {
        ValidationQuery q = query("{'code':'B','cart':{'total':100},"
                + "'appliedCodes':[' summer ','SUMMER','winter','not a code!',42]}");
        assertThat(q.appliedCodes()).containsExactly(CodeValue.of("SUMMER"), CodeValue.of("WINTER"),
                CodeValue.of("42"));
    }

    @Test
    void tooManyAppliedCodesAreRefused() {
        StringBuilder applied = new StringBuilder();
        for (int i = 0; i <= ValidateRequest.MAX_APPLIED_CODES; i++) {
            applied.append(i == 0 ? "" : ",").append("'C").append(i).append("'");
        }
        assertThat(refusedFields("{'code':'B','cart':{'total':100},'appliedCodes':[" + applied + "]}"))
                .containsExactly("appliedCodes");
    }

    @Test
    void customerGuidMayBeANumber() {
        assertThat(query("{'code':'A','customerGuid':987654,'cart':{'total':100}}").customerGuid())
                .isEqualTo("987654");
    }

    @Test
    void aBlankCustomerGuidIsAnAnonymousShopper() {
        assertThat(query("{'code':'A','customerGuid':'  ','cart':{'total':100}}").customerGuid()).isNull();
    }

    @Test
    void unknownFieldsAreIgnoredAsStorefrontsSendWhatCiblerSends() {
        assertThat(query("{'code':'A','cart':{'total':100},'siteId':13,'phone':'3360000000'}").code())
                .isEqualTo(new CodeValue("A"));
    }

    @Test
    void everyBadFieldIsNamedEvenWhenTheCodeIsStrange() {
        assertThat(refusedFields("{'code':'not ours!','email':5,'cart':{}}"))
                .containsExactlyInAnyOrder("email", "cart.total");
    }
    @ParameterizedTest
    @ValueSource(strings = {"SUM\\u0000MER", "SUMMER\\u200B", "\\u202ESUMMER", "SUM\\uD800MER"})
    void aCodeWithControlOrFormatCharactersIsNotFoundNeverAKey(String code) {
        var parsed = ValidateRequest.parse(STORE, body("{'code':'" + code + "','cart':{'total':100}}"));
        assertThat(parsed.query()).isEmpty();
    }

    @Test
    void otherTextWithControlOrFormatCharactersIsRefusedByName() {
        assertThat(refusedFields("{'code':'A','email':'a\\u0000@b.c','customerGuid':'g\\u202E1',"
                + "'cart':{'total':100,'items':[{'name':'Canoe\\u0007','productId':'P\\u200B'}]}}"))
                .containsExactly("email", "customerGuid", "cart.items[0].name", "cart.items[0].productId");
    }

    @Test
    void everyAmountAndQuantityHasAnUpperBound() {
        assertThat(refusedFields("{'code':'A','cart':{'total':" + (ValidateRequest.MAX_CART_TOTAL + 1) + ","
                + "'items':[{'quantity':" + (ValidateRequest.MAX_QUANTITY + 1) + ",'unitPrice':1000000000000.01}]}}"))
                .containsExactly("cart.total", "cart.items[0].quantity", "cart.items[0].unitPrice");
        assertThat(query("{'code':'A','cart':{'total':" + ValidateRequest.MAX_CART_TOTAL + ","
                + "'items':[{'quantity':" + ValidateRequest.MAX_QUANTITY + ",'unitPrice':1000000000000}]}}").cart().totalMinorUnits())
                .isEqualTo(ValidateRequest.MAX_CART_TOTAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e10000000", "1e3000000000", "-1e1000000000", "1e-1000000000",
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890"})
    void aHostileNumberIsRefusedNamingItsField(String number) {
        assertThat(refusedFields("{'code':'A','cart':{'total':" + number + "}}")).containsExactly("cart.total");
        assertThat(refusedFields("{'code':'A','cart':{'total':1,'items':[{'unitPrice':" + number + "}]}}"))
                .containsExactly("cart.items[0].unitPrice");
    }

    @Test
    void aRepeatedFieldIsRefused() {
        assertThat(refusedFields("{'code':'A','code':'B','cart':{'total':1}}")).containsExactly("code");
    }
}

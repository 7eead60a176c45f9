package org.serverlessloyalty.shared.giftcode.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.fakes.Fixtures.store;
import static org.serverlessloyalty.shared.fakes.Fixtures.terms;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;

class GiftCodeJsonTest {

    private static final Store EUR = store("13", "EUR", "Europe/Paris", Locale.FRENCH);
    private static final Store JPY = store("jp", "JPY", "Asia/Tokyo", Locale.JAPANESE);

    private final FieldErrors errors = FieldErrors.none();

    /** Parses {@code json} written with single quotes for readability. */
    private GiftCodeTerms parse(String json, Store store) {
        return parseRaw(json.replace('\'', '"'), store);
    }

    private GiftCodeTerms parseRaw(String json, Store store) {
        var node = Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
        return GiftCodeJson.parseTerms(JsonFields.root(node, errors), store);
    }

    private GiftCodeTerms parse(String json) {
        return parse(json, EUR);
    }

    private List<String> fields() {
        return errors.list().stream().map(FieldErrors.FieldError::field).toList();
    }

    private GiftCodeTerms parseValid(String json, Store store) {
        GiftCodeTerms terms = parse(json, store);
        assertThat(errors.list()).isEmpty();
        assertThat(terms).isNotNull();
        return terms;
    }

    @Test
    void parsesTheSpecCouponCreationBody() {
        GiftCodeTerms t = parseValid("{'value':10,'discountWholeCart':1,'name':'Code 10% CibleR',"
                + "'discountType':'PERCENT','threshold':100,'description':'10 %','combinable':true,"
                + "'expirationDate':'2019-07-03','campaignId':63006938,'numberOfUsage':43,"
                + "'user':{'email':''},'products':[],'categories':[]}", EUR);
        assertThat(t.value()).isEqualByComparingTo("10");
        assertThat(t.discountType()).isEqualTo(DiscountType.PERCENT);
        assertThat(t.threshold()).isEqualByComparingTo("100");
        assertThat(t.combinable()).isTrue();
        assertThat(t.description()).isEqualTo("10 %");
        assertThat(t.name()).isEqualTo("Code 10% CibleR");
        assertThat(t.expirationDate()).isEqualTo(LocalDate.of(2019, 7, 3));
        assertThat(t.campaignId()).isEqualTo("63006938");
        assertThat(t.numberOfUsage()).isEqualTo(43);
        assertThat(t.user()).isEqualTo(new GiftCodeTerms.CodeUser("", null));
        assertThat(t.products()).isEmpty();
        assertThat(t.categories()).isEmpty();
        assertThat(t.discountWholeCart()).isTrue();
    }

    @Test
    void discountTypeIsRequired() {
        assertThat(parse("{'value':5}")).isNull();
        assertThat(fields()).contains("discountType");
    }

    @Test
    void unknownDiscountTypeIsRefused() {
        assertThat(parse("{'discountType':'BOGO','value':5}")).isNull();
        assertThat(fields()).containsExactly("discountType");
    }

    @Test
    void returnsNullWhenAnyFieldIsWrong() {
        assertThat(parse("{'discountType':'VALUE','value':5,'name':7}")).isNull();
        assertThat(fields()).containsExactly("name");
    }

    @Test
    void errorsOfACodeInAListCarryItsPath() {
        var node = Json.parseObject("{\"codes\":[{},{},{\"discountType\":\"PERCENT\",\"value\":0}]}"
                .getBytes(StandardCharsets.UTF_8));
        var entry = JsonFields.root(node, errors).objects("codes", 5).get(2);
        assertThat(GiftCodeJson.parseTerms(entry, EUR)).isNull();
        assertThat(fields()).containsExactly("codes[2].value");
    }

    @Nested
    class Percent {

        @ParameterizedTest
        @ValueSource(strings = {"0.01", "10", "12.5", "33.33", "100", "100.00"})
        void acceptsMoreThanZeroUpToAHundred(String value) {
            assertThat(parseValid("{'discountType':'PERCENT','value':" + value + "}", EUR).value())
                    .isEqualByComparingTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-5", "100.01", "150", "12.345", "'10'"})
        void refusesZeroNegativeAboveAHundredTooPreciseOrText(String value) {
            assertThat(parse("{'discountType':'PERCENT','value':" + value + "}")).isNull();
            assertThat(fields()).containsExactly("value");
        }

        @Test
        void requiresAValue() {
            assertThat(parse("{'discountType':'PERCENT'}")).isNull();
            assertThat(fields()).containsExactly("value");
        }
    }

    @Nested
    class Value {

        @Test
        void requiresAValue() {
            assertThat(parse("{'discountType':'VALUE'}")).isNull();
            assertThat(fields()).containsExactly("value");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.01", "5", "5.5", "5.25", "1000000"})
        void acceptsUpToTwoDecimalsInEuro(String value) {
            assertThat(parseValid("{'discountType':'VALUE','value':" + value + "}", EUR).value())
                    .isEqualByComparingTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"5.255", "0", "0.001", "-1"})
        void refusesMoreDecimalsThanTheEuroHasOrNothingOff(String value) {
            assertThat(parse("{'discountType':'VALUE','value':" + value + "}", EUR)).isNull();
            assertThat(fields()).containsExactly("value");
        }

        @Test
        void yenValuesAreWhole() {
            assertThat(parseValid("{'discountType':'VALUE','value':500}", JPY).value()).isEqualByComparingTo("500");
        }

        @ParameterizedTest
        @ValueSource(strings = {"5.5", "0.5", "0"})
        void refusesFractionsOfAYen(String value) {
            assertThat(parse("{'discountType':'VALUE','value':" + value + "}", JPY)).isNull();
            assertThat(fields()).containsExactly("value");
        }
    }

    @Nested
    class FreeShipping {

        @Test
        void valueMayBeAbsent() {
            assertThat(parseValid("{'discountType':'FREESHIPPING'}", EUR).value()).isNull();
        }

        @Test
        void valueMayBeZero() {
            assertThat(parseValid("{'discountType':'FREESHIPPING','value':0}", EUR).value()).isEqualByComparingTo("0");
        }

        /** The CibleR body always carries a value: for free shipping it is kept as the shipping amount covered. */
        @ParameterizedTest
        @ValueSource(strings = {"5", "0.01", "12.50"})
        void aValueIsKeptAsTheShippingAmountCovered(String value) {
            assertThat(parseValid("{'discountType':'FREESHIPPING','value':" + value + "}", EUR).value())
                    .isEqualByComparingTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "0.001", "100000001", "'five'"})
        void aNegativeTooPreciseHugeOrTextValueIsRefused(String value) {
            assertThat(parse("{'discountType':'FREESHIPPING','value':" + value + "}")).isNull();
            assertThat(fields()).containsExactly("value");
        }
    }

    @Nested
    class Threshold {

        @Test
        void takesTheCurrencysDecimals() {
            assertThat(parseValid("{'discountType':'VALUE','value':5,'threshold':30.50}", EUR).threshold())
                    .isEqualByComparingTo("30.5");
        }

        @Test
        void refusesMoreDecimalsThanTheCurrencyHas() {
            parse("{'discountType':'VALUE','value':5,'threshold':30.005}", EUR);
            parse("{'discountType':'VALUE','value':5,'threshold':30.5}", JPY);
            assertThat(fields()).containsExactly("threshold", "threshold");
        }

        @Test
        void refusesANegativeThreshold() {
            assertThat(parse("{'discountType':'VALUE','value':5,'threshold':-1}")).isNull();
            assertThat(fields()).containsExactly("threshold");
        }
    }

    @Nested
    class Dates {

        @Test
        void refusesActiveFromAfterExpirationDate() {
            assertThat(parse("{'discountType':'VALUE','value':5,'activeFrom':'2026-07-02',"
                    + "'expirationDate':'2026-07-01'}")).isNull();
            assertThat(fields()).containsExactly("activeFrom");
        }

        @Test
        void acceptsASingleDayCode() {
            GiftCodeTerms t = parseValid("{'discountType':'VALUE','value':5,'activeFrom':'2026-07-01',"
                    + "'expirationDate':'2026-07-01'}", EUR);
            assertThat(t.activeFrom()).isEqualTo(t.expirationDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        }

        @Test
        void refusesABadDate() {
            assertThat(parse("{'discountType':'VALUE','value':5,'expirationDate':'2026-13-01'}")).isNull();
            assertThat(fields()).containsExactly("expirationDate");
        }
    }

    @Nested
    class Limits {

        @Test
        void limitsAreAtLeastOne() {
            assertThat(parse("{'discountType':'VALUE','value':5,'numberOfUsage':0,'perCustomerLimit':0}")).isNull();
            assertThat(fields()).containsExactly("numberOfUsage", "perCustomerLimit");
        }

        @Test
        void absentLimitsMeanUnlimited() {
            GiftCodeTerms t = parseValid("{'discountType':'VALUE','value':5}", EUR);
            assertThat(t.numberOfUsage()).isNull();
            assertThat(t.perCustomerLimit()).isNull();
        }
    }

    @Nested
    class DiscountWholeCart {

        @Test
        void defaultsToTrueWhenTheCodeIsUnrestricted() {
            assertThat(parseValid("{'discountType':'VALUE','value':5}", EUR).discountWholeCart()).isTrue();
            assertThat(parseValid("{'discountType':'VALUE','value':5,'products':[],'categories':[]}", EUR)
                    .discountWholeCart()).isTrue();
        }

        @Test
        void defaultsToFalseWhenTheCodeIsRestrictedToProducts() {
            assertThat(parseValid("{'discountType':'VALUE','value':5,'products':['SKU-1']}", EUR)
                    .discountWholeCart()).isFalse();
        }

        @Test
        void defaultsToFalseWhenTheCodeIsRestrictedToCategories() {
            assertThat(parseValid("{'discountType':'VALUE','value':5,'categories':[11]}", EUR)
                    .discountWholeCart()).isFalse();
        }

        @Test
        void anExplicitValueWins() {
            assertThat(parseValid("{'discountType':'VALUE','value':5,'discountWholeCart':0}", EUR)
                    .discountWholeCart()).isFalse();
            assertThat(parseValid("{'discountType':'VALUE','value':5,'products':['A'],'discountWholeCart':1}", EUR)
                    .discountWholeCart()).isTrue();
        }
    }

    @Nested
    class User {

        @Test
        void readsEmailAndCustomerGuid() {
            GiftCodeTerms t = parseValid("{'discountType':'VALUE','value':5,"
                    + "'user':{'email':'ann@example.com','customerGuid':'c-42'}}", EUR);
            assertThat(t.user()).isEqualTo(new GiftCodeTerms.CodeUser("ann@example.com", "c-42"));
        }

        @Test
        void aNumericCustomerGuidIsTakenAsText() {
            assertThat(parseValid("{'discountType':'VALUE','value':5,'user':{'customerGuid':42}}", EUR).user())
                    .isEqualTo(new GiftCodeTerms.CodeUser(null, "42"));
        }

        @Test
        void nullUserMeansAnyone() {
            assertThat(parseValid("{'discountType':'VALUE','value':5,'user':null}", EUR).user()).isNull();
        }

        @Test
        void refusesUnknownUserFieldsAndANonObject() {
            parse("{'discountType':'VALUE','value':5,'user':{'email':'a@b.c','phone':'336'}}");
            parse("{'discountType':'VALUE','value':5,'user':'ann'}");
            assertThat(fields()).containsExactly("user.phone", "user");
        }

        @Test
        void refusesAnOverlongEmail() {
            parse("{'discountType':'VALUE','value':5,'user':{'email':'" + "a".repeat(321) + "'}}");
            assertThat(fields()).containsExactly("user.email");
        }
    }

    @Test
    void restrictionsAreReadAsTrimmedText() {
        GiftCodeTerms t = parseValid("{'discountType':'VALUE','value':5,'products':[5,' SKU-1 '],"
                + "'categories':[11]}", EUR);
        assertThat(t.products()).containsExactly("5", "SKU-1");
        assertThat(t.categories()).containsExactly("11");
    }

    @Test
    void collectsEveryBadTermAtOnce() {
        parse("{'discountType':'PERCENT','value':101,'threshold':'x','combinable':2,'numberOfUsage':-1,"
                + "'products':[null],'campaignId':1.5}");
        assertThat(fields()).containsExactly("value", "threshold", "combinable", "numberOfUsage", "products[0]",
                "campaignId");
    }

    @Nested
    class RoundTrip {

        private GiftCodeTerms roundTrip(GiftCodeTerms terms, Store store) {
            return parseRaw(Json.write(GiftCodeJson.termsToJson(terms)), store);
        }

        @Test
        void everyTermSurvivesTermsToJsonAndBack() {
            GiftCodeTerms full = terms().value("12.5").discountType(DiscountType.PERCENT).threshold("30.5")
                    .combinable(false).description("12,5 % \"été\"").name("Summer")
                    .expirationDate("2026-08-31").activeFrom("2026-06-01").numberOfUsage(43).perCustomerLimit(2)
                    .products("SKU-1", "Canoe").categories("11").discountWholeCart(false).campaignId("63006938")
                    .user("ann@example.com", "c-42").build();
            assertThat(roundTrip(full, EUR)).isEqualTo(full);
            assertThat(errors.list()).isEmpty();
        }

        @Test
        void aMinimalCodeSurvivesTermsToJsonAndBack() {
            GiftCodeTerms minimal = new GiftCodeTerms(null, DiscountType.FREESHIPPING, null, true, null, null, null,
                    null, null, null, List.of(), List.of(), true, null, null);
            assertThat(roundTrip(minimal, EUR)).isEqualTo(minimal);
        }

        @Test
        void termsToJsonHasEveryTermFieldInTheCreationOrder() {
            Map<String, Object> json = GiftCodeJson.termsToJson(terms().build());
            assertThat(json.keySet()).containsExactly("value", "discountType", "threshold", "combinable",
                    "description", "name", "expirationDate", "activeFrom", "numberOfUsage", "perCustomerLimit",
                    "products", "categories", "discountWholeCart", "campaignId", "user");
            assertThat(json.keySet()).containsExactlyInAnyOrderElementsOf(GiftCodeJson.TERM_FIELDS);
        }

        @Test
        void toJsonAddsTheCodeAndItsUsage() {
            var code = new GiftCode(new StoreCode("13"), CodeValue.of("SUMMER"), terms().numberOfUsage(10).build(), 3,
                    Instant.parse("2026-06-15T10:00:00Z"));
            Map<String, Object> json = GiftCodeJson.toJson(code);
            assertThat(json).containsEntry("code", "SUMMER").containsEntry("usedCount", 3L)
                    .containsEntry("remainingUses", 7L).containsEntry("createdAt", "2026-06-15T10:00:00Z");
            var unlimited = new GiftCode(new StoreCode("13"), CodeValue.of("ANY"), terms().build(), 3, null);
            assertThat(GiftCodeJson.toJson(unlimited)).containsEntry("remainingUses", null);
        }

        @Test
        void remainingUsesNeverGoesBelowZero() {
            var code = new GiftCode(new StoreCode("13"), CodeValue.of("OVER"), terms().numberOfUsage(2).build(), 5,
                    null);
            assertThat(GiftCodeJson.toJson(code)).containsEntry("remainingUses", 0L);
        }
    }
}

package org.serverlessloyalty.shared.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;

class JsonFieldsTest {

    /** A ceiling for tests about something else: every amount has one. */
    private static final BigDecimal MAX = new BigDecimal("1000000");

    private final FieldErrors errors = FieldErrors.none();

    private JsonFields root(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json.replace('\'', '"'));
            return JsonFields.root(node, errors);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> fields() {
        return errors.list().stream().map(FieldErrors.FieldError::field).toList();
    }

    private String onlyMessage() {
        assertThat(errors.list()).hasSize(1);
        return errors.list().get(0).message();
    }

    @Nested
    class OpenLoyaltyIdLists {

        @Test
        void anEmptyTextOrOpenLoyaltysBracketsIsAnEmptyListAndDuplicatesAreDroppedInOrder() {
            assertThat(root("{'levels':''}").idList("levels", 10, 40)).isEmpty();
            assertThat(root("{'levels':'[ ]'}").idList("levels", 10, 40)).isEmpty();
            assertThat(root("{}").idList("levels", 10, 40)).isEmpty();
            assertThat(root("{'levels':['b','a','b']}").idList("levels", 10, 40)).containsExactly("b", "a");
            assertThat(errors.list()).isEmpty();
        }

        @Test
        void aTextThatIsNotEmptyIsRefusedOnceOnItsField() {
            var form = root("{'levels':'abc'}");
            assertThat(form.idList("levels", 10, 40)).isNull();
            assertThat(fields()).containsExactly("levels");
            assertThat(form.failed("levels")).isTrue();
            assertThat(form.failed("segments")).isFalse();
        }
    }

    @Nested
    class Paths {

        @Test
        void errorsInsideAnArrayOfObjectsCarryTheIndexedPath() {
            var codes = root("{'codes':[{},{},{},{'threshold':'high'}]}").objects("codes", 10);
            codes.get(3).decimal("threshold", BigDecimal.ZERO, MAX, 2);
            assertThat(fields()).containsExactly("codes[3].threshold");
        }

        @Test
        void errorsInsideNestedObjectsCarryTheDottedPath() {
            var cart = root("{'cart':{'items':[{'quantity':1},{'quantity':'two'}]}}").object("cart");
            var items = cart.objects("items", 10);
            items.forEach(item -> item.integer("quantity", 0, 100));
            assertThat(fields()).containsExactly("cart.items[1].quantity");
        }

        @Test
        void errorsInAListOfStringsCarryTheEntryIndex() {
            root("{'template':{'products':['a',null,'',true]}}").object("template").strings("products", 10, 20);
            assertThat(fields()).containsExactly("template.products[1]", "template.products[2]",
                    "template.products[3]");
        }

        @Test
        void anArrayEntryThatIsNotAnObjectIsNamedByIndex() {
            var out = root("{'codes':[{},'x',{}]}").objects("codes", 10);
            assertThat(out).hasSize(3);
            assertThat(out.get(1)).as("the request's indexes are kept").isNull();
            assertThat(out.get(2).path("code")).isEqualTo("codes[2].code");
            assertThat(fields()).containsExactly("codes[1]");
        }

        @Test
        void collectsEveryErrorOfOneRequestAtOnce() {
            var json = root("{'value':'x','threshold':-1,'combinable':'yes','expirationDate':'soon',"
                    + "'numberOfUsage':1.5,'discountType':'BOGUS','products':'a'}");
            json.decimal("value", BigDecimal.ZERO, MAX, 2);
            json.decimal("threshold", BigDecimal.ZERO, MAX, 2);
            json.bool("combinable");
            json.date("expirationDate");
            json.integer("numberOfUsage", 1, 10);
            json.enumValue("discountType", DiscountType.class);
            json.strings("products", 10, 10);
            json.require("name");
            assertThat(fields()).containsExactly("value", "threshold", "combinable", "expirationDate",
                    "numberOfUsage", "discountType", "products", "name");
        }

        @Test
        void childrenShareTheirParentsErrors() {
            var json = root("{'user':{'email':5}}");
            json.object("user").string("email", 10);
            assertThat(json.errors()).isSameAs(errors);
            assertThat(fields()).containsExactly("user.email");
        }
    }

    @Nested
    class PresenceAndUnknownFields {

        @Test
        void absentAndNullFieldsReadAsNullWithoutError() {
            var json = root("{'a':null}");
            assertThat(json.string("a", 5)).isNull();
            assertThat(json.decimal("a", null, MAX, 2)).isNull();
            assertThat(json.integer("missing", 0, 5)).isNull();
            assertThat(json.bool("missing")).isNull();
            assertThat(json.date("missing")).isNull();
            assertThat(json.strings("missing", 1, 1)).isNull();
            assertThat(json.object("missing")).isNull();
            assertThat(json.objects("missing", 1)).isNull();
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void requireNamesAbsentAndNullFields() {
            var json = root("{'code':null,'cart':{}}");
            json.require("code");
            json.require("cart");
            json.object("cart").require("total");
            assertThat(fields()).containsExactly("code", "cart.total");
            assertThat(errors.list().get(0).message()).isEqualTo("is required");
        }

        @Test
        void rejectsEveryUnknownFieldByItsPath() {
            var json = root("{'code':'A','colour':'red','generate':{'count':1,'size':2},'extra':1}");
            json.rejectUnknown(Set.of("code", "generate"));
            json.object("generate").rejectUnknown(Set.of("count"));
            assertThat(fields()).containsExactlyInAnyOrder("colour", "extra", "generate.size");
            assertThat(errors.list()).allSatisfy(e -> assertThat(e.message()).isEqualTo("is not a known field"));
        }

        @Test
        void knownFieldsPassRejectUnknown() {
            root("{'code':'A','value':1}").rejectUnknown(Set.of("code", "value", "other"));
            assertThat(errors.isEmpty()).isTrue();
        }
    }

    @Nested
    class Strings {

        @Test
        void stringIsStripped() {
            assertThat(root("{'name':'  Five off  '}").string("name", 8)).isEqualTo("Five off");
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void stringLongerThanTheLimitIsRefused() {
            assertThat(root("{'name':'abcdef'}").string("name", 5)).isNull();
            assertThat(fields()).containsExactly("name");
            assertThat(onlyMessage()).contains("5");
        }

        @Test
        void textWithControlOrFormatCharactersIsRefused() {
            var json = root("{'nul':'A\\u0000B','rlo':'invoice\\u202Egpj.exe','zwsp':'SUM\\u200BMER',"
                    + "'lone':'x\\ud800y','ok':'Café ☕ 😀 Zürich'}");
            assertThat(json.string("nul", 50)).isNull();
            assertThat(json.string("rlo", 50)).isNull();
            assertThat(json.identifier("zwsp", 50)).isNull();
            assertThat(json.string("lone", 50)).isNull();
            assertThat(json.string("ok", 50)).isEqualTo("Café ☕ 😀 Zürich");
            assertThat(fields()).containsExactly("nul", "rlo", "zwsp", "lone");
            assertThat(errors.list().get(0).message()).contains("control or format characters");
        }

        @Test
        void aListEntryWithAControlCharacterIsRefusedByIndex() {
            root("{'products':['ok','a\\u0007b']}").strings("products", 10, 20);
            assertThat(fields()).containsExactly("products[1]");
        }

        @Test
        void aNumberIsNotAString() {
            assertThat(root("{'name':5}").string("name", 5)).isNull();
            assertThat(onlyMessage()).isEqualTo("must be a string");
        }

        @Test
        void identifierAcceptsStringsAndWholeNumbers() {
            var json = root("{'a':'SKU-1','b':63006938,'c':12345678901234567890123}");
            assertThat(json.identifier("a", 10)).isEqualTo("SKU-1");
            assertThat(json.identifier("b", 10)).isEqualTo("63006938");
            assertThat(json.identifier("c", 30)).isEqualTo("12345678901234567890123");
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void identifierRefusesDecimalsAndBooleans() {
            var json = root("{'a':5.5,'b':true}");
            assertThat(json.identifier("a", 10)).isNull();
            assertThat(json.identifier("b", 10)).isNull();
            assertThat(fields()).containsExactly("a", "b");
        }

        @Test
        void identifierEnforcesItsMaxLengthForNumbersToo() {
            String digits = "9".repeat(200);
            assertThat(root("{'customerGuid':" + digits + "}").identifier("customerGuid", 128)).isNull();
            assertThat(fields()).containsExactly("customerGuid");
        }

        @Test
        void stringsTakesNumbersAsTheirTextAndStripsEntries() {
            assertThat(root("{'categories':[11,' shoes ','SKU-1']}").strings("categories", 5, 10))
                    .containsExactly("11", "shoes", "SKU-1");
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void stringsRefusesMoreEntriesThanTheLimit() {
            assertThat(root("{'products':['a','b','c']}").strings("products", 2, 10)).isNull();
            assertThat(fields()).containsExactly("products");
        }

        @Test
        void stringsRefusesAnEntryLongerThanTheLimit() {
            root("{'products':['abc','abcdef']}").strings("products", 5, 5);
            assertThat(fields()).containsExactly("products[1]");
        }

        @Test
        void stringsRefusesANonArray() {
            assertThat(root("{'products':'a'}").strings("products", 5, 5)).isNull();
            assertThat(onlyMessage()).isEqualTo("must be an array of strings");
        }

        @Test
        void enumValueIsCaseInsensitive() {
            assertThat(root("{'t':' percent '}").enumValue("t", DiscountType.class)).isEqualTo(DiscountType.PERCENT);
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void enumValueRefusalListsTheAllowedValues() {
            assertThat(root("{'t':'BOGO'}").enumValue("t", DiscountType.class)).isNull();
            assertThat(onlyMessage()).contains("VALUE", "PERCENT", "FREESHIPPING");
        }
    }

    @Nested
    class Numbers {

        @Test
        void decimalKeepsTheExactValue() {
            assertThat(root("{'v':1326.05}").decimal("v", null, MAX, 2)).isEqualByComparingTo("1326.05");
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void decimalWithTooManyPlacesIsRefused() {
            assertThat(root("{'v':5.255}").decimal("v", null, MAX, 2)).isNull();
            assertThat(fields()).containsExactly("v");
            assertThat(onlyMessage()).contains("2 decimal places");
        }

        @Test
        void trailingZerosDoNotCountAsDecimalPlaces() {
            assertThat(root("{'v':30.000}").decimal("v", null, MAX, 0)).isEqualByComparingTo("30");
            assertThat(root("{'w':5.10}").decimal("w", null, MAX, 1)).isEqualByComparingTo("5.1");
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void exponentNotationIsAPlainNumber() {
            BigDecimal value = root("{'v':1E+2}").decimal("v", null, MAX, 0);
            assertThat(value).isEqualByComparingTo("100");
            assertThat(value.scale()).isZero();
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void decimalBelowTheMinimumIsRefused() {
            assertThat(root("{'v':-0.01}").decimal("v", BigDecimal.ZERO, MAX, 2)).isNull();
            assertThat(onlyMessage()).isEqualTo("must be at least 0");
        }

        @Test
        void decimalAboveTheMaximumIsRefused() {
            assertThat(root("{'v':100.01}").decimal("v", null, new BigDecimal("100"), 2)).isNull();
            assertThat(onlyMessage()).isEqualTo("must be at most 100");
        }

        @Test
        void decimalBoundsAreInclusive() {
            var json = root("{'a':0,'b':100}");
            assertThat(json.decimal("a", BigDecimal.ZERO, new BigDecimal("100"), 2)).isEqualByComparingTo("0");
            assertThat(json.decimal("b", BigDecimal.ZERO, new BigDecimal("100"), 2)).isEqualByComparingTo("100");
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void aQuotedNumberIsNotANumber() {
            assertThat(root("{'v':'5'}").decimal("v", null, MAX, 2)).isNull();
            assertThat(onlyMessage()).isEqualTo("must be a number");
        }

        @Test
        void integerAcceptsWholeNumbersIncludingAZeroFraction() {
            var json = root("{'a':43,'b':132600.00}");
            assertThat(json.integer("a", 1, 100)).isEqualTo(43L);
            assertThat(json.integer("b", 0, Long.MAX_VALUE)).isEqualTo(132_600L);
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void integerRefusesFractionsStringsAndHugeNumbers() {
            var json = root("{'a':1.5,'b':'5','c':99999999999999999999999}");
            assertThat(json.integer("a", 0, 10)).isNull();
            assertThat(json.integer("b", 0, 10)).isNull();
            assertThat(json.integer("c", 0, Long.MAX_VALUE)).isNull();
            assertThat(fields()).containsExactly("a", "b", "c");
        }

        @Test
        void integerOutsideItsRangeIsRefused() {
            var json = root("{'low':0,'high':11,'ok':10}");
            assertThat(json.integer("low", 1, 10)).isNull();
            assertThat(json.integer("high", 1, 10)).isNull();
            assertThat(json.integer("ok", 1, 10)).isEqualTo(10L);
            assertThat(fields()).containsExactly("low", "high");
            assertThat(errors.list().get(0).message()).isEqualTo("must be between 1 and 10");
        }

        /** Trees with such numbers no longer come out of Json.parseObject; JsonFields stays safe on any tree. */
        private JsonFields withNumber(String number) {
            var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            node.set("v", com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new BigDecimal(number)));
            return JsonFields.root(node, errors);
        }

        @Test
        void aHugeExponentIsRefusedByTheBoundsWithoutBeingExpanded() {
            long before = System.nanoTime();
            assertThat(withNumber("1e10000000").decimal("v", BigDecimal.ZERO, MAX, 2)).isNull();
            assertThat(withNumber("-1e1000000000").decimal("v", BigDecimal.ZERO, MAX, 2)).isNull();
            assertThat(withNumber("1e-1000000000").decimal("v", BigDecimal.ZERO, MAX, 2)).isNull();
            assertThat(withNumber("1e10000000").integer("v", 0, Long.MAX_VALUE)).isNull();
            assertThat(withNumber("1e-1000000000").integer("v", 0, Long.MAX_VALUE)).isNull();
            assertThat(System.nanoTime() - before).as("nanoseconds").isLessThan(100_000_000L);
            assertThat(errors.list()).extracting(FieldErrors.FieldError::message).containsExactly(
                    "must be at most 1000000", "must be at least 0", "must have at most 2 decimal places",
                    "must be between 0 and 9223372036854775807", "must be a whole number");
        }

        @Test
        void aHugeNumberOfDigitsWithinTheBoundsIsRefusedForItsPlaces() {
            assertThat(withNumber("0." + "1".repeat(5_000)).decimal("v", BigDecimal.ZERO, MAX, 6)).isNull();
            assertThat(onlyMessage()).isEqualTo("must have at most 6 decimal places");
        }

        @Test
        void decimalNeedsAnUpperBound() {
            org.assertj.core.api.Assertions.assertThatNullPointerException()
                    .isThrownBy(() -> root("{'v':1}").decimal("v", BigDecimal.ZERO, null, 2));
        }
    }

    @Nested
    class Booleans {

        @Test
        void booleanAcceptsTrueAndFalse() {
            var json = root("{'a':true,'b':false}");
            assertThat(json.bool("a")).isTrue();
            assertThat(json.bool("b")).isFalse();
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void booleanAcceptsOneAndZeroAsTheCiblerBodySends() {
            var json = root("{'discountWholeCart':1,'combinable':0}");
            assertThat(json.bool("discountWholeCart")).isTrue();
            assertThat(json.bool("combinable")).isFalse();
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void booleanRefusesOtherNumbersStringsAndFractions() {
            var json = root("{'a':2,'b':-1,'c':'true','d':1.0,'e':'1'}");
            for (String f : List.of("a", "b", "c", "d", "e")) {
                assertThat(json.bool(f)).as(f).isNull();
            }
            assertThat(fields()).containsExactly("a", "b", "c", "d", "e");
            assertThat(errors.list()).allSatisfy(e -> assertThat(e.message()).isEqualTo("must be true or false"));
        }

        @Test
        void booleanRefusesLargeNumbersThatTruncateToOneOrZero() {
            var json = root("{'a':4294967297,'b':4294967296}");
            assertThat(json.bool("a")).isNull();
            assertThat(json.bool("b")).isNull();
            assertThat(fields()).containsExactly("a", "b");
        }
    }

    @Nested
    class Dates {

        @Test
        void dateIsAnIsoLocalDate() {
            assertThat(root("{'d':'2021-06-23'}").date("d")).isEqualTo(LocalDate.of(2021, 6, 23));
            assertThat(errors.isEmpty()).isTrue();
        }

        @Test
        void dateRefusesOtherFormatsAndImpossibleDays() {
            var json = root("{'a':'23/06/2021','b':'2026-02-30','c':'2021-06-23T00:00:00','d':20210623}");
            for (String f : List.of("a", "b", "c", "d")) {
                assertThat(json.date(f)).as(f).isNull();
            }
            assertThat(fields()).containsExactly("a", "b", "c", "d");
        }
    }

    @Nested
    class Objects {

        @Test
        void objectRefusesANonObject() {
            assertThat(root("{'user':'me'}").object("user")).isNull();
            assertThat(onlyMessage()).isEqualTo("must be an object");
        }

        @Test
        void objectsRefusesANonArrayAndTooManyEntries() {
            var json = root("{'a':{},'b':[{},{},{}]}");
            assertThat(json.objects("a", 5)).isNull();
            assertThat(json.objects("b", 2)).isNull();
            assertThat(fields()).containsExactly("a", "b");
            assertThat(errors.list().get(1).message()).contains("2").contains("3");
        }
    }
}

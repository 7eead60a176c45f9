package org.serverlessloyalty.shared.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serverlessloyalty.shared.testing.ApiEvents;

/** {@link OpenLoyaltyBody}: Open Loyalty's form-encoded and JSON bodies, with or without the root key, as one tree. */
class OpenLoyaltyBodyTest {

    private static final String FORM = OpenLoyaltyBody.FORM;
    private static final String JSON = OpenLoyaltyBody.JSON;
    private static final BigDecimal MAX = new BigDecimal("1000000");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static JsonFields form(String body, String root) {
        return OpenLoyaltyBody.parse(FORM, body.getBytes(StandardCharsets.UTF_8), root);
    }

    static JsonFields json(String body, String root) {
        return OpenLoyaltyBody.parse(JSON, body.replace('\'', '"').getBytes(StandardCharsets.UTF_8), root);
    }

    /** JSON as written, quotes included. */
    static JsonFields exactJson(String body, String root) {
        return OpenLoyaltyBody.parse(JSON, body.getBytes(StandardCharsets.UTF_8), root);
    }

    static ApiException refusal(Runnable parse) {
        ApiException e = catchThrowableOfType(ApiException.class, parse::run);
        assertThat(e).as("a refusal").isNotNull();
        return e;
    }

    static List<String> fields(ApiException e) {
        assertThat(e.status()).isEqualTo(400);
        return e.fieldErrors().list().stream().map(FieldErrors.FieldError::field).toList();
    }

    static List<String> fields(JsonFields read) {
        return read.errors().list().stream().map(FieldErrors.FieldError::field).toList();
    }

    static String message(ApiException e) {
        return e.fieldErrors().list().get(0).message();
    }

    /** CPU this thread spends on {@code work}, after one warm-up run. */
    static long cpuNanos(Supplier<?> work) {
        try {
            work.get();
        } catch (ApiException ignored) {
            // warm-up only
        }
        long before = THREADS.getCurrentThreadCpuTime();
        try {
            work.get();
        } catch (ApiException ignored) {
            // the cost is what is measured
        }
        return THREADS.getCurrentThreadCpuTime() - before;
    }

    @Nested
    class Forms {

        @Test
        void anOpenLoyaltyStoreFormIsReadUnderItsRootWithPathsAsSent() {
            JsonFields store = form("store[code]=13&store[name]=Demo+shop&store[currency]=EUR&store[active]=1", "store");
            assertThat(store.string("code", 64)).isEqualTo("13");
            assertThat(store.string("name", 64)).isEqualTo("Demo shop");
            assertThat(store.string("currency", 3)).isEqualTo("EUR");
            assertThat(store.bool("active")).isTrue();
            assertThat(store.path("currency")).isEqualTo("store[currency]");
            assertThat(store.errors().isEmpty()).isTrue();
        }

        @Test
        void aFormWithoutTheRootKeyIsReadAsTheFieldsThemselves() {
            JsonFields transfer = form("customer=c-1&points=9", "transfer");
            assertThat(transfer.string("customer", 64)).isEqualTo("c-1");
            assertThat(transfer.decimal("points", BigDecimal.ZERO, MAX, 2)).isEqualByComparingTo("9");
            assertThat(transfer.path("points")).isEqualTo("points");
        }

        @Test
        void indexedAndAppendedFieldsAreLists() {
            JsonFields campaign = form("campaign[levels][1]=b&campaign[levels][0]=a&campaign[segments][]=s1"
                    + "&campaign[segments][]=s2&campaign[segments][]=s3", "campaign");
            assertThat(campaign.strings("levels", 10, 64)).containsExactly("a", "b");
            assertThat(campaign.strings("segments", 10, 64)).containsExactly("s1", "s2", "s3");
        }

        @Test
        void appendingAfterAnIndexContinuesFromTheLargestIndexAsPhpDoes() {
            JsonFields campaign = form("campaign[levels][0]=a&campaign[levels][]=b", "campaign");
            assertThat(campaign.strings("levels", 10, 64)).containsExactly("a", "b");
        }

        @Test
        void nestedFieldsAreObjectsAndListsOfObjects() {
            JsonFields campaign = form("campaign[translations][en][name]=Summer&campaign[translations][fr][name]=%C3%89t%C3%A9"
                    + "&campaign[codes][0][value]=5&campaign[codes][1][value]=x", "campaign");
            JsonFields translations = campaign.object("translations");
            assertThat(translations.object("en").string("name", 64)).isEqualTo("Summer");
            assertThat(translations.object("fr").string("name", 64)).isEqualTo("Été");
            List<JsonFields> codes = campaign.objects("codes", 10);
            assertThat(codes.get(0).decimal("value", BigDecimal.ZERO, MAX, 2)).isEqualByComparingTo("5");
            assertThat(codes.get(1).decimal("value", BigDecimal.ZERO, MAX, 2)).isNull();
            assertThat(fields(campaign)).containsExactly("campaign[codes][1][value]");
            assertThat(translations.object("fr").path("name")).isEqualTo("campaign[translations][fr][name]");
        }

        @Test
        void percentEncodingAndPlusAreDecodedInNamesAndValues() {
            JsonFields store = form("store%5Bname%5D=Caf%C3%A9+de+Paris&store[code]=a%2Bb%26c%3Dd", "store");
            assertThat(store.string("name", 64)).isEqualTo("Café de Paris");
            assertThat(store.string("code", 64)).isEqualTo("a+b&c=d");
        }

        @Test
        void spacesAroundANameAndEmptyPairsAreIgnoredAsOpenLoyaltysOwnExamplesSendThem() {
            JsonFields store = form("store[active] = 1&&store[name] = store_name&", "store");
            assertThat(store.string("name", 64)).isEqualTo("store_name");
            assertThat(store.bool("active")).isTrue();
        }

        @Test
        void aFieldWithoutEqualsIsAnEmptyValue() {
            JsonFields store = form("store[name]", "store");
            assertThat(store.string("name", 64)).isEmpty();
        }

        @Test
        void aListWithAGapIsRefusedNamingItRatherThanRenumbered() {
            ApiException e = refusal(() -> form("campaign[levels][0]=a&campaign[levels][2]=c", "campaign"));
            assertThat(fields(e)).containsExactly("campaign[levels]");
            assertThat(message(e)).contains("without gaps");
        }

        @Test
        void indexesAndNamesMixedMakeAnObject() {
            JsonFields campaign = form("campaign[x][0]=a&campaign[x][name]=b", "campaign");
            assertThat(campaign.object("x").string("0", 10)).isEqualTo("a");
            assertThat(campaign.strings("x", 10, 10)).isNull();
            assertThat(fields(campaign)).containsExactly("campaign[x]");
        }

        @Test
        void anEmptyOrBlankBodyIsAnEmptyObject() {
            for (String body : List.of("", "  \r\n")) {
                JsonFields empty = form(body, "store");
                empty.require("code");
                assertThat(fields(empty)).containsExactly("code");
            }
        }

        @Test
        void aRootKeyThatDoesNotHoldFieldsIsNamed() {
            assertThat(fields(refusal(() -> form("store=13", "store")))).containsExactly("store");
            assertThat(fields(refusal(() -> form("store[]=13", "store")))).containsExactly("store");
        }

        @Test
        void theRootKeyNextToOtherFieldsIsAnOrdinaryField() {
            JsonFields body = form("store[code]=1&name=x", "store");
            body.rejectUnknown(java.util.Set.of("code", "name"));
            assertThat(fields(body)).containsExactly("store");
        }
    }

    @Nested
    class JsonBodies {

        @Test
        void jsonWithAndWithoutTheRootKeyReadsAsTheFormDoes() {
            for (JsonFields transfer : List.of(
                    json("{'transfer':{'customer':'c-1','points':9}}", "transfer"),
                    json("{'customer':'c-1','points':'9'}", "transfer"),
                    form("transfer[customer]=c-1&transfer[points]=9", "transfer"))) {
                assertThat(transfer.string("customer", 64)).isEqualTo("c-1");
                assertThat(transfer.decimal("points", BigDecimal.ZERO, MAX, 2)).isEqualByComparingTo("9");
            }
        }

        @Test
        void jsonErrorPathsAreWrittenAsTheClientsWriteThem() {
            JsonFields campaign = json("{'campaign':{'levels':[{'x':1},{'x':'y'}]}}", "campaign");
            campaign.objects("levels", 10).forEach(level -> level.integer("x", 0, 10));
            assertThat(fields(campaign)).containsExactly("campaign[levels][1][x]");
            JsonFields flat = json("{'levels':[{'x':'y'}]}", "campaign");
            flat.objects("levels", 10).forEach(level -> level.integer("x", 0, 10));
            assertThat(fields(flat)).containsExactly("levels[0][x]");
        }

        @Test
        void aDuplicateKeyOrHugeNumberInJsonIsNamedInBrackets() {
            assertThat(fields(refusal(() -> json("{'store':{'name':'a','name':'b'}}", "store"))))
                    .containsExactly("store[name]");
            assertThat(fields(refusal(() -> json("{'transfer':{'points':1e10000000}}", "transfer"))))
                    .containsExactly("transfer[points]");
        }

        @Test
        void aJsonRootThatIsNotAnObjectIsNamed() {
            assertThat(fields(refusal(() -> json("{'store':null}", "store")))).containsExactly("store");
            assertThat(fields(refusal(() -> json("{'store':'13'}", "store")))).containsExactly("store");
        }

        @Test
        void malformedJsonOrAJsonBodyThatIsNotAnObjectNamesTheBody() {
            assertThat(fields(refusal(() -> json("{'store':", "store")))).containsExactly("body");
            assertThat(fields(refusal(() -> json("[1,2]", "store")))).containsExactly("body");
        }

        @Test
        void anIntegerWhereATextIsExpectedIsItsDigitsAsInSymfonyForms() {
            JsonFields store = json("{'store':{'code':13,'name':1.5}}", "store");
            assertThat(store.string("code", 64)).isEqualTo("13");
            assertThat(store.string("name", 64)).isNull();
            assertThat(fields(store)).containsExactly("store[name]");
        }
    }

    @Nested
    class MediaTypes {

        private JsonFields parse(String type, String body) {
            return OpenLoyaltyBody.parse(type, body.getBytes(StandardCharsets.UTF_8), "store");
        }

        @Test
        void aBodyThatOpensWithABraceIsJsonWhateverItsLabel() {
            for (String type : new String[] {FORM, "text/plain", null}) {
                assertThat(parse(type, " {\"store\":{\"name\":\"x\"}}").string("name", 10)).isEqualTo("x");
            }
        }

        @Test
        void aFormWithoutContentTypeIsAForm() {
            assertThat(parse(null, "store[name]=x").string("name", 10)).isEqualTo("x");
        }

        @Test
        void jsonMediaTypesAreJsonEvenWhenTheBodyIsNot() {
            assertThat(fields(refusal(() -> parse(JSON, "store[name]=x")))).containsExactly("body");
            assertThat(fields(refusal(() -> parse("application/vnd.api+json", "store[name]=x")))).containsExactly("body");
        }

        @ParameterizedTest
        @ValueSource(strings = {"multipart/form-data", "text/plain", "application/xml"})
        void otherMediaTypesAre415NamingContentType(String type) {
            ApiException e = refusal(() -> parse(type, "store[name]=x"));
            assertThat(e.status()).isEqualTo(415);
            assertThat(e.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            assertThat(e.fieldErrors().list()).extracting(FieldErrors.FieldError::field).containsExactly("Content-Type");
        }

        @Test
        void theRequestsMediaTypeAndBase64BodyAreWhatIsRead() {
            var event = ApiEvents.route("POST /api/store").formBody("store[name]=Caf%C3%A9&store[active]=0").build();
            event.getHeaders().put("content-type", "application/x-www-form-urlencoded; charset=UTF-8");
            JsonFields store = OpenLoyaltyBody.parse(new ApiRequest(event), "store");
            assertThat(store.string("name", 10)).isEqualTo("Café");
            assertThat(store.bool("active")).isFalse();
        }

        @Test
        void anOversizedBodyIs413BeforeAnyParsing() {
            var event = ApiEvents.route("POST /api/store").formBody("a=" + "x".repeat(ApiRequest.MAX_BODY_BYTES)).build();
            assertThat(refusal(() -> OpenLoyaltyBody.parse(new ApiRequest(event), "store")).status()).isEqualTo(413);
        }
    }

    @Nested
    class Booleans {

        @ParameterizedTest
        @ValueSource(strings = {"0", "false", "null", "'0'", "%22false%22", "'null'", "+0+", "%22%270%27%22"})
        void openLoyaltysFalseValuesAreFalseInAForm(String value) {
            JsonFields store = form("store[active]=" + value, "store");
            assertThat(store.bool("active")).isFalse();
            assertThat(store.olBool("active")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "true", "on", "yes", "no", "inactive", "FALSE", "", "00", "0.0"})
        void anyOtherValueIsTrueInAForm(String value) {
            JsonFields store = form("store[active]=" + value, "store");
            assertThat(store.bool("active")).isTrue();
            assertThat(store.olBool("active")).isTrue();
            assertThat(store.errors().isEmpty()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"false", "0", "0.0", "-0", "null", "\"0\"", "\"false\"", "\"null\"", "\"'false'\""})
        void openLoyaltysFalseValuesAreFalseInJson(String value) {
            assertThat(exactJson("{\"store\":{\"active\":" + value + "}}", "store").olBool("active")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"true", "1", "-1", "0.5", "2", "\"yes\"", "\"1\""})
        void anyOtherJsonValueIsTrue(String value) {
            assertThat(exactJson("{\"store\":{\"active\":" + value + "}}", "store").bool("active")).isTrue();
        }

        @Test
        void anAbsentFieldIsFalseByOpenLoyaltysRuleAndNullForTheRoutesDefault() {
            JsonFields store = form("store[name]=x", "store");
            assertThat(store.olBool("active")).isFalse();
            assertThat(store.bool("active")).isNull();
        }

        @Test
        void aListOrObjectIsNoBoolean() {
            JsonFields store = form("store[active][]=1&store[enabled][x]=1", "store");
            assertThat(store.bool("active")).isNull();
            assertThat(store.olBool("enabled")).isNull();
            assertThat(fields(store)).containsExactly("store[active]", "store[enabled]");
        }

        @Test
        void thisApisOwnJsonKeepsItsStrictBooleans() {
            JsonFields strict = JsonFields.root(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("active", "false"), FieldErrors.none());
            assertThat(strict.bool("active")).isNull();
            assertThat(fields(strict)).containsExactly("active");
        }
    }

    @Nested
    class NumbersInText {

        @Test
        void aNumberSentAsTextIsReadExactly() {
            JsonFields transfer = form("transfer[points]=+9.50+&transfer[count]=12&transfer[big]=1e3&transfer[neg]=-2"
                    + "&transfer[dot]=.5", "transfer");
            assertThat(transfer.decimal("points", BigDecimal.ZERO, MAX, 2)).isEqualTo(new BigDecimal("9.5"));
            assertThat(transfer.integer("count", 0, 100)).isEqualTo(12L);
            assertThat(transfer.integer("big", 0, 10_000)).isEqualTo(1000L);
            assertThat(transfer.decimal("neg", new BigDecimal("-10"), MAX, 0)).isEqualByComparingTo("-2");
            assertThat(transfer.decimal("dot", BigDecimal.ZERO, MAX, 1)).isEqualByComparingTo("0.5");
            assertThat(transfer.errors().isEmpty()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "0x10", "NaN", "Infinity", "1,5", "1e", "--1", "9%C2%A0", "%D9%A3"})
        void aTextThatIsNotANumberIsNamed(String value) {
            JsonFields transfer = form("transfer[points]=" + value, "transfer");
            assertThat(transfer.decimal("points", BigDecimal.ZERO, MAX, 2)).isNull();
            assertThat(transfer.errors().list()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("transfer[points]");
                assertThat(e.message()).isEqualTo("must be a number");
            });
        }

        @Test
        void aWholeNumberFieldRefusesAFraction() {
            JsonFields transfer = form("transfer[count]=9.5&transfer[other]=9.0", "transfer");
            assertThat(transfer.integer("count", 0, 100)).isNull();
            assertThat(transfer.integer("other", 0, 100)).isEqualTo(9L);
            assertThat(fields(transfer)).containsExactly("transfer[count]");
        }

        @Test
        void boundsApplyAsToJsonNumbers() {
            JsonFields transfer = form("transfer[a]=1e999&transfer[b]=-1&transfer[c]=1.234", "transfer");
            assertThat(transfer.decimal("a", BigDecimal.ZERO, MAX, 2)).isNull();
            assertThat(transfer.decimal("b", BigDecimal.ZERO, MAX, 2)).isNull();
            assertThat(transfer.decimal("c", BigDecimal.ZERO, MAX, 2)).isNull();
            assertThat(transfer.errors().list()).extracting(FieldErrors.FieldError::message)
                    .containsExactly("must be at most 1000000", "must be at least 0", "must have at most 2 decimal places");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e10000000", "1e3000000000", "-1e-1000000000", "1E%2B0000000000001000"})
        void aHugeExponentInTextIsRefusedInConstantTime(String value) {
            long spent = cpuNanos(() -> {
                JsonFields transfer = form("transfer[points]=" + value, "transfer");
                transfer.decimal("points", BigDecimal.ZERO, MAX, 2);
                transfer.integer("points", 0, 100);
                return transfer;
            });
            JsonFields transfer = form("transfer[points]=" + value, "transfer");
            assertThat(transfer.decimal("points", BigDecimal.ZERO, MAX, 2)).isNull();
            assertThat(transfer.errors().list()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("transfer[points]");
                assertThat(e.message()).contains("exponent");
            });
            assertThat(spent).as("CPU nanoseconds").isLessThan(JsonBodyTest.CPU_BUDGET_NANOS);
        }

        @Test
        void aTwoThousandDigitNumberInTextIsRefusedWithoutBeingConverted() {
            String digits = "9".repeat(2_000);
            long spent = cpuNanos(() -> form("transfer[points]=" + digits, "transfer").integer("points", 0, 100));
            JsonFields transfer = form("transfer[points]=" + digits, "transfer");
            assertThat(transfer.integer("points", 0, 100)).isNull();
            assertThat(transfer.errors().list().get(0).message()).contains("at most " + Json.MAX_NUMBER_CHARS);
            assertThat(spent).as("CPU nanoseconds").isLessThan(JsonBodyTest.CPU_BUDGET_NANOS);
        }
    }

    @Nested
    class Hostile {

        @Test
        void aFieldGivenTwiceIsNamedAsInJson() {
            ApiException e = refusal(() -> form("transfer[points]=1&transfer[points]=2", "transfer"));
            assertThat(fields(e)).containsExactly("transfer[points]");
            assertThat(message(e)).contains("more than once");
            assertThat(fields(refusal(() -> form("a=1&a=2", "x")))).containsExactly("a");
        }

        @Test
        void aFieldGivenAsBothAValueAndAnObjectIsNamed() {
            assertThat(fields(refusal(() -> form("t[a]=1&t[a][b]=2", "t")))).containsExactly("t[a]");
            assertThat(fields(refusal(() -> form("t[a][b]=2&t[a]=1", "t")))).containsExactly("t[a]");
        }

        @Test
        void nestingDeeperThanTheJsonLimitIsRefusedAndTheLimitItselfIsRead() {
            String fine = "a" + "[b]".repeat(Json.MAX_DEPTH - 1) + "=1";
            assertThat(form(fine, "x").errors().isEmpty()).isTrue();
            String deep = "a" + "[b]".repeat(Json.MAX_DEPTH) + "=1";
            ApiException e = refusal(() -> form(deep, "x"));
            assertThat(message(e)).contains("nested more than");
        }

        @Test
        void aHundredThousandLevelsAreRefusedCheaply() {
            String deep = "a" + "[b]".repeat(60_000) + "=1";
            long spent = cpuNanos(() -> form(deep, "x"));
            assertThat(fields(refusal(() -> form(deep, "x")))).hasSize(1);
            assertThat(spent).as("CPU nanoseconds").isLessThan(JsonBodyTest.CPU_BUDGET_NANOS);
        }

        @Test
        void tenThousandFieldsAreReadInLinearTime() {
            String many = IntStream.range(0, 10_000).mapToObj(i -> "campaign[f" + i + "]=" + i)
                    .collect(Collectors.joining("&"));
            String list = IntStream.range(0, 10_000).mapToObj(i -> "campaign[levels][]=l" + i)
                    .collect(Collectors.joining("&"));
            long spent = cpuNanos(() -> form(many, "campaign")) + cpuNanos(() -> form(list, "campaign"));
            assertThat(form(many, "campaign").integer("f9999", 0, 10_000)).isEqualTo(9999L);
            assertThat(form(list, "campaign").strings("levels", 10_000, 10)).hasSize(10_000).endsWith("l9999");
            assertThat(spent).as("CPU nanoseconds for 20,000 fields").isLessThan(200_000_000L);
        }

        @Test
        void tenThousandRepeatedFieldsStopAtTheErrorLimit() {
            String repeated = "a=1&".repeat(10_000);
            ApiException e = refusal(() -> form(repeated, "x"));
            assertThat(e.fieldErrors().size()).isEqualTo(Json.MAX_BODY_ERRORS);
        }

        @Test
        void aFieldNameWithAControlCharacterIsRefusedShowingItAsAQuestionMark() {
            ApiException e = refusal(() -> form("store[co%00de]=1", "store"));
            assertThat(fields(e)).containsExactly("store[co?de]");
            assertThat(message(e)).contains("control or format");
            assertThat(fields(refusal(() -> form("st%E2%80%AEore=1", "store")))).containsExactly("st?ore");
        }

        @Test
        void aValueWithAControlCharacterIsRefusedWhenRead() {
            JsonFields store = form("store[name]=Shop%00", "store");
            assertThat(store.string("name", 64)).isNull();
            assertThat(fields(store)).containsExactly("store[name]");
        }

        @Test
        void aFieldNameOfThreeThousandCharactersIsRefusedWithoutEchoingIt() {
            String name = "n".repeat(3_000);
            ApiException e = refusal(() -> form("store[" + name + "]=1", "store"));
            assertThat(e.fieldErrors().list()).singleElement().satisfies(error -> {
                assertThat(error.field()).startsWith("store[").hasSizeLessThan(60);
                assertThat(error.message()).doesNotContain("n".repeat(50));
            });
        }

        @Test
        void brokenPercentEncodingOrUtf8IsNamed() {
            assertThat(fields(refusal(() -> form("store[name]=%zz", "store")))).containsExactly("store[name]");
            assertThat(fields(refusal(() -> form("store[name]=%4", "store")))).containsExactly("store[name]");
            assertThat(fields(refusal(() -> form("store[name]=%C3%28", "store")))).containsExactly("store[name]");
            assertThat(fields(refusal(() -> form("store[na%ZZme]=1", "store")))).containsExactly("body");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[a]=1", "a]=1", "a[b=1", "a[b]c=1", "a[b[c]]=1", "=1"})
        void aNameAFormCannotSendIsRefused(String body) {
            ApiException e = refusal(() -> form(body, "x"));
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.fieldErrors().list()).hasSize(1);
        }

        @Test
        void aHostileBodyNeverCostsMoreThanReadingIt() {
            String hostile = "a[" + "[".repeat(100_000) + "=1&" + "b=%".repeat(20_000) + "&c" + "]".repeat(50_000);
            long spent = cpuNanos(() -> form(hostile, "x"));
            assertThat(spent).as("CPU nanoseconds").isLessThan(50_000_000L);
        }
    }
}

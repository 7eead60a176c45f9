package org.serverlessloyalty.shared.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Json#parseObject}: a request body becomes a tree only when every number, name and nesting is bounded. */
class JsonBodyTest {

    /** CPU time one hostile body may cost; before the bounds, {@code 1e10000000} cost seconds. */
    static final long CPU_BUDGET_NANOS = 20_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static JsonNode parse(String json) {
        return Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    static ApiException refusal(String json) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> parse(json));
        assertThat(e).as("refusal of %s", json.length() > 80 ? json.substring(0, 80) + "..." : json).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e;
    }

    static List<String> fields(ApiException e) {
        return e.fieldErrors().list().stream().map(FieldErrors.FieldError::field).toList();
    }

    @Nested
    class Numbers {

        @ParameterizedTest
        @ValueSource(strings = {"1e10000000", "1e3000000000", "-1e1000000000", "1e-1000000000", "1E+0000000000001000",
                "0e999999999999"})
        void aNumberWithAHugeExponentIs400NamingItsFieldInConstantTime(String number) {
            parse("{\"orderInformation\":{\"totalSpent\":1.5}}"); // warm up the parser classes
            long before = THREADS.getCurrentThreadCpuTime();
            ApiException e = refusal("{\"orderInformation\":{\"orderId\":1,\"totalSpent\":" + number + "}}");
            long spent = THREADS.getCurrentThreadCpuTime() - before;
            assertThat(fields(e)).containsExactly("orderInformation.totalSpent");
            assertThat(e.fieldErrors().list().get(0).message()).contains("exponent");
            assertThat(spent).as("CPU nanoseconds").isLessThan(CPU_BUDGET_NANOS);
        }

        @Test
        void aTwoThousandDigitIntegerIs400NamingItsFieldInConstantTime() {
            parse("{\"cart\":{\"total\":1}}");
            String digits = "9".repeat(2_000);
            long before = THREADS.getCurrentThreadCpuTime();
            ApiException e = refusal("{\"cart\":{\"items\":[{},{\"quantity\":" + digits + "}]}}");
            long spent = THREADS.getCurrentThreadCpuTime() - before;
            assertThat(fields(e)).containsExactly("cart.items[1].quantity");
            assertThat(e.fieldErrors().list().get(0).message()).contains("at most " + Json.MAX_NUMBER_CHARS);
            assertThat(spent).as("CPU nanoseconds").isLessThan(CPU_BUDGET_NANOS);
        }

        @Test
        void aHugeNumberInsideAnArrayIsNamedByItsIndex() {
            ApiException e = refusal("{\"codes\":[{\"value\":1},{\"value\":2,\"threshold\":[0,1e99999]}]}");
            assertThat(fields(e)).containsExactly("codes[1].threshold[1]");
        }

        @Test
        void aHugeNumberAsTheOnlyValueOfTheBodyIsNamedBody() {
            ApiException e = refusal("1e10000000");
            assertThat(fields(e)).containsExactly("body");
        }

        @Test
        void everyHugeNumberOfOneBodyIsNamed() {
            ApiException e = refusal("{\"a\":1e10000000,\"b\":{\"c\":-1e-10000000},\"d\":[" + "1".repeat(100) + "]}");
            assertThat(fields(e)).containsExactly("a", "b.c", "d[0]");
        }

        @Test
        void ordinaryNumbersKeepTheirExactValue() {
            JsonNode node = parse("{\"a\":150.0,\"b\":1.5E+2,\"c\":0.1,\"d\":-42,\"e\":9223372036854775807,"
                    + "\"f\":99999999999999999999,\"g\":1e999,\"h\":2.5e-999}");
            assertThat(node.get("a").decimalValue()).isEqualByComparingTo("150");
            assertThat(node.get("b").decimalValue()).isEqualByComparingTo("150");
            assertThat(node.get("c").decimalValue()).isEqualTo(new BigDecimal("0.1"));
            assertThat(node.get("d").isIntegralNumber()).isTrue();
            assertThat(node.get("d").asLong()).isEqualTo(-42);
            assertThat(node.get("e").asLong()).isEqualTo(Long.MAX_VALUE);
            assertThat(node.get("f").bigIntegerValue()).isEqualTo(new java.math.BigInteger("99999999999999999999"));
            assertThat(node.get("g").decimalValue()).isEqualByComparingTo(BigDecimal.ONE.scaleByPowerOfTen(999));
            assertThat(node.get("h").decimalValue()).isEqualByComparingTo(new BigDecimal("2.5e-999"));
        }
    }

    @Nested
    class Structure {

        @Test
        void aDuplicateKeyIs400NamingIt() {
            ApiException e = refusal("{\"orderInformation\":{\"orderId\":1,\"totalSpent\":1,\"totalSpent\":2}}");
            assertThat(fields(e)).containsExactly("orderInformation.totalSpent");
            assertThat(e.fieldErrors().list().get(0).message()).contains("more than once");
        }

        @Test
        void aDuplicateKeyInsideAnArrayEntryIsNamedWithItsIndex() {
            ApiException e = refusal("{\"codes\":[{\"code\":\"A\"},{\"code\":\"B\",\"code\":\"C\"}]}");
            assertThat(fields(e)).containsExactly("codes[1].code");
        }

        @Test
        void theSameKeyInTwoObjectsIsNoDuplicate() {
            JsonNode node = parse("{\"a\":{\"x\":1},\"b\":{\"x\":2},\"c\":[{\"x\":3},{\"x\":4}]}");
            assertThat(node.get("c").get(1).get("x").asInt()).isEqualTo(4);
        }

        @Test
        void nestingDeeperThanTheLimitIs400() {
            String deep = "{\"a\":".repeat(Json.MAX_DEPTH + 1) + "1" + "}".repeat(Json.MAX_DEPTH + 1);
            ApiException e = refusal(deep);
            assertThat(e.fieldErrors().list().get(0).message()).contains("nested");
            String fine = "{\"a\":".repeat(Json.MAX_DEPTH) + "1" + "}".repeat(Json.MAX_DEPTH);
            assertThat(parse(fine).isObject()).isTrue();
        }

        @Test
        void aFieldNameLongerThanTheLimitIsRefusedWithoutEchoingIt() {
            String name = "n".repeat(3_000);
            ApiException e = refusal("{\"cart\":{\"" + name + "\":1}}");
            assertThat(e.fieldErrors().list()).hasSize(1);
            assertThat(e.fieldErrors().list().get(0).field()).startsWith("cart.").hasSizeLessThan(80);
            assertThat(e.fieldErrors().list().get(0).message()).contains("name").doesNotContain("nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn");
        }

        @Test
        void aFieldNameWithAControlCharacterIsRefused() {
            ApiException e = refusal("{\"co\\u0000de\":\"A\"}");
            assertThat(e.fieldErrors().list().get(0).field()).isEqualTo("co?de");
        }

        @Test
        void contentAfterTheObjectIs400NamingTheBody() {
            assertThat(fields(refusal("{\"a\":1} {\"b\":2}"))).containsExactly("body");
            assertThat(fields(refusal("{\"a\":1} x"))).containsExactly("body");
        }

        @Test
        void aSyntaxErrorNamesTheBodyAndSaysWhereWithoutEchoingLongTokens() {
            ApiException e = refusal("{\"orderInformation\":{\"status\":" + "x".repeat(3_000) + "}}");
            var error = e.fieldErrors().list().get(0);
            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).contains("orderInformation.status").hasSizeLessThan(300);
        }

        @Test
        void emptyAndNonObjectBodiesAreStill400() {
            assertThat(fields(catchThrowableOfType(ApiException.class, () -> Json.parseObject(new byte[0]))))
                    .containsExactly("body");
            assertThat(fields(refusal("[1,2]"))).containsExactly("body");
            assertThat(fields(refusal("\"text\""))).containsExactly("body");
        }
    }
}

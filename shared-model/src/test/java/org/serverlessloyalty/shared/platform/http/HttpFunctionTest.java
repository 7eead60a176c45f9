package org.serverlessloyalty.shared.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import software.amazon.awssdk.core.exception.SdkClientException;

class HttpFunctionTest {

    private static final String REQUEST_ID = "req-7f3c2a";

    private static APIGatewayV2HTTPEvent event(String body, boolean base64, Map<String, String> headers) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("POST").withPath("/api/giftCodes/validate/13").withProtocol("HTTP/1.1").build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http).withRequestId(REQUEST_ID).withRouteKey("POST /api/giftCodes/validate/{customerId}")
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /api/giftCodes/validate/{customerId}")
                .withRawPath("/api/giftCodes/validate/13")
                .withHeaders(headers)
                .withPathParameters(Map.of("customerId", "13"))
                .withRequestContext(context)
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build();
    }

    private static APIGatewayV2HTTPEvent event(String body) {
        return event(body, false, Map.of("content-type", "application/json"));
    }

    /** What the mapper counted: "metric value dimension=value", the dimension absent when only Service is used. */
    private final List<String> counted = new ArrayList<>();
    private final BusinessMetrics recording = (metric, value, dimension, dimensionValue) ->
            counted.add(metric + " " + value + (dimension == null ? "" : " " + dimension + "=" + dimensionValue));

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Function<ApiRequest, ApiResponse> route) {
        return HttpFunction.handle(event, null, recording, route);
    }

    private APIGatewayV2HTTPResponse failWith(RuntimeException e) {
        return handle(event("{}"), request -> {
            throw e;
        });
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String header(APIGatewayV2HTTPResponse response, String name) {
        return response.getHeaders() == null ? null : response.getHeaders().get(name);
    }

    @Test
    void aRouteAnswerBecomesItsStatusAndJsonBody() {
        var response = handle(event("{}"), request -> ApiResponse.ok(Map.of("canUse", true)));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("canUse").asBoolean()).isTrue();
        assertThat(header(response, "Content-Type")).startsWith("application/json");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void noContentHasNoBodyAndNoContentType() {
        var response = handle(event("{}"), request -> ApiResponse.noContent());
        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertThat(header(response, "Content-Type")).isNull();
    }

    @Test
    void aBadRequestBecomesTheOneErrorShapeNamingEveryField() {
        var errors = FieldErrors.none().add("codes[3].threshold", "must be a number").add("code", "is required");
        var response = failWith(ApiException.badRequest(errors));

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(keys(body)).containsExactly("status", "code", "message", "errors", "requestId");
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(body.get("message").asText()).isEqualTo("The request has invalid fields");
        assertThat(body.get("requestId").asText()).isEqualTo(REQUEST_ID);
        assertThat(body.get("errors")).hasSize(2);
        assertThat(keys(body.get("errors").get(0))).containsExactly("field", "message");
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("codes[3].threshold");
        assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("must be a number");
        assertThat(body.get("errors").get(1).get("field").asText()).isEqualTo("code");
    }

    @Test
    void everyApiExceptionAnswersItsOwnStatusAndCode() {
        var notFound = failWith(ApiException.notFound("Store 99"));
        assertThat(notFound.getStatusCode()).isEqualTo(404);
        assertThat(json(notFound).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(json(notFound).get("message").asText()).isEqualTo("Store 99 was not found");
        assertThat(json(notFound).get("errors")).isEmpty();

        var conflict = failWith(ApiException.conflict("1 code(s) already exist",
                FieldErrors.single("codes[0].code", "already exists: SUMMER")));
        assertThat(conflict.getStatusCode()).isEqualTo(409);
        assertThat(json(conflict).get("code").asText()).isEqualTo("CONFLICT");
        assertThat(json(conflict).get("errors").get(0).get("field").asText()).isEqualTo("codes[0].code");

        var custom = failWith(new ApiException(422, "UNPROCESSABLE", "nope", FieldErrors.none()));
        assertThat(custom.getStatusCode()).isEqualTo(422);
        assertThat(json(custom).get("status").asInt()).isEqualTo(422);
    }

    @Test
    void unauthorizedCarriesWwwAuthenticate() {
        var response = failWith(ApiException.unauthorized());
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(header(response, "WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(json(response).get("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aBasicClientIsChallengedWithBasic() {
        var event = event("{}", false, Map.of("content-type", "application/json", "authorization", "Basic bm9wZQ=="));
        var response = handle(event, request -> {
            throw ApiException.unauthorized();
        });
        assertThat(header(response, "WWW-Authenticate")).isEqualTo("Basic realm=\"serverless-loyalty\"");
    }

    @Test
    void otherRefusalsCarryNoWwwAuthenticate() {
        assertThat(header(failWith(ApiException.notFound("Store 13")), "WWW-Authenticate")).isNull();
        assertThat(header(failWith(ApiException.badRequest(FieldErrors.single("a", "b"))), "WWW-Authenticate"))
                .isNull();
    }

    @Test
    void anUnexpectedExceptionIs500WithoutInternals() {
        var bug = new IllegalStateException("secret table name loyalty-prod-Table-1X2Y3Z");
        var response = failWith(bug);

        assertThat(response.getStatusCode()).isEqualTo(500);
        JsonNode body = json(response);
        assertThat(keys(body)).containsExactly("status", "code", "message", "errors", "requestId");
        assertThat(body.get("status").asInt()).isEqualTo(500);
        assertThat(body.get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(body.get("requestId").asText()).isEqualTo(REQUEST_ID);
        assertThat(body.get("errors")).isEmpty();
        assertThat(response.getBody())
                .doesNotContain("IllegalStateException")
                .doesNotContain("secret table name")
                .doesNotContain("HttpFunction")
                .doesNotContain("\tat ")
                .doesNotContain(".java:");
    }

    @Test
    void aBackingServiceFailureIs503WithRetryAfterAndNoInternals() {
        var response = failWith(SdkClientException.create("Unable to reach dynamodb.eu-west-3.amazonaws.com"));
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(header(response, "Retry-After")).isEqualTo("1");
        assertThat(json(response).get("code").asText()).isEqualTo("DEPENDENCY_UNAVAILABLE");
        assertThat(json(response).get("requestId").asText()).isEqualTo(REQUEST_ID);
        assertThat(response.getBody()).doesNotContain("amazonaws.com").doesNotContain("SdkClientException");
    }

    @Test
    void anUnexpectedExceptionCountsOneServerErrorWithOnlyTheServiceDimension() {
        assertThat(failWith(new IllegalStateException("bug")).getStatusCode()).isEqualTo(500);
        assertThat(counted).containsExactly("ServerErrors 1");
    }

    @Test
    void aBackingServiceFailureCountsOneServerError() {
        assertThat(failWith(SdkClientException.create("timeout")).getStatusCode()).isEqualTo(503);
        assertThat(counted).containsExactly("ServerErrors 1");
    }

    @Test
    void aServerErrorTheRouteAnswersOrThrowsItselfIsCountedToo() {
        var unhealthy = handle(event("{}"), request -> new ApiResponse(503, Map.of("table", "unreachable")));
        assertThat(unhealthy.getStatusCode()).isEqualTo(503);
        var thrown = failWith(new ApiException(502, "BAD_GATEWAY", "upstream", FieldErrors.none()));
        assertThat(thrown.getStatusCode()).isEqualTo(502);
        assertThat(counted).containsExactly("ServerErrors 1", "ServerErrors 1");
    }

    @Test
    void successesAndRefusalsCountNoServerError() {
        handle(event("{}"), request -> ApiResponse.ok(Map.of()));
        failWith(ApiException.badRequest(FieldErrors.single("code", "is required")));
        failWith(ApiException.notFound("Store 13"));
        failWith(ApiException.unauthorized());
        handle(event("x".repeat(ApiRequest.MAX_BODY_BYTES + 1)), request -> ApiResponse.ok(request.body()));
        assertThat(counted).isEmpty();
    }

    @Test
    void aFailingMetricsSinkDoesNotChangeTheAnswer() {
        BusinessMetrics broken = (metric, value, dimension, dimensionValue) -> {
            throw new IllegalStateException("stdout closed");
        };
        var response = HttpFunction.handle(event("{}"), null, broken, request -> {
            throw new IllegalStateException("bug");
        });
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(json(response).get("code").asText()).isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void aBodyOver256KiBIs413() {
        String body = "x".repeat(ApiRequest.MAX_BODY_BYTES + 1);
        var response = handle(event(body), request -> ApiResponse.ok(Map.of("read", request.body().length)));

        assertThat(response.getStatusCode()).isEqualTo(413);
        JsonNode json = json(response);
        assertThat(keys(json)).containsExactly("status", "code", "message", "errors", "requestId");
        assertThat(json.get("status").asInt()).isEqualTo(413);
        assertThat(json.get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBodyOfExactly256KiBIsRead() {
        String body = "x".repeat(ApiRequest.MAX_BODY_BYTES);
        var response = handle(event(body), request -> ApiResponse.ok(Map.of("read", request.body().length)));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("read").asInt()).isEqualTo(256 * 1024);
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
        String body = "é".repeat(ApiRequest.MAX_BODY_BYTES / 2 + 1); // 2 bytes each: 256 KiB + 2 bytes
        var response = handle(event(body), request -> ApiResponse.ok(Map.of("read", request.body().length)));
        assertThat(response.getStatusCode()).isEqualTo(413);
    }

    @Test
    void theLimitAppliesToTheDecodedBase64Body() {
        byte[] raw = new byte[ApiRequest.MAX_BODY_BYTES + 1];
        String encoded = Base64.getEncoder().encodeToString(raw);
        var response = handle(event(encoded, true, Map.of()),
                request -> ApiResponse.ok(Map.of("read", request.body().length)));
        assertThat(response.getStatusCode()).isEqualTo(413);

        String small = Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        var ok = handle(event(small, true, Map.of()),
                request -> ApiResponse.ok(Map.of("body", new String(request.body(), StandardCharsets.UTF_8))));
        assertThat(json(ok).get("body").asText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void malformedJsonIs400NamingTheBody() {
        var response = handle(event("{\"code\":"), request -> ApiResponse.ok(Json.parseObject(request.body())));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    private static APIGatewayV2HTTPEvent withParameters(Map<String, String> path, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = event("{}");
        event.setPathParameters(path);
        event.setQueryStringParameters(query);
        return event;
    }

    @Test
    void aPathValueOverTheLimitIs400BeforeItCanReachAKeyAndIsNotEchoed() {
        String orderId = "9".repeat(2_048);
        var response = handle(withParameters(Map.of("orderId", orderId), null),
                request -> ApiResponse.ok(Map.of("id", request.pathParameter("orderId"))));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("orderId");
        assertThat(json(response).get("errors").get(0).get("message").asText())
                .isEqualTo("must be at most " + ApiRequest.MAX_PATH_VALUE_CHARS + " characters");
        assertThat(response.getBody()).doesNotContain("9".repeat(50));
        var fine = handle(withParameters(Map.of("orderId", "9".repeat(ApiRequest.MAX_PATH_VALUE_CHARS)), null),
                request -> ApiResponse.ok(Map.of("id", request.pathParameter("orderId"))));
        assertThat(fine.getStatusCode()).isEqualTo(200);
    }

    @Test
    void pathAndQueryValuesWithControlOrFormatCharactersAre400() {
        var path = handle(withParameters(Map.of("code", "SUMMER\u0000"), null),
                request -> ApiResponse.ok(Map.of("code", request.pathParameter("code"))));
        assertThat(path.getStatusCode()).isEqualTo(400);
        assertThat(json(path).get("errors").get(0).get("field").asText()).isEqualTo("code");
        var query = handle(withParameters(null, Map.of("next", "abc\u202Edef")),
                request -> ApiResponse.ok(Map.of("next", request.queryParameter("next").orElse(""))));
        assertThat(query.getStatusCode()).isEqualTo(400);
        assertThat(json(query).get("errors").get(0).get("field").asText()).isEqualTo("next");
    }

    @Test
    void aCursorOverTheQueryLimitIs400() {
        var response = handle(withParameters(null, Map.of("next", "A".repeat(ApiRequest.MAX_QUERY_VALUE_CHARS + 1))),
                request -> ApiResponse.ok(Map.of("next", request.queryParameter("next").orElse(""))));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("next");
    }

    @Test
    void errorMessagesAndFieldsQuoteAtMostAShortPrefixOfTheInput() {
        String input = "z".repeat(3_000);
        var response = handle(event("{}"), request -> {
            throw ApiException.notFound("Code " + input);
        });
        assertThat(response.getBody()).doesNotContain("z".repeat(FieldErrors.MAX_MESSAGE_CHARS));
        var fields = handle(event("{}"), request -> {
            throw ApiException.badRequest(FieldErrors.single(input, "is not a known field: " + input));
        });
        var error = json(fields).get("errors").get(0);
        assertThat(error.get("field").asText()).hasSizeLessThanOrEqualTo(FieldErrors.MAX_FIELD_CHARS + 1);
        assertThat(error.get("message").asText()).hasSizeLessThanOrEqualTo(FieldErrors.MAX_MESSAGE_CHARS + 1);
    }

    @Test
    void headersAreCaseInsensitiveAndTheKeyComesFromXApiKeyOrBearer() {
        var viaHeader = new ApiRequest(event("{}", false, Map.of("X-Api-Key", " sl_13_abc ")));
        assertThat(viaHeader.apiKey()).contains("sl_13_abc");
        var viaBearer = new ApiRequest(event("{}", false, Map.of("Authorization", "bearer sl_13_xyz")));
        assertThat(viaBearer.apiKey()).contains("sl_13_xyz");
        var none = new ApiRequest(event("{}", false, Map.of("Authorization", "Basic abc")));
        assertThat(none.apiKey()).isEmpty();
    }
}

package org.serverlessloyalty.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.template.HttpRouteDef;

class ApiGatewayEventsTest {

    private static final Instant NOW = Instant.parse("2024-03-12T19:03:58.123Z");
    private static final RouteTable.Match MATCH = new RouteTable.Match(
            new HttpRouteDef("AdminFunction", "GetStore", "POST", "/api/store/{storeCode}"), Map.of("storeCode", "demo"));

    private static APIGatewayV2HTTPEvent event(List<Map.Entry<String, String>> headers, String query, byte[] body) {
        var request = new IncomingRequest("POST", "/api/store/demo", query, headers, body, "127.0.0.1", "HTTP/1.1",
                "127.0.0.1:3000");
        return ApiGatewayEvents.event(request, MATCH, "req-1", NOW, "000000000000", "local");
    }

    @Test
    void fillsThePayloadFormat2Envelope() {
        var event = event(List.of(Map.entry("User-Agent", "curl/8"), Map.entry("Host", "127.0.0.1:3000")), "", new byte[0]);
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /api/store/{storeCode}");
        assertThat(event.getRawPath()).isEqualTo("/api/store/demo");
        assertThat(event.getRawQueryString()).isEmpty();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getCookies()).isNull();
        assertThat(event.getPathParameters()).containsExactly(Map.entry("storeCode", "demo"));
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
        var context = event.getRequestContext();
        assertThat(context.getAccountId()).isEqualTo("000000000000");
        assertThat(context.getApiId()).isEqualTo("local");
        assertThat(context.getDomainName()).isEqualTo("127.0.0.1");
        assertThat(context.getDomainPrefix()).isEqualTo("127");
        assertThat(context.getRequestId()).isEqualTo("req-1");
        assertThat(context.getRouteKey()).isEqualTo("POST /api/store/{storeCode}");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getTime()).isEqualTo("12/Mar/2024:19:03:58 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/api/store/demo");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("curl/8");
    }

    @Test
    void lowerCasesHeaderNamesAndJoinsRepeatedHeaders() {
        var event = event(List.of(Map.entry("X-Api-Key", "k"), Map.entry("Accept", "text/html"),
                Map.entry("accept", "application/json")), "", new byte[0]);
        assertThat(event.getHeaders()).containsEntry("x-api-key", "k")
                .containsEntry("accept", "text/html,application/json")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-port", "3000")
                .containsKey("x-amzn-trace-id")
                .doesNotContainKey("X-Api-Key");
    }

    @Test
    void movesCookiesOutOfTheHeaders() {
        var event = event(List.of(Map.entry("Cookie", "a=1; b=2"), Map.entry("Cookie", "c=3")), "", new byte[0]);
        assertThat(event.getCookies()).containsExactly("a=1", "b=2", "c=3");
        assertThat(event.getHeaders()).doesNotContainKey("cookie");
    }

    @Test
    void decodesQueryParametersAndJoinsRepeatedOnes() {
        var event = event(List.of(), "page=1&tag=a&tag=b%20c&empty=&flag", new byte[0]);
        assertThat(event.getRawQueryString()).isEqualTo("page=1&tag=a&tag=b%20c&empty=&flag");
        assertThat(event.getQueryStringParameters()).containsEntry("page", "1").containsEntry("tag", "a,b c")
                .containsEntry("empty", "").containsEntry("flag", "");
    }

    @Test
    void passesTextualBodiesAsTextAndOthersAsBase64() {
        byte[] json = "{\"code\":\"demo\"}".getBytes(StandardCharsets.UTF_8);
        var text = event(List.of(Map.entry("Content-Type", "application/json; charset=utf-8")), "", json);
        assertThat(text.getBody()).isEqualTo("{\"code\":\"demo\"}");
        assertThat(text.getIsBase64Encoded()).isFalse();

        byte[] binary = {(byte) 0xff, 0, 1, 2};
        var encoded = event(List.of(Map.entry("Content-Type", "application/octet-stream")), "", binary);
        assertThat(encoded.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(encoded.getBody())).isEqualTo(binary);

        var untyped = event(List.of(), "", json);
        assertThat(untyped.getIsBase64Encoded()).isTrue();
    }

    @Test
    void recognisesTextualContentTypes() {
        assertThat(ApiGatewayEvents.isTextual("text/plain")).isTrue();
        assertThat(ApiGatewayEvents.isTextual("application/problem+json")).isTrue();
        assertThat(ApiGatewayEvents.isTextual("application/x-www-form-urlencoded")).isTrue();
        assertThat(ApiGatewayEvents.isTextual("APPLICATION/JSON")).isTrue();
        assertThat(ApiGatewayEvents.isTextual("image/png")).isFalse();
        assertThat(ApiGatewayEvents.isTextual(null)).isFalse();
    }
}

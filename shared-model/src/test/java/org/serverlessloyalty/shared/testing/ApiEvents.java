package org.serverlessloyalty.shared.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.platform.http.Json;

/** Builds HTTP API (payload 2.0) events the way API Gateway sends them, for handler tests. */
public final class ApiEvents {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final String method;
    private final String template;
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private String body;
    private boolean base64;

    private ApiEvents(String method, String template) {
        this.method = method;
        this.template = template;
        headers.put("content-type", "application/json");
    }

    /** {@code route("GET /api/store/{storeCode}", "13")}: path parameters in template order. */
    public static ApiEvents route(String routeKey, String... parameterValues) {
        String[] parts = routeKey.split(" ", 2);
        ApiEvents event = new ApiEvents(parts[0], parts[1]);
        Matcher m = PARAMETER.matcher(parts[1]);
        int i = 0;
        while (m.find()) {
            // API Gateway names a greedy {proxy+} "proxy" in the event.
            event.pathParameters.put(m.group(1).replaceFirst("\\+$", ""), parameterValues[i++]);
        }
        return event;
    }

    public ApiEvents header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public ApiEvents bearer(String token) {
        return header("authorization", "Bearer " + token);
    }

    public ApiEvents query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public ApiEvents body(String json) {
        this.body = json;
        return this;
    }

    public ApiEvents body(Object value) {
        this.body = Json.write(value);
        return this;
    }

    /**
     * An {@code application/x-www-form-urlencoded} body ({@code store[code]=13&store[name]=Shop}), base64-encoded as
     * API Gateway HTTP APIs pass every body that is not JSON or {@code text/*}.
     */
    public ApiEvents formBody(String form) {
        headers.put("content-type", "application/x-www-form-urlencoded");
        this.body = java.util.Base64.getEncoder().encodeToString(form.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.base64 = true;
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        String path = template;
        for (var p : pathParameters.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withPath(path).withProtocol("HTTP/1.1").withSourceIp("127.0.0.1")
                .withUserAgent("test").build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http).withRequestId(UUID.randomUUID().toString()).withRouteKey(method + " " + template)
                .withStage("$default").withTimeEpoch(System.currentTimeMillis()).build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + template)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context)
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build();
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("Response body is not JSON: " + response.getBody(), e);
        }
    }
}

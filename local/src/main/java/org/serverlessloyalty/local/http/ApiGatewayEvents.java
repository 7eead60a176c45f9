package org.serverlessloyalty.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the payload format 2.0 event API Gateway HTTP APIs send to Lambda: header names lower-cased and
 * repeated headers joined with commas, cookies moved out of the headers into {@code cookies}, query
 * parameters decoded (repeated ones joined with commas), path parameters from the matched route, and the
 * body as text, or base64 with {@code isBase64Encoded} when its content type is not textual.
 */
public final class ApiGatewayEvents {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {
    }

    public static APIGatewayV2HTTPEvent event(IncomingRequest request, RouteTable.Match match, String requestId,
                                              Instant now, String accountId, String apiId) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.strip());
                    }
                }
                continue;
            }
            headers.merge(name, header.getValue(), (a, b) -> a + "," + b);
        }
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        String host = request.host() == null ? headers.getOrDefault("host", "127.0.0.1") : request.host();
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            headers.putIfAbsent("x-forwarded-port", host.substring(colon + 1));
        }
        headers.putIfAbsent("x-amzn-trace-id", traceId(now));
        String domainName = colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
        int dot = domainName.indexOf('.');
        String domainPrefix = dot > 0 ? domainName.substring(0, dot) : domainName;

        String routeKey = match.route().routeKey();
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(request.method())
                .withPath(request.rawPath())
                .withProtocol(request.protocol())
                .withSourceIp(request.sourceIp())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(accountId)
                .withApiId(apiId)
                .withDomainName(domainName)
                .withDomainPrefix(domainPrefix)
                .withHttp(http)
                .withRequestId(requestId)
                .withRouteKey(routeKey)
                .withStage("$default")
                .withTime(TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .build();

        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(routeKey);
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQuery());
        event.setCookies(cookies.isEmpty() ? null : cookies);
        event.setHeaders(headers);
        event.setQueryStringParameters(queryParameters(request.rawQuery()));
        event.setPathParameters(match.pathParameters().isEmpty() ? null : new LinkedHashMap<>(match.pathParameters()));
        event.setRequestContext(context);
        byte[] body = request.body();
        if (body.length == 0) {
            event.setIsBase64Encoded(false);
        } else if (isTextual(headers.get("content-type"))) {
            event.setBody(new String(body, StandardCharsets.UTF_8));
            event.setIsBase64Encoded(false);
        } else {
            event.setBody(Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(true);
        }
        return event;
    }

    /** {@code a=1&b=2&a=3} gives {@code {a: "1,3", b: "2"}}; null without a query string, as API Gateway sends. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    /** Text and JSON bodies reach the function as they are; anything else (or no content type) as base64. */
    static boolean isTextual(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.equals("application/xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/graphql")
                || type.endsWith("+json")
                || type.endsWith("+xml");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String traceId(Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%012x%012x", now.getEpochSecond(),
                random.nextLong(1L << 48), random.nextLong(1L << 48));
    }
}

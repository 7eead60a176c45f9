package org.serverlessloyalty.shared.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.text.PlainText;

/** A read-only view of an HTTP API (payload 2.0) event: headers are case-insensitive, bodies decoded. */
public final class ApiRequest {

    /** Bodies above this are refused with 413 before any parsing. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /**
     * Path values (store codes, gift codes, order ids) have at most this many characters: they become
     * DynamoDB keys, whose limits (2,048 bytes for a partition key, 1,024 for a sort key) they stay far below.
     */
    public static final int MAX_PATH_VALUE_CHARS = 256;
    /** Query values (numbers, enums, list cursors) have at most this many characters. */
    public static final int MAX_QUERY_VALUE_CHARS = 512;

    private final APIGatewayV2HTTPEvent event;
    private final Map<String, String> headers;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
        Map<String, String> lower = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        }
        this.headers = lower;
    }

    /** The template's route, e.g. {@code POST /api/store/{storeCode}}. */
    public String routeKey() {
        return event.getRouteKey() == null ? "" : event.getRouteKey();
    }

    public String method() {
        var context = event.getRequestContext();
        if (context != null && context.getHttp() != null && context.getHttp().getMethod() != null) {
            return context.getHttp().getMethod();
        }
        String route = routeKey();
        int space = route.indexOf(' ');
        return space > 0 ? route.substring(0, space) : "";
    }

    public String requestId() {
        var context = event.getRequestContext();
        return context != null && context.getRequestId() != null ? context.getRequestId() : "";
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).filter(v -> !v.isBlank());
    }

    /** A path value; 400 when it is missing, longer than {@link #MAX_PATH_VALUE_CHARS} or not plain text. */
    public String pathParameter(String name) {
        String value = event.getPathParameters() == null ? null : event.getPathParameters().get(name);
        if (value == null) {
            throw ApiException.badRequest(FieldErrors.single(name, "is required in the path"));
        }
        checkParameter(name, value, MAX_PATH_VALUE_CHARS);
        return value;
    }

    /**
     * The body's media type from {@code Content-Type}, lower case and without its parameters
     * ({@code application/x-www-form-urlencoded; charset=UTF-8} → {@code application/x-www-form-urlencoded}).
     */
    public Optional<String> mediaType() {
        return header("content-type")
                .map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .filter(type -> !type.isEmpty());
    }

    /** A non-blank query value; 400 when it is longer than {@link #MAX_QUERY_VALUE_CHARS} or not plain text. */
    public Optional<String> queryParameter(String name) {
        Optional<String> value = Optional.ofNullable(event.getQueryStringParameters())
                .map(q -> q.get(name))
                .filter(v -> !v.isBlank());
        value.ifPresent(v -> checkParameter(name, v, MAX_QUERY_VALUE_CHARS));
        return value;
    }

    /** Checked before a value can reach a DynamoDB key or an error message. */
    private static void checkParameter(String name, String value, int maxChars) {
        if (value.length() > maxChars) {
            throw ApiException.badRequest(FieldErrors.single(name, "must be at most " + maxChars + " characters"));
        }
        if (!PlainText.isClean(value)) {
            throw ApiException.badRequest(FieldErrors.single(name, "must not contain control or format characters"));
        }
    }

    /** The body as bytes; 413 when it exceeds {@link #MAX_BODY_BYTES}. */
    public byte[] body() {
        return body(MAX_BODY_BYTES);
    }

    /**
     * The body as bytes; 413 when it exceeds {@code maxBytes}. Upload routes (campaign photos: 2 MB images in a
     * multipart body) take more than {@link #MAX_BODY_BYTES}; Lambda's own 6 MB request limit still applies.
     */
    public byte[] body(int maxBytes) {
        String raw = event.getBody();
        if (raw == null) {
            return new byte[0];
        }
        byte[] bytes = event.getIsBase64Encoded()
                ? Base64.getDecoder().decode(raw)
                : raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new ApiException(413, "PAYLOAD_TOO_LARGE",
                    "The body is " + bytes.length + " bytes; the limit is " + maxBytes, FieldErrors.none());
        }
        return bytes;
    }

    /** A storefront key: {@code X-Api-Key}, else a bearer token. */
    public Optional<String> apiKey() {
        return header("x-api-key").map(String::strip).or(this::bearerToken);
    }

    /** A bearer credential from {@code Authorization}. */
    public Optional<String> bearerToken() {
        return header("authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }
}

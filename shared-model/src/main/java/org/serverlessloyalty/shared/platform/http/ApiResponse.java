package org.serverlessloyalty.shared.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * What a route answers: a status, an optional JSON body (or a {@link Text} sent as is: a console page, a CSV
 * {@link #attachment}) and headers of its own beside the ones every answer gets.
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public ApiResponse(int status, Object body) {
        this(status, body, Map.of());
    }

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** A text body sent as is with its media type (an HTML page, a script, a stylesheet). */
    public record Text(String contentType, String text) {
    }

    public static ApiResponse text(int status, String contentType, String text) {
        return new ApiResponse(status, new Text(contentType, text));
    }

    /** This answer with {@code more} headers too (they win over the defaults). */
    public ApiResponse withHeaders(Map<String, String> more) {
        var all = new java.util.HashMap<>(headers);
        all.putAll(more);
        return new ApiResponse(status, body, all);
    }

    /** A file to download (a CSV export): text sent as is with its media type, never as JSON, named for saving. */
    public static ApiResponse attachment(String contentType, String fileName, String text) {
        return text(200, contentType, text)
                .withHeaders(Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
    }

    private static final Map<String, String> JSON_HEADERS = Map.of(
            "Content-Type", "application/json; charset=utf-8",
            "Cache-Control", "no-store");

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }

    /** Raw bytes of a media type (an image): sent base64-encoded, as API Gateway expects binary bodies. */
    public static ApiResponse binary(byte[] bytes, String contentType) {
        return new ApiResponse(200, new BinaryBody(bytes, contentType));
    }

    /** A body that is not JSON: its bytes and their media type. */
    public record BinaryBody(byte[] bytes, String contentType) {
    }

    public APIGatewayV2HTTPResponse toEvent() {
        return toEvent(Map.of());
    }

    public APIGatewayV2HTTPResponse toEvent(Map<String, String> extraHeaders) {
        var headers = new java.util.HashMap<>(JSON_HEADERS);
        headers.putAll(this.headers);
        headers.putAll(extraHeaders);
        if (body == null) {
            headers.remove("Content-Type");
        }
        if (body instanceof BinaryBody binary) {
            headers.put("Content-Type", binary.contentType());
            // The bytes are the type they claim (checked on upload); browsers must not guess another.
            headers.put("X-Content-Type-Options", "nosniff");
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(headers)
                    .withBody(java.util.Base64.getEncoder().encodeToString(binary.bytes()))
                    .withIsBase64Encoded(true)
                    .build();
        }
        String text = body == null ? null : (body instanceof String s ? s : null);
        if (body instanceof Text page) {
            headers.put("Content-Type", page.contentType());
            text = page.text();
        } else if (body != null && text == null) {
            text = Json.write(body);
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(text)
                .withIsBase64Encoded(false)
                .build();
    }
}

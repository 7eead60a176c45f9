package org.serverlessloyalty.shared.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/** What a route answers: a status and an optional JSON body (or an {@link Attachment}, sent as a file). */
public record ApiResponse(int status, Object body) {

    /** A file to download (a CSV export): sent as is with its media type, never as JSON. */
    public record Attachment(String contentType, String fileName, String text) {
    }

    public static ApiResponse attachment(String contentType, String fileName, String text) {
        return new ApiResponse(200, new Attachment(contentType, fileName, text));
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
        if (body instanceof Attachment file) {
            headers.put("Content-Type", file.contentType());
            headers.put("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
            text = file.text();
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

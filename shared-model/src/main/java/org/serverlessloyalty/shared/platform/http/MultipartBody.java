package org.serverlessloyalty.shared.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (RFC 7578), as upload forms send files ({@code photo[file]}). Parsed whole from
 * the bytes API Gateway hands over (the body is already in memory, at most Lambda's request size), so no streaming
 * parser and no dependency: each part's headers are read for its name, file name and type, its content kept as bytes.
 */
public final class MultipartBody {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private final List<Part> parts;

    private MultipartBody(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** One part: its form field name, the file name it was sent with (if any), its declared type, its bytes. */
    public record Part(String name, String filename, String contentType, byte[] content) {
    }

    /**
     * Parses {@code body} sent with {@code contentType} ({@code multipart/form-data; boundary=...}). A body that is not
     * multipart, or is malformed, is a 400 naming {@code field}: the field the route expected a file in.
     */
    public static MultipartBody parse(Optional<String> contentType, byte[] body, String field) {
        String boundary = contentType.flatMap(MultipartBody::boundary).orElseThrow(() -> ApiException.badRequest(
                FieldErrors.single(field, "send the file as multipart/form-data")));
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw malformed(field);
        }
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (startsWith(body, afterDelimiter, new byte[] {'-', '-'})) {
                return new MultipartBody(parts);
            }
            if (!startsWith(body, afterDelimiter, CRLF)) {
                throw malformed(field);
            }
            int headersStart = afterDelimiter + CRLF.length;
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            if (headersEnd < 0) {
                throw malformed(field);
            }
            byte[] next = concat(CRLF, delimiter);
            int contentEnd = indexOf(body, next, headersEnd + HEADER_END.length);
            if (contentEnd < 0) {
                throw malformed(field);
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            parts.add(part(headers, Arrays.copyOfRange(body, headersEnd + HEADER_END.length, contentEnd), field));
            at = contentEnd + CRLF.length;
        }
    }

    /** The first part named {@code name}. */
    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> name.equals(p.name())).findFirst();
    }

    public List<Part> parts() {
        return parts;
    }

    private static Part part(String headers, byte[] content, String field) {
        String name = null;
        String filename = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (header.equals("content-disposition")) {
                name = parameter(value, "name");
                filename = parameter(value, "filename");
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        if (name == null) {
            throw malformed(field);
        }
        return new Part(name, filename, type, content);
    }

    /** A parameter of a header value: {@code name="photo[file]"} or {@code name=x}. */
    static String parameter(String headerValue, String parameter) {
        for (String piece : headerValue.split(";")) {
            String p = piece.strip();
            int equals = p.indexOf('=');
            if (equals < 0 || !p.substring(0, equals).strip().equalsIgnoreCase(parameter)) {
                continue;
            }
            String value = p.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            return value;
        }
        return null;
    }

    private static Optional<String> boundary(String contentType) {
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("multipart/form-data")) {
            return Optional.empty();
        }
        return Optional.ofNullable(parameter(contentType, "boundary")).filter(b -> !b.isEmpty() && b.length() <= 70);
    }

    private static ApiException malformed(String field) {
        return ApiException.badRequest(FieldErrors.single(field, "the multipart body is malformed"));
    }

    private static boolean startsWith(byte[] data, int from, byte[] prefix) {
        if (from + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] target, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (data[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

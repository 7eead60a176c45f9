package org.serverlessloyalty.admin.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;

/**
 * The merchant console's files (issue 12), served from this jar's {@code console/} resources under
 * {@code /console/}. They are public: the page holds no secret, and every call it makes goes to the API with the
 * key the person signs in with, so the console can reach nothing the API refuses.
 *
 * <p>Every answer carries a Content-Security-Policy that lets the page load and call nothing but this host, run no
 * inline script or style, and write no HTML from strings (Trusted Types with no policy): the console builds its DOM
 * node by node, so data from the API can never become markup.
 */
public final class ConsoleAssets {

    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "require-trusted-types-for 'script'; trusted-types 'none'";

    private static final String ROOT = "/console/";
    private static final String INDEX = "index.html";
    /** Path segments of plain names only: no {@code ..}, no hidden files, nothing outside {@code console/}. */
    private static final Pattern PATH = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]*/)*[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml; charset=utf-8",
            "json", "application/json; charset=utf-8");
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Cross-Origin-Opener-Policy", "same-origin",
            // Revalidated on every load (cheap: the ETag answers 304), so a deploy shows at once.
            "Cache-Control", "no-cache");

    private record Asset(String contentType, String text, String etag) {
    }

    /** Read once per instance, on first ask: the jar does not change under a running function. Misses are not kept. */
    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    /**
     * {@code GET /console} and {@code GET /console/{proxy+}}: one of the console's files; the bare address (with
     * or without its trailing slash) is its page, which names its files by absolute path so it works at both.
     */
    public ApiResponse serve(ApiRequest request) {
        String path = request.routeKey().equals("GET /console") ? INDEX : request.pathParameter("proxy");
        path = path.isEmpty() ? INDEX : path;
        Asset asset = PATH.matcher(path).matches() ? find(path) : null;
        if (asset == null) {
            throw ApiException.notFound("Console file " + (path.length() > 80 ? path.substring(0, 80) : path));
        }
        boolean unchanged = request.header("if-none-match").map(asset.etag()::equals).orElse(false);
        ApiResponse answer = unchanged ? new ApiResponse(304, null)
                : ApiResponse.text(200, asset.contentType(), asset.text());
        return answer.withHeaders(SECURITY_HEADERS).withHeaders(Map.of("ETag", asset.etag()));
    }

    private Asset find(String path) {
        Asset known = loaded.get(path);
        if (known != null) {
            return known;
        }
        Asset read = read(path);
        if (read != null) {
            loaded.put(path, read);
        }
        return read;
    }

    private static Asset read(String path) {
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1));
        if (type == null) {
            return null;
        }
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + "\"";
            return new Asset(type, new String(bytes, StandardCharsets.UTF_8), etag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

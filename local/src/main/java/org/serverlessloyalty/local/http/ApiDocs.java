package org.serverlessloyalty.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The local stack's own pages, which template.yaml does not declare and a deployed stack does not have:
 * {@code GET /openapi.yaml}, the API contract ({@code docs/openapi.yaml}), and {@code GET /docs}, a browsable
 * reference: Swagger UI from its webjar, reading {@code /openapi.yaml}. Every file the page loads comes from
 * here, and its Content-Security-Policy lets the browser fetch nothing from anywhere else (no validator
 * badge, no fonts, no "try it out" against another host).
 *
 * <p>They answer only where no template route matches, so the template always wins; the tests check that
 * no template route takes these paths.
 */
public final class ApiDocs {

    /** The routes served here, in the template's route-key notation. */
    public static final List<String> ROUTES = List.of("GET /openapi.yaml", "GET /docs", "GET /docs/{file}");
    /** Where the build puts a copy of docs/openapi.yaml in the jar (beside the bundled template). */
    public static final String BUNDLED_RESOURCE = "/org/serverlessloyalty/local/openapi.yaml";

    static final String DOCUMENT = "/openapi.yaml";
    static final String UI = "/docs";
    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String WEBJAR_ROOT = "META-INF/resources/webjars/swagger-ui/";
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "png", "image/png",
            "html", "text/html; charset=utf-8");
    /** Swagger UI sets inline styles and draws its icons as data: URIs; everything else must come from this host. */
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    static final String INDEX = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="UTF-8">
              <title>serverless-loyalty API</title>
              <link rel="stylesheet" type="text/css" href="/docs/swagger-ui.css">
              <link rel="stylesheet" type="text/css" href="/docs/index.css">
              <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
              <link rel="icon" type="image/png" href="/docs/favicon-16x16.png" sizes="16x16">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js" charset="UTF-8"></script>
              <script src="/docs/swagger-initializer.js" charset="UTF-8"></script>
            </body>
            </html>
            """;

    /** Replaces the webjar's initializer, which points at a petstore on the internet. */
    static final String INITIALIZER = """
            window.onload = function () {
              // The contract this stack serves. validatorUrl null: no badge fetched from validator.swagger.io.
              window.ui = SwaggerUIBundle({
                url: "/openapi.yaml",
                dom_id: "#swagger-ui",
                deepLinking: true,
                validatorUrl: null,
                presets: [SwaggerUIBundle.presets.apis],
                layout: "BaseLayout"
              });
            };
            """;

    private final byte[] document;
    private final String source;
    private final String webjar;

    private ApiDocs(byte[] document, String source, String webjar) {
        this.document = document;
        this.source = source;
        this.webjar = webjar;
    }

    /**
     * The contract beside the template in use ({@code docs/openapi.yaml} next to {@code template.yaml}, so an
     * edited document is served without a rebuild), else the copy bundled in the jar; the webjar from the
     * classpath. Either may be missing: its pages then answer 404 saying why.
     */
    public static ApiDocs locate(Path templateFile) {
        byte[] document = null;
        String source = null;
        try {
            Path beside = templateFile == null || templateFile.toAbsolutePath().getParent() == null ? null
                    : templateFile.toAbsolutePath().getParent().resolve("docs").resolve("openapi.yaml");
            if (beside != null && Files.isRegularFile(beside)) {
                document = Files.readAllBytes(beside);
                source = beside.normalize().toString();
            } else {
                try (InputStream in = ApiDocs.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                    if (in != null) {
                        document = in.readAllBytes();
                        source = "docs/openapi.yaml (bundled in the jar)";
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API contract", e);
        }
        return new ApiDocs(document, source, webjarDirectory().orElse(null));
    }

    /** Whether {@code GET path} is one of these pages (path without its query string). */
    public static boolean serves(String method, String path) {
        if (!method.equals("GET")) {
            return false;
        }
        if (path.equals(DOCUMENT) || path.equals(UI) || path.equals(UI + "/")) {
            return true;
        }
        return path.startsWith(UI + "/") && FILE.matcher(path.substring(UI.length() + 1)).matches();
    }

    /** Where the contract was read from; empty when there is none. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** Answers one of {@link #serves} paths; returns the status sent. */
    int serve(HttpExchange exchange, String path) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-cache");
        if (path.equals(DOCUMENT)) {
            if (document == null) {
                return notFound(exchange, "No docs/openapi.yaml beside the template and none bundled in the jar");
            }
            headers.set("Content-Type", "application/yaml; charset=utf-8");
            return send(exchange, 200, document);
        }
        if (webjar == null) {
            return notFound(exchange, "Swagger UI's webjar (org.webjars:swagger-ui) is not on the classpath");
        }
        headers.set("Content-Security-Policy", CSP);
        if (path.equals(UI) || path.equals(UI + "/")) {
            headers.set("Content-Type", TYPES.get("html"));
            return send(exchange, 200, INDEX.getBytes(StandardCharsets.UTF_8));
        }
        String file = path.substring(UI.length() + 1);
        if (file.equals("swagger-initializer.js")) {
            headers.set("Content-Type", TYPES.get("js"));
            return send(exchange, 200, INITIALIZER.getBytes(StandardCharsets.UTF_8));
        }
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        byte[] bytes = type == null ? null : resource(webjar + file);
        if (bytes == null) {
            return notFound(exchange, "Not Found");
        }
        headers.set("Content-Type", type);
        return send(exchange, 200, bytes);
    }

    /** {@code META-INF/resources/webjars/swagger-ui/<version>/}, the version read from the webjar's own pom.properties. */
    private static Optional<String> webjarDirectory() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                return Optional.empty();
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version");
        return version == null ? Optional.empty() : Optional.of(WEBJAR_ROOT + version + "/");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static int notFound(HttpExchange exchange, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        return send(exchange, 404, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static int send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return status;
    }
}

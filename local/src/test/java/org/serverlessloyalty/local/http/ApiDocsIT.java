package org.serverlessloyalty.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.local.TestTemplates;

/**
 * The local stack's own pages over HTTP: {@code GET /openapi.yaml} is the repository's docs/openapi.yaml (or the
 * copy bundled in the jar when none is beside the template), and {@code GET /docs} is Swagger UI pointed at it,
 * every file it loads served from here.
 */
class ApiDocsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LINKS = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0).adminKey("docs-it-admin-key").seedDemo(false)
                .accessLog(false).templatePath(TestTemplates.realTemplate()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void servesTheContractBesideTheTemplateAtOpenapiYaml() throws Exception {
        HttpResponse<String> response = get(stack.baseUri(), "/openapi.yaml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml; charset=utf-8");
        Path document = TestTemplates.realTemplate().getParent().resolve("docs/openapi.yaml");
        assertThat(response.body()).isEqualTo(Files.readString(document));
    }

    @Test
    void servesSwaggerUiPointedAtTheContractWithEveryFileFromHere() throws Exception {
        HttpResponse<String> page = get(stack.baseUri(), "/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'self';").doesNotContain("http"));
        assertThat(get(stack.baseUri(), "/docs/").body()).isEqualTo(page.body());
        assertThat(page.body()).doesNotContain("http://", "https://", "//cdn");

        List<String> links = new ArrayList<>();
        Matcher m = LINKS.matcher(page.body());
        while (m.find()) {
            links.add(m.group(1));
        }
        assertThat(links).contains("/docs/swagger-ui-bundle.js", "/docs/swagger-initializer.js", "/docs/swagger-ui.css");
        for (String link : links) {
            assertThat(link).as("served by the stack itself").startsWith("/docs/");
            HttpResponse<String> file = get(stack.baseUri(), link);
            assertThat(file.statusCode()).as(link).isEqualTo(200);
            assertThat(file.body()).as(link).isNotEmpty();
            String type = file.headers().firstValue("Content-Type").orElse("");
            if (link.endsWith(".js")) {
                assertThat(type).as(link).startsWith("text/javascript");
            } else if (link.endsWith(".css")) {
                assertThat(type).as(link).startsWith("text/css");
            } else {
                assertThat(type).as(link).isEqualTo("image/png");
            }
        }
        assertThat(get(stack.baseUri(), "/docs/swagger-ui-bundle.js").body()).contains("SwaggerUIBundle");

        String initializer = get(stack.baseUri(), "/docs/swagger-initializer.js").body();
        assertThat(initializer).contains("url: \"/openapi.yaml\"", "validatorUrl: null")
                .doesNotContain("petstore", "http://", "https://");
    }

    @Test
    void anythingElseUnderDocsIsApiGatewaysNotFound() throws Exception {
        for (String path : List.of("/docs/nothing.js", "/docs/pom.properties", "/docs/..%2Ftemplate.yaml",
                "/docs/swagger-ui/index.html", "/openapi.json")) {
            HttpResponse<String> response = get(stack.baseUri(), path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo("{\"message\":\"Not Found\"}");
        }
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("/openapi.yaml"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(404);
    }

    @Test
    void withoutAContractBesideTheTemplateTheBundledCopyIsServed() throws Exception {
        try (LocalStack other = LocalStack.start(LocalStack.Options.defaults().port(0).adminKey("k").seedDemo(false)
                .accessLog(false).templatePath(TestTemplates.testTemplate("http-echo.yaml")))) {
            HttpResponse<String> response = get(other.baseUri(), "/openapi.yaml");
            assertThat(response.statusCode()).isEqualTo(200);
            Path document = TestTemplates.realTemplate().getParent().resolve("docs/openapi.yaml");
            assertThat(response.body()).as("the build copies docs/openapi.yaml into the jar").isEqualTo(Files.readString(document));
            assertThat(get(other.baseUri(), "/docs").statusCode()).isEqualTo(200);
            assertThat(get(other.baseUri(), "/items/special").statusCode()).as("the template's routes still answer")
                    .isNotEqualTo(404);
        }
    }

    @Test
    void theExecutableJarCarriesTheContractAndOnlyTheSwaggerUiFilesItServes() throws Exception {
        Path jar = Path.of(System.getProperty("loyalty.local.jar", "target/loyalty-local.jar"));
        assertThat(jar).as("mvn package builds the executable jar").exists();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.getEntry(ApiDocs.BUNDLED_RESOURCE.substring(1))).isNotNull();
            List<String> swaggerUi = zip.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("META-INF/resources/webjars/swagger-ui/")).toList();
            assertThat(swaggerUi).anyMatch(n -> n.endsWith("/swagger-ui-bundle.js"))
                    .anyMatch(n -> n.endsWith("/swagger-ui.css"))
                    .noneMatch(n -> n.contains("es-bundle") || n.endsWith("/swagger-ui.js"));
        }
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

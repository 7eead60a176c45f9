package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/** The console's files over real HTTP on the local stack: served by the admin function, strict, cacheable. */
class ConsoleFilesHttpIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConsoleStack stack;

    @BeforeAll
    static void startStack() {
        stack = ConsoleStack.start();
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(stack.baseUri() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageIsServedWithAPolicyThatAllowsOnlyThisHost() throws Exception {
        var page = get("/console/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        String csp = page.headers().firstValue("content-security-policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "require-trusted-types-for 'script'").doesNotContain("unsafe", "http");
        assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/console/js/app.js\"></script>");
    }

    @Test
    void everyFileThePageNamesIsServedFromThisHostWithItsType() throws Exception {
        String page = get("/console/").body();
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(page);
        int found = 0;
        while (refs.find()) {
            String ref = refs.group(1);
            assertThat(ref).as("a file of this host, not another's").startsWith("/console/").doesNotContain("//");
            var file = get(ref);
            assertThat(file.statusCode()).as(ref).isEqualTo(200);
            assertThat(file.headers().firstValue("content-security-policy")).as(ref).isPresent();
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(3);
        assertThat(get("/console/js/app.js").headers().firstValue("content-type"))
                .hasValue("text/javascript; charset=utf-8");
    }

    @Test
    void theBareAddressIsThePageToo() throws Exception {
        var bare = get("/console");

        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(bare.body()).isEqualTo(get("/console/").body());
        assertThat(bare.headers().firstValue("content-security-policy")).isPresent();
    }

    @Test
    void anUnchangedFileAnswers304ToItsETag() throws Exception {
        var first = get("/console/console.css");
        String etag = first.headers().firstValue("etag").orElseThrow();

        var again = get("/console/console.css", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/console/console.css", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void pathsOutsideTheConsoleAndUnknownFilesAre404() throws Exception {
        assertThat(get("/console/nothing-here.js").statusCode()).isEqualTo(404);
        assertThat(get("/console/..%2Fserverless-loyalty.properties").statusCode()).isEqualTo(404);
        assertThat(get("/console/.hidden.js").statusCode()).isEqualTo(404);
        assertThat(get("/console/js/../../serverless-loyalty.properties").statusCode()).isIn(400, 404);
        assertThat(get("/console/js/pages/README.md").statusCode()).isEqualTo(404);
    }

    /**
     * Every file reaches the browser exactly as written: the admin module's build once filtered its resources
     * (Maven replaced ${name}, ${id}, ... with the project's values), which turned the pages' template literals into
     * constants (every field's error element got one id; the generated codes' fields were all template[admin]).
     */
    @Test
    void everyConsoleFileIsServedByteForByteAsItIsInTheSources() throws IOException, InterruptedException {
        Path root = CloudFormationYaml.repositoryRoot().resolve("functions/admin/src/main/resources/console");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(js|css|html|svg|json)$")).toList();
        }
        assertThat(files).extracting(p -> root.relativize(p).toString().replace('\\', '/')).contains("js/ui.js");
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("/console/" + relative)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).as(relative).isEqualTo(200);
            assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).as(relative)
                    .isEqualTo(Files.readString(file));
        }
    }
}

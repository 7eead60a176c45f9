package org.serverlessloyalty.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/loyalty-local.jar} as a user runs it, from a directory without template.yaml (so
 * the bundled copy is used): Pekko/ElasticMQ must start from the shaded jar, the demo must be seeded, the
 * banner's curl must work, and SIGTERM must stop it cleanly.
 */
class ExecutableJarIT {

    private static final Pattern API_LINE = Pattern.compile("^\\s+API\\s+(http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void theShadedJarStartsServesAndStops(@TempDir Path workDir) throws Exception {
        Path jar = Path.of(System.getProperty("loyalty.local.jar", "target/loyalty-local.jar")).toAbsolutePath();
        assertThat(jar).as("mvn package builds the executable jar").exists();
        Path stderr = workDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", "0", "--quiet", "--admin-key", "jar-it-admin")
                .directory(workDir.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            StringBuilder banner = new StringBuilder();
            String baseUrl = null;
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
                banner.append(line).append('\n');
                Matcher api = API_LINE.matcher(line);
                if (api.find()) {
                    baseUrl = api.group(1);
                }
                if (line.startsWith("Ctrl-C stops")) {
                    break;
                }
            }
            assertThat(baseUrl).as("banner on stdout; stderr:\n%s\nstdout:\n%s", read(stderr), banner).isNotNull();
            assertThat(banner.toString()).contains("template.yaml (bundled in the jar)", "jar-it-admin");

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/healthcheck")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(204);
            HttpResponse<String> validation = BannerCurl.run(banner.toString());
            assertThat(validation.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(validation.body()).get("canUse").asBoolean()).isTrue();
            // drain the functions' JSON logs so the process never blocks on a full pipe
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
        } finally {
            process.destroy();
            boolean exited = process.waitFor(20, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            assertThat(exited).as("stops on SIGTERM").isTrue();
        }
        assertThat(read(stderr)).contains("Stopping").doesNotContain("Exception");
    }

    private static String read(Path file) throws Exception {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}

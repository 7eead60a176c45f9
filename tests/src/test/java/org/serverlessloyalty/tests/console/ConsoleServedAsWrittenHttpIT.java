package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * The console's files reach the browser exactly as written: the admin module's build filters its resources
 * (Maven replaces ${name}, ${id}, ... with the project's values), which turned the pages' template literals into
 * constants (every field's error element got one id; the generation's fields were all named template[admin]).
 */
class ConsoleServedAsWrittenHttpIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConsoleStack stack;

    @BeforeAll
    static void startStack() {
        stack = ConsoleStack.start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

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
            HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("/console/" + relative)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).as(relative).isEqualTo(200);
            assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).as(relative)
                    .isEqualTo(Files.readString(file));
        }
    }
}

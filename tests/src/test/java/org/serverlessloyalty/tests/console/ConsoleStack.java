package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * The whole local stack from template.yaml (every function, the table engine, the queues, S3), as the README's
 * first command starts it, for the console's browser tests; plus the API calls a test makes around the browser
 * (data another system would have sent, checks of what the console wrote).
 */
public final class ConsoleStack implements AutoCloseable {

    public static final String ADMIN_KEY = "console-tests-admin-key";

    private final LocalStack stack;
    private final ApiClient api;

    private ConsoleStack(LocalStack stack) {
        this.stack = stack;
        this.api = new HttpApiClient(stack.baseUri());
    }

    public static ConsoleStack start() {
        return new ConsoleStack(LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey(ADMIN_KEY).seedDemo(false).accessLog(false)));
    }

    public URI baseUri() {
        return stack.baseUri();
    }

    public LocalStack local() {
        return stack;
    }

    /** A store made through the API, with its API key. */
    public record Shop(String code, String key) {
    }

    public Shop shop(String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = call("POST", "/api/store", admin(), Json.write(Map.of("code", code, "name", "Shop " + code,
                "currency", "EUR", "timezone", "Europe/Paris", "locale", "en")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Shop(code, created.json().get("apiKey").asText());
    }

    public ApiClient.Response call(String method, String path, Map<String, String> headers, String body) {
        return api.call(method, path, headers, body);
    }

    /** A call that must answer {@code status}; its JSON. */
    public JsonNode expect(int status, String method, String path, String key, Object body) {
        var answer = call(method, path, bearer(key), body == null ? null : Json.write(body));
        assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
        return answer.body() == null || answer.body().isEmpty() ? null : answer.json();
    }

    public Map<String, String> admin() {
        return bearer(ADMIN_KEY);
    }

    public static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json");
    }

    @Override
    public void close() {
        stack.close();
    }

    /** The same stack with some template parameters set (e.g. a short webhook retry window). */
    public static ConsoleStack start(Map<String, String> parameters) {
        return new ConsoleStack(LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey(ADMIN_KEY).seedDemo(false).accessLog(false).parameters(parameters)));
    }
}

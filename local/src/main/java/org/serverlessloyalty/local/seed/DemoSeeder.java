package org.serverlessloyalty.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.serverlessloyalty.local.StackLog;

/**
 * Creates the demo store and a few gift codes through the stack's own HTTP API with the admin key, exactly
 * as a user would ({@code POST /api/store}, then {@code POST /api/demo/admin/giftCodes}). The store's API
 * key and publishable key are only shown once by the API, so with a data directory they are kept in
 * {@code demo-store.json} and a restart reads them from there instead of seeding again.
 */
public final class DemoSeeder {

    public static final String STORE_CODE = "demo";
    public static final String FILE_NAME = "demo-store.json";
    private static final String ROTATE = "/api/store/" + STORE_CODE + "/api-key/rotate";

    static final String STORE_JSON = """
            {"code":"demo","name":"Demo shop","currency":"EUR","timezone":"Europe/Paris","locale":"fr"}""";

    static final String CODES_JSON = """
            {"codes":[\
            {"code":"WELCOME10","value":10,"discountType":"PERCENT","threshold":30,"combinable":true,\
            "description":"10 %","name":"Welcome 10%","expirationDate":"2099-12-31","numberOfUsage":null},\
            {"code":"FIVEOFF","value":5,"discountType":"VALUE","threshold":20,"combinable":false,\
            "description":"5€","name":"5 euros off","expirationDate":"2099-12-31","numberOfUsage":100},\
            {"code":"SHIPFREE","value":0,"discountType":"FREESHIPPING","threshold":0,"combinable":true,\
            "description":"Free shipping","name":"Free shipping","expirationDate":"2099-12-31"}]}""";

    /** The body of the sample validation the banner's curl sends: WELCOME10 on a 1326.00 cart. */
    public static final String SAMPLE_VALIDATION_JSON = """
            {"email":"shopper@example.com","cibler_id":"AZ34R5TYU7UY654RE32RT6YT","code":"WELCOME10",\
            "cart":{"total":132600,"items":[{"name":"ACME Foldable Canoe"}]}}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final String adminKey;
    private final HttpClient http;

    public DemoSeeder(URI baseUri, String adminKey) {
        this.baseUri = baseUri;
        this.adminKey = adminKey;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The demo store remembered in {@code dataDir}, else a new one created through the API. */
    public DemoStore seed(Path dataDir) {
        if (dataDir != null) {
            Optional<DemoStore> remembered = read(dataDir.resolve(FILE_NAME));
            if (remembered.isPresent()) {
                return remembered.get();
            }
        }
        DemoStore store = createStore();
        createCodes(store);
        if (dataDir != null) {
            write(dataDir.resolve(FILE_NAME), store);
        }
        return store;
    }

    private DemoStore createStore() {
        HttpResponse<String> created = post("/api/store", STORE_JSON);
        if (created.statusCode() == 201) {
            return new DemoStore(STORE_CODE, key(created, "apiKey", true), key(created, "publishableKey", false));
        }
        if (created.statusCode() == 409) {
            // The store survived but its keys were not kept (demo-store.json deleted): issue new ones.
            StackLog.info("Demo store exists already; rotating its keys to show usable ones");
            String apiKey = key(rotate(""), "apiKey", true);
            HttpResponse<String> publishable = post(ROTATE + "?key=publishable", "");
            String publishableKey = publishable.statusCode() == 200 ? key(publishable, "publishableKey", false) : null;
            return new DemoStore(STORE_CODE, apiKey, publishableKey);
        }
        throw failure("POST /api/store", created);
    }

    private HttpResponse<String> rotate(String query) {
        HttpResponse<String> rotated = post(ROTATE + query, "");
        if (rotated.statusCode() != 200) {
            throw failure("POST " + ROTATE + query, rotated);
        }
        return rotated;
    }

    private void createCodes(DemoStore store) {
        HttpResponse<String> response = post("/api/" + store.code() + "/admin/giftCodes", CODES_JSON);
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw failure("POST /api/" + store.code() + "/admin/giftCodes", response);
        }
    }

    private HttpResponse<String> post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Seeding the demo store: POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding the demo store", e);
        }
    }

    /** A key from a store API answer; a missing optional key is null. */
    private static String key(HttpResponse<String> response, String field, boolean required) {
        try {
            JsonNode key = JSON.readTree(response.body()).get(field);
            if (key == null || !key.isTextual() || key.asText().isBlank()) {
                if (!required) {
                    return null;
                }
                throw new IllegalStateException("The store API answered without " + field + ": " + response.body());
            }
            return key.asText();
        } catch (IOException e) {
            throw new IllegalStateException("The store API answered with invalid JSON: " + response.body(), e);
        }
    }

    private static IllegalStateException failure(String call, HttpResponse<String> response) {
        return new IllegalStateException("Seeding the demo store: " + call + " answered " + response.statusCode()
                + " " + response.body());
    }

    static Optional<DemoStore> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            String code = node.path("code").asText("");
            String apiKey = node.path("apiKey").asText("");
            String publishableKey = node.path("publishableKey").asText("");
            if (code.isEmpty() || apiKey.isEmpty()) {
                StackLog.warn(file + " has no code or apiKey; seeding again");
                return Optional.empty();
            }
            return Optional.of(new DemoStore(code, apiKey, publishableKey.isEmpty() ? null : publishableKey));
        } catch (IOException e) {
            StackLog.warn(file + " is unreadable (" + e.getMessage() + "); seeding again");
            return Optional.empty();
        }
    }

    static void write(Path file, DemoStore store) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            var node = JSON.createObjectNode().put("code", store.code()).put("apiKey", store.apiKey())
                    .put("publishableKey", store.publishableKey());
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n",
                    StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}

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
 * Creates the demo store, a few gift codes and a few members with points through the stack's own HTTP API with the
 * admin key, exactly as a user would ({@code POST /api/store}, {@code POST /api/demo/admin/giftCodes},
 * {@code POST /api/demo/admin/customer/register}, {@code POST /api/demo/points/transfer/add}); issue 11
 * (h11-catalogue): a base level every member is in, and a reward campaign for it with a pool of ten codes
 * ({@code POST /api/demo/level/create}, {@code POST /api/demo/campaign}). The store's API
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

    /**
     * The demo members, each registered with an Idempotency-Key (so its id is the same on every fresh stack), and
     * the points each gets: {key, registration JSON, points added, points spent}. The first is the member
     * events/points names (RegisterCustomer.json): its status is what the banner's second curl shows.
     */
    static final String[][] MEMBERS = {
        {"register-john-2026-11", """
            {"customer":{"firstName":"John","lastName":"Kowalski","email":"john@example.com","phone":"000000005000",\
            "loyaltyCardNumber":"00000000000000002","externalId":"bbc47c1f-020e-4885-a01d-53f5921a7210",\
            "agreement1":true}}""", "150", "40"},
        {"register-jane-2026-11", """
            {"customer":{"firstName":"Jane","lastName":"Doe","email":"jane@example.com"}}""", "80", null},
    };

    /** issue 11 (h11-catalogue): the level every demo member is in (reached with 0 points). */
    static final String LEVEL_JSON = """
            {"level":{"translations":{"en":{"name":"Base"}},"active":true,"conditionValue":0,\
            "reward":{"name":"Welcome","value":1,"code":"BASE1"}}}""";

    /** issue 11 (h11-catalogue): the demo reward, 5 euros off for 50 points, for the base level ({@code LEVEL}). */
    static final String CAMPAIGN_JSON = """
            {"campaign":{"reward":"discount_code","translations":{"en":{"name":"5 euros off",\
            "shortDescription":"**5 €** off your next order","usageInstruction":"Type the code at checkout"},\
            "fr":{"name":"5 euros de remise"}},"active":true,"public":true,"featured":true,"costInPoints":50,\
            "rewardValue":5,"target":"level","levels":["LEVEL"],"unlimited":false,"singleCoupon":false,"limit":10,\
            "limitPerUser":2,"daysInactive":0,"daysValid":30,"labels":"type:discount",\
            "coupons":["DEMO5-01","DEMO5-02","DEMO5-03","DEMO5-04","DEMO5-05","DEMO5-06","DEMO5-07","DEMO5-08",\
            "DEMO5-09","DEMO5-10"],"campaignActivity":{"allTimeActive":true},\
            "campaignVisibility":{"allTimeVisible":true}}}""";

    /** The id the first demo member gets (derived from its Idempotency-Key in the demo store). */
    public static final String DEMO_MEMBER_ID = "a6b33600-e499-5291-acf1-778fb2fd8e45";

    /** The body of the sample validation the banner's curl sends: WELCOME10 on a 1326.00 cart. */
    public static final String SAMPLE_VALIDATION_JSON = """
            {"email":"shopper@example.com","cibler_id":"AZ34R5TYU7UY654RE32RT6YT","code":"WELCOME10",\
            "cart":{"total":132600,"items":[{"name":"ACME Foldable Canoe"}]}}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final String adminKey;
    private final HttpClient http;
    /** True when this start created the store: only then are its members given points (never twice). */
    private boolean freshStore;

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
        if (freshStore) {
            // issue 11: the level first, so the members registered next are in it and the campaign is theirs.
            Optional<String> level = createLevel(store);
            createMembers(store);
            level.ifPresent(id -> createCampaign(store, id));
        }
        if (dataDir != null) {
            write(dataDir.resolve(FILE_NAME), store);
        }
        return store;
    }

    private DemoStore createStore() {
        HttpResponse<String> created = post("/api/store", STORE_JSON);
        if (created.statusCode() == 201) {
            freshStore = true;
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

    /**
     * A few members with points, through the points routes (a template without them, as some tests use, gets none):
     * so the banner's curl can show a balance.
     */
    private void createMembers(DemoStore store) {
        String base = "/api/" + store.code();
        for (String[] member : MEMBERS) {
            HttpResponse<String> registered = post(base + "/admin/customer/register", member[1], member[0]);
            if (registered.statusCode() == 404) {
                StackLog.info("No points routes in this template: the demo store gets no members");
                return;
            }
            if (registered.statusCode() != 200) {
                throw failure("POST " + base + "/admin/customer/register", registered);
            }
            String id = key(registered, "customerId", true);
            transfer(base + "/points/transfer/add", id, member[2], "Welcome to the demo shop", member[0] + "-add");
            if (member[3] != null) {
                transfer(base + "/points/transfer/spend", id, member[3], "A demo purchase", member[0] + "-spend");
            }
        }
    }

    /** issue 11: the base level; empty when this template has no level routes. */
    private Optional<String> createLevel(DemoStore store) {
        String path = "/api/" + store.code() + "/level/create";
        HttpResponse<String> created = post(path, LEVEL_JSON);
        if (created.statusCode() == 404) {
            return Optional.empty();
        }
        if (created.statusCode() != 200) {
            throw failure("POST " + path, created);
        }
        return Optional.of(key(created, "id", true));
    }

    /** issue 11: the demo reward campaign with its pool; none when this template has no campaign routes. */
    private void createCampaign(DemoStore store, String levelId) {
        String path = "/api/" + store.code() + "/campaign";
        HttpResponse<String> created = post(path, CAMPAIGN_JSON.replace("\"LEVEL\"", "\"" + levelId + "\""));
        if (created.statusCode() == 404) {
            StackLog.info("No campaign routes in this template: the demo store gets no reward campaign");
            return;
        }
        if (created.statusCode() != 200) {
            throw failure("POST " + path, created);
        }
    }

    private void transfer(String path, String memberId, String points, String comment, String idempotencyKey) {
        String body = "{\"transfer\":{\"customer\":\"" + memberId + "\",\"points\":" + points + ",\"comment\":\""
                + comment + "\"}}";
        HttpResponse<String> response = post(path, body, idempotencyKey);
        if (response.statusCode() != 200) {
            throw failure("POST " + path, response);
        }
    }

    private HttpResponse<String> post(String path, String body) {
        return post(path, body, null);
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminKey)
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
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

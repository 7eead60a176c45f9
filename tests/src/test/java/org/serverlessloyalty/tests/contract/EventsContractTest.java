package org.serverlessloyalty.tests.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request of events/ is one the document allows: each API Gateway event's path and query parameters, its
 * key and its body against its route's operation, and each spec example body of events/order-tracking/bodies
 * against the operation it is posted to (the CitrusAd answers there against the documented answer).
 */
class EventsContractTest {

    private static final Path EVENTS = CloudFormationYaml.repositoryRoot().resolve("events");

    private final OpenApiContract contract = OpenApiContract.ofRepository();

    @Test
    void everyEventIsARequestItsOperationAllows() throws IOException {
        Map<String, List<String>> problems = new TreeMap<>();
        List<Path> events = files().filter(f -> !f.startsWith(EVENTS.resolve("order-tracking/bodies"))).toList();
        assertThat(events).hasSizeGreaterThanOrEqualTo(contract.operations().size());
        for (Path file : events) {
            JsonNode event = Json.MAPPER.readTree(file.toFile());
            String routeKey = event.path("routeKey").asText();
            var operation = contract.byRouteKey(routeKey);
            if (operation.isEmpty()) {
                problems.put(name(file), List.of("no documented operation " + routeKey));
                continue;
            }
            assertThat(name(file)).as("the file is named after the operation")
                    .matches(".*/" + operation.get().operationId() + "(-[a-z0-9-]+)?\\.json");
            List<String> found = contract.requestProblems(operation.get(), pathParameters(event), query(event),
                    headers(event), body(event));
            if (!found.isEmpty()) {
                problems.put(name(file), found);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Each Open Loyalty route (one that documents a form body) has a form event, so its form schema is exercised. */
    @Test
    void everyRouteThatTakesAFormHasAFormEvent() throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> names = files().map(EventsContractTest::name).toList();
        for (var operation : contract.operations()) {
            if (operation.node().path("requestBody").path("content").has("application/x-www-form-urlencoded")
                    && names.stream().noneMatch(n -> n.endsWith("/" + operation.operationId() + "-form.json"))) {
                missing.add(operation.routeKey());
            }
        }
        assertThat(missing).as("routes taking a form without an events/.../<Operation>-form.json").isEmpty();
        assertThat(names).contains("admin/CreateStore-form.json", "admin/UpdateStore-form.json");
    }

    @Test
    void everySpecExampleBodyIsARequestOrAnswerTheDocumentAllows() throws IOException {
        Map<String, List<String>> problems = new TreeMap<>();
        List<Path> bodies = files().filter(f -> f.startsWith(EVENTS.resolve("order-tracking/bodies"))).toList();
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(9);
        for (Path file : bodies) {
            String name = file.getFileName().toString();
            String text = Files.readString(file);
            String pointer;
            if (name.startsWith("cibler-")) {
                pointer = requestSchema("POST /api/campaignBehaviors/order/{customerId}");
            } else if (name.startsWith("citrusad-") && name.endsWith(".response.json")) {
                pointer = contract.byRouteKey("POST /v1/orders").orElseThrow().pointer()
                        + "/responses/200/content/application~1json/schema";
            } else if (name.startsWith("citrusad-")) {
                pointer = requestSchema("POST /v1/orders");
            } else {
                problems.put(name, List.of("which operation is this body for? (name it cibler-* or citrusad-*)"));
                continue;
            }
            List<String> found = contract.bodyProblems(pointer, text, name);
            if (!found.isEmpty()) {
                problems.put(name, found);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anEventThatBreaksItsOperationIsCaught() throws IOException {
        JsonNode event = Json.MAPPER.readTree(EVENTS.resolve("admin/ListStores.json").toFile());
        var operation = contract.byRouteKey(event.path("routeKey").asText()).orElseThrow();
        Map<String, List<String>> query = new LinkedHashMap<>(query(event));
        query.put("perPage", List.of("1000"));
        Map<String, String> headers = new LinkedHashMap<>(headers(event));
        headers.remove("authorization");
        assertThat(contract.requestProblems(operation, pathParameters(event), query, headers, null)).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("perPage"))
                .anySatisfy(p -> assertThat(p).contains("needs a key"));
    }

    /**
     * A form event (base64, as API Gateway passes a form body) is decoded and read as its handler reads it, then held
     * to the form media type's schema: a wrong currency and an unknown field are caught, each by its place in the
     * tree the handler reads ({@code store[currency]} is {@code /store/currency}).
     */
    @Test
    void aFormEventThatBreaksItsSchemaIsCaught() throws IOException {
        JsonNode event = Json.MAPPER.readTree(EVENTS.resolve("admin/CreateStore-form.json").toFile());
        var operation = contract.byRouteKey(event.path("routeKey").asText()).orElseThrow();
        assertThat(contract.requestProblems(operation, pathParameters(event), query(event), headers(event), body(event)))
                .as("the event as it is").isEmpty();

        String form = new String(body(event), StandardCharsets.UTF_8);
        assertThat(form).contains("store%5Bcurrency%5D=EUR&");
        byte[] broken = form.replace("store%5Bcurrency%5D=EUR&", "store%5Bcurrency%5D=EURO&store%5Bcolour%5D=red&")
                .getBytes(StandardCharsets.UTF_8);
        List<String> problems = contract.requestProblems(operation, pathParameters(event), query(event), headers(event),
                broken);
        assertThat(problems).isNotEmpty()
                .allSatisfy(p -> assertThat(p).contains("read as application/x-www-form-urlencoded"))
                .anySatisfy(p -> assertThat(p).contains("/store/currency"))
                .anySatisfy(p -> assertThat(p).contains("colour"));
    }

    private String requestSchema(String routeKey) {
        return contract.byRouteKey(routeKey).orElseThrow().pointer() + "/requestBody/content/application~1json/schema";
    }

    private static Stream<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(EVENTS)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static String name(Path file) {
        return EVENTS.relativize(file).toString().replace('\\', '/');
    }

    private static Map<String, String> pathParameters(JsonNode event) {
        Map<String, String> parameters = new LinkedHashMap<>();
        event.path("pathParameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        return parameters;
    }

    /** From the raw query string, so repeated parameters stay lists (API Gateway's map joins them with commas). */
    private static Map<String, List<String>> query(JsonNode event) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = event.path("rawQueryString").asText("");
        if (!raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        } else {
            event.path("queryStringParameters").fields()
                    .forEachRemaining(e -> query.put(e.getKey(), List.of(e.getValue().asText())));
        }
        return query;
    }

    private static Map<String, String> headers(JsonNode event) {
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    /** The body's bytes as the function receives them: a base64 body (API Gateway's form bodies) decoded. */
    private static byte[] body(JsonNode event) {
        JsonNode body = event.get("body");
        if (body == null || body.isNull()) {
            return null;
        }
        return event.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body.asText())
                : body.asText().getBytes(StandardCharsets.UTF_8);
    }
}

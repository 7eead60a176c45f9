package org.serverlessloyalty.tests.template;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.http.Json;
import org.serverlessloyalty.shared.testing.LocalTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds every file of events/ to the handler template.yaml declares for its route, as
 * {@code sam local invoke} would, against the in-process DynamoDB, and expects success.
 */
class EventsIT {

    private static final String ADMIN_KEY = "local-admin-key";
    private static final com.fasterxml.jackson.databind.ObjectMapper EVENTS = Json.MAPPER.copy()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Events that need others first: the store, then its codes. */
    private static final List<String> FIRST = List.of("CreateStore.json", "CreateGiftCodes.json");

    @Test
    @SuppressWarnings("unchecked")
    void everyEventFileSucceedsOnItsHandler() throws Exception {
        Path root = CloudFormationYaml.repositoryRoot();
        TemplateModel template = new TemplateModel(CloudFormationYaml.loadTemplate());
        LocalTable table = LocalTable.create();

        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(root.resolve("events"))) {
            walk.filter(p -> p.toString().endsWith(".json")).sorted((a, b) -> {
                int ia = FIRST.indexOf(a.getFileName().toString());
                int ib = FIRST.indexOf(b.getFileName().toString());
                return Integer.compare(ia < 0 ? FIRST.size() : ia, ib < 0 ? FIRST.size() : ib);
            }).forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(template.routes().size());

        String storeKey = null;
        for (Path file : files) {
            ObjectNode event = (ObjectNode) Json.MAPPER.readTree(file.toFile());
            String routeKey = event.get("routeKey").asText();
            var function = template.functions().stream()
                    .filter(f -> Path.of(f.codeUri()).getFileName().equals(file.getParent().getFileName()))
                    .findFirst().orElseThrow(() -> new AssertionError("No function builds " + file.getParent()));
            assertThat(template.routes()).as(file + " route").anyMatch(r ->
                    r.function().equals(function.logicalId()) && r.routeKey().equals(routeKey));
            ObjectNode headers = (ObjectNode) event.get("headers");
            if (headers.has("x-api-key")) {
                headers.put("x-api-key", storeKey);
            }
            var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) table.lambdaHandler(() -> {
                try {
                    return Class.forName(function.handlerClass()).getConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }, Map.of("ADMIN_API_KEY", ADMIN_KEY));
            var response = handler.handleRequest(EVENTS.treeToValue(event, APIGatewayV2HTTPEvent.class), null);
            assertThat(response.getStatusCode()).as(file + ": " + response.getBody()).isBetween(200, 299);
            if (List.of("CreateStore.json", "RotateStoreApiKey.json").contains(file.getFileName().toString())) {
                storeKey = Json.MAPPER.readTree(response.getBody()).get("apiKey").asText();
            }
            if (file.getFileName().toString().equals("Validate.json")) {
                assertThat(Json.MAPPER.readTree(response.getBody()).get("canUse").asBoolean()).isTrue();
            }
        }
    }
}

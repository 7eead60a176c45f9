package org.serverlessloyalty.tests.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi.yaml is a valid OpenAPI 3.1 document, every example in it is valid against its own schema,
 * and each operation states what the contract checker relies on: its security, and an explicit status for
 * every answer (no {@code default} or {@code 4XX}, which would let any status through).
 */
class OpenApiDocumentTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final OpenApiContract contract = OpenApiContract.ofRepository();

    @Test
    void swaggerParserReadsTheDocumentAsOpenApi31WithoutAMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(
                OpenApiContract.read(OpenApiContract.documentPath()), null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(result.getOpenAPI().getPaths()).hasSize(contract.document().path("paths").size());
    }

    @Test
    void everyExampleIsValidAgainstItsSchema() {
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        walk(contract, contract.document(), "", problems, checked);
        assertThat(problems).isEmpty();
        assertThat(checked[0]).as("examples checked").isGreaterThan(20);
    }

    @Test
    void theExampleCheckCatchesAnExampleThatBreaksItsSchema() {
        OpenApiContract broken = OpenApiContract.parse(OpenApiContract.read(OpenApiContract.documentPath())
                .replace("                total: 132600", "                total: '1326.00 EUR'"));
        List<String> problems = new ArrayList<>();
        walk(broken, broken.document(), "", problems, new int[1]);
        assertThat(problems).singleElement().asString().contains("/cart/total");
    }

    @Test
    void everyOperationDeclaresItsSecurityAndOnlyExplicitStatuses() {
        Set<String> operationIds = new HashSet<>();
        for (OpenApiContract.Operation operation : contract.operations()) {
            String name = operation.routeKey();
            assertThat(operation.operationId()).as(name).isNotBlank();
            assertThat(operationIds.add(operation.operationId())).as("unique operationId " + name).isTrue();
            assertThat(operation.node().path("security").isArray()).as(name + " security ([] for none)").isTrue();
            List<String> statuses = OpenApiContract.fieldNames(operation.node().path("responses"));
            assertThat(statuses).as(name).allMatch(s -> s.matches("[1-5][0-9][0-9]"));
            assertThat(statuses).as(name + ": every function can fail with a bug").contains("500");
            assertThat(statuses).as(name + ": API Gateway throttles every route").contains("429");
            boolean keyed = !operation.node().path("security").isEmpty();
            assertThat(statuses.contains("401")).as(name + ": 401 exactly when a key is needed")
                    .isEqualTo(keyed || operation.operationId().equals("CiblerOrder"));
            boolean body = operation.node().has("requestBody");
            assertThat(statuses.contains("413")).as(name + ": 413 exactly when a body is read").isEqualTo(body);
            JsonNode content = operation.node().path("requestBody").path("content");
            boolean openLoyalty = content.has(FORM);
            // The points import reads CSV as well as JSON: it too refuses any other media type.
            boolean text = OpenApiContract.fieldNames(content).stream().anyMatch(type -> type.startsWith("text/"));
            assertThat(statuses.contains("415")).as(name + ": 415 exactly when an Open Loyalty body (a form) or a text"
                    + " body is read").isEqualTo(openLoyalty || text);
            if (openLoyalty) {
                assertThat(OpenApiContract.fieldNames(content)).as(name + ": an Open Loyalty body is a form or JSON")
                        .containsExactlyInAnyOrder(FORM, "application/json");
                assertThat(content.path(FORM).path("encoding")).as(name + ": its root key is sent as root[field]")
                        .isNotEmpty().allSatisfy(e -> assertThat(e.path("style").asText()).isEqualTo("deepObject"));
                assertThat(content.path(FORM).path("examples").isEmpty()).as(name + ": a form example").isFalse();
            }
        }
    }

    /**
     * ApiRequest refuses a path value over 256 characters, a query value over 512 and any value holding control or
     * format characters with a 400 before a handler looks at it, so every operation that takes a parameter (or a
     * body) can answer 400, a lookup by path included ({@code GET /api/store/{storeCode}}).
     */
    @Test
    void everyOperationThatTakesAParameterOrABodyDocuments400() {
        List<String> missing = new ArrayList<>();
        for (OpenApiContract.Operation operation : contract.operations()) {
            String pathItem = operation.pointer().substring(0, operation.pointer().lastIndexOf('/'));
            boolean takesInput = !contract.at(pathItem).path("parameters").isEmpty()
                    || !operation.node().path("parameters").isEmpty() || operation.node().has("requestBody");
            if (takesInput && !operation.node().path("responses").has("400")) {
                missing.add(operation.routeKey());
            }
        }
        assertThat(missing).as("operations that take input yet document no 400").isEmpty();
    }

    /** Media type and parameter {@code example}/{@code examples}, and schema {@code examples}, against their schema. */
    private static void walk(OpenApiContract target, JsonNode node, String pointer, List<String> problems, int[] checked) {
        if (!node.isContainerNode()) {
            return;
        }
        if (node.isObject() && node.has("schema") && (node.has("example") || node.has("examples"))) {
            String schema = pointer + "/schema";
            if (node.has("example")) {
                problems.addAll(target.instanceProblems(schema, node.get("example"), pointer + "/example"));
                checked[0]++;
            }
            for (String name : OpenApiContract.fieldNames(node.path("examples"))) {
                problems.addAll(target.instanceProblems(schema, node.get("examples").get(name).get("value"),
                        pointer + "/examples/" + name));
                checked[0]++;
            }
        }
        if (node.isObject() && node.path("examples").isArray() && !node.has("schema")) {
            for (JsonNode example : node.get("examples")) {
                problems.addAll(target.instanceProblems(pointer, example, pointer + "/examples"));
                checked[0]++;
            }
        }
        if (node.isObject()) {
            for (String name : OpenApiContract.fieldNames(node)) {
                walk(target, node.get(name), pointer + "/" + OpenApiContract.escape(name), problems, checked);
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                walk(target, node.get(i), pointer + "/" + i, problems, checked);
            }
        }
    }
}

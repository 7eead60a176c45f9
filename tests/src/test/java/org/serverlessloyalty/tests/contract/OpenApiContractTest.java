package org.serverlessloyalty.tests.contract;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checker the IT clients call after every answer: it passes what the document allows and fails what it
 * does not (a wrong field, an undocumented status, a route nobody documented, a body where none is documented).
 */
class OpenApiContractTest {

    private static final String ERROR_404 = """
            {"status":404,"code":"NOT_FOUND","message":"Store 13 was not found","errors":[],"requestId":"r-1"}""";

    private final OpenApiContract contract = OpenApiContract.ofRepository();

    @Test
    void aDocumentedAnswerPasses() {
        assertThat(contract.responseProblems("GET", "/api/store/13", 404, ERROR_404)).isEmpty();
        assertThat(contract.responseProblems("PUT", "/api/store/13", 204, null)).isEmpty();
        assertThat(contract.responseProblems("GET", "/api/", 200, "{\"name\":\"serverless-loyalty\",\"version\":\"1\"}"))
                .as("a trailing slash reaches GET /api").isEmpty();
        assertThat(contract.responseProblems("GET", "/v1/resource/third-o?key=pk_x_y&ordid=1", 200, "{}")).isEmpty();
        OpenApiContract.assertResponseMatches("GET", "/api/{storeCode}/admin/giftCodes/{code}", 404,
                ERROR_404.replace("Store 13", "Code X"));
    }

    @Test
    void anAnswerThatBreaksItsSchemaFails() {
        assertThat(contract.responseProblems("GET", "/api", 200, "{\"name\":\"serverless-loyalty\"}"))
                .singleElement().asString().contains("version");
        assertThat(contract.responseProblems("GET", "/api/store/13", 404, ERROR_404.replace("NOT_FOUND", "MISSING")))
                .isNotEmpty();
        assertThat(contract.responseProblems("GET", "/api/store/13", 404, ERROR_404.replace("\"status\":404", "\"status\":400")))
                .as("the error's status is the HTTP status").isNotEmpty();
        assertThat(contract.responseProblems("GET", "/api/store/13", 404, "Not Found")).singleElement().asString()
                .contains("not JSON");
        assertThatThrownBy(() -> OpenApiContract.assertResponseMatches("GET", "/api", 200, "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("docs/openapi.yaml");
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThat(contract.responseProblems("GET", "/api/store/13", 418, "{\"teapot\":true}"))
                .singleElement().asString().contains("GET /api/store/{storeCode} does not document status 418");
        assertThat(contract.responseProblems("GET", "/api/healthcheck", 404, ERROR_404)).isNotEmpty();
    }

    @Test
    void aBodyWhereNoneIsDocumentedFailsAndAMissingOneToo() {
        assertThat(contract.responseProblems("GET", "/api/healthcheck", 204, "{}")).singleElement().asString()
                .contains("without a body");
        assertThat(contract.responseProblems("GET", "/api/store/13", 200, "")).singleElement().asString()
                .contains("has none");
    }

    @Test
    void anUndocumentedRouteMayOnlyAnswerApiGatewaysNotFound() {
        assertThat(contract.responseProblems("GET", "/api/nothing/here", 404, "{\"message\":\"Not Found\"}")).isEmpty();
        assertThat(contract.responseProblems("DELETE", "/api/store/13", 404, "{\"message\":\"Not Found\"}")).isEmpty();
        assertThat(contract.responseProblems("DELETE", "/api/store/13", 200, "{}")).singleElement().asString()
                .contains("not a documented route");
        assertThat(contract.responseProblems("GET", "/api/nothing/here", 404, ERROR_404)).isNotEmpty();
    }

    @Test
    void aDeliberatelyWrongContractFailsTheRealAnswer() {
        String real = "{\"name\":\"serverless-loyalty\",\"version\":\"0.1.0-SNAPSHOT\"}";
        assertThat(contract.responseProblems("GET", "/api", 200, real)).isEmpty();
        OpenApiContract wrong = OpenApiContract.parse(OpenApiContract.read(OpenApiContract.documentPath())
                .replace("        version:\n          type: string\n", "        version:\n          type: integer\n"));
        assertThat(wrong.responseProblems("GET", "/api", 200, real)).singleElement().asString()
                .contains("/version").contains("integer");
    }

    @Test
    void formatsAreAssertedNotOnlyAnnotated() {
        assertThat(contract.instanceProblems("/components/schemas/Instant", TextNode.valueOf("2026-11-25T13:00:00.123Z"),
                "instant")).isEmpty();
        assertThat(contract.instanceProblems("/components/schemas/Instant", TextNode.valueOf("yesterday"), "instant"))
                .isNotEmpty();
        assertThat(contract.instanceProblems("/components/schemas/Day", TextNode.valueOf("2026-02-30"), "day"))
                .isNotEmpty();
    }

    @Test
    void routesArePickedAsApiGatewayPicksThem() {
        assertThat(contract.operation("POST", "/api/store/13/api-key/rotate?key=publishable").orElseThrow().operationId())
                .isEqualTo("RotateStoreApiKey");
        assertThat(contract.operation("GET", "/api/store").orElseThrow().operationId()).isEqualTo("ListStores");
        assertThat(contract.operation("GET", "/api/13/admin/giftCodes/SUMMER10").orElseThrow().operationId())
                .isEqualTo("GetGiftCode");
        assertThat(contract.operation("GET", "/api/store/{storeCode}").orElseThrow().operationId()).isEqualTo("GetStore");
        assertThat(contract.operation("PATCH", "/api/store/13")).isEmpty();
    }

    @Test
    void requestsAreCheckedForParametersKeysAndBody() {
        var create = contract.byRouteKey("POST /api/store").orElseThrow();
        String store = "{\"code\":\"13\",\"name\":\"Demo\",\"currency\":\"EUR\",\"timezone\":\"Europe/Paris\"}";
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), Map.of("Authorization", "Bearer k"), store))
                .isEmpty();
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), Map.of(), store))
                .singleElement().asString().contains("needs a key");
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), Map.of("X-AUTH-TOKEN", "k"),
                store.replace("\"EUR\"", "\"EUR\",\"colour\":\"red\""))).as("admin bodies refuse unknown fields")
                .isNotEmpty();

        var list = contract.byRouteKey("GET /api/store").orElseThrow();
        assertThat(contract.requestProblems(list, Map.of(), Map.of("page", List.of("2")), Map.of("Authorization", "Bearer k"), null))
                .isEmpty();
        assertThat(contract.requestProblems(list, Map.of(), Map.of("page", List.of("0"), "sort", List.of("name")),
                Map.of("Authorization", "Bearer k"), null)).hasSize(2);

        var beacon = contract.byRouteKey("GET /v1/resource/third-o").orElseThrow();
        Map<String, List<String>> query = Map.of("key", List.of("pk_13_x"), "catid", List.of("c"), "ordid", List.of("o-1"),
                "ordts", List.of("2026-11-25T10:00:00Z"), "sesid", List.of("s"), "procods", List.of("A", "B"),
                "pris", List.of("1.00", "2.50"), "quas", List.of("1", "2"));
        assertThat(contract.requestProblems(beacon, Map.of(), query, Map.of(), null)).isEmpty();
        var badQuantity = new java.util.HashMap<>(query);
        badQuantity.put("quas", List.of("1", "two"));
        assertThat(contract.requestProblems(beacon, Map.of(), badQuantity, Map.of(), null)).singleElement().asString()
                .contains("quas");
    }

    @Test
    void aCommaSeparatedParameterIsCheckedItemByItem() {
        var list = contract.byRouteKey("GET /api/{storeCode}/admin/giftCodes").orElseThrow();
        Map<String, String> path = Map.of("storeCode", "13");
        Map<String, String> admin = Map.of("Authorization", "Bearer k");
        assertThat(contract.requestProblems(list, path, Map.of("status", List.of("ACTIVE,EXHAUSTED")), admin, null))
                .isEmpty();
        assertThat(contract.requestProblems(list, path, Map.of("status", List.of("ACTIVE,USED")), admin, null))
                .singleElement().asString().contains("status").contains("/1");
        assertThat(contract.requestProblems(list, path, Map.of("status", List.of("ACTIVE,")), admin, null))
                .as("an empty item is one").singleElement().asString().contains("status").contains("/1");
    }
}

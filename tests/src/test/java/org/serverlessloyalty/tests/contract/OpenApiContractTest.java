package org.serverlessloyalty.tests.contract;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
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

    private static final String UNSUPPORTED = """
            {"status":415,"code":"UNSUPPORTED_MEDIA_TYPE","message":"Send the body as application/x-www-form-urlencoded \
            or application/json","errors":[{"field":"Content-Type","message":"must be application/x-www-form-urlencoded \
            or application/json"}],"requestId":"r-1"}""";

    private final OpenApiContract contract = OpenApiContract.ofRepository();

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDocumentedAnswerPasses() {
        assertThat(contract.responseProblems("GET", "/api/store/13", 404, ERROR_404)).isEmpty();
        assertThat(contract.responseProblems("PUT", "/api/store/13", 204, null)).isEmpty();
        assertThat(contract.responseProblems("GET", "/api/", 200, "{\"name\":\"serverless-loyalty\",\"version\":\"1\"}"))
                .as("a trailing slash reaches GET /api").isEmpty();
        assertThat(contract.responseProblems("GET", "/v1/resource/third-o?key=pk_x_y&ordid=1", 200, "{}")).isEmpty();
        assertThat(contract.responseProblems("POST", "/api/store", 415, UNSUPPORTED)).isEmpty();
        assertThat(contract.responseProblems("PUT", "/api/store/13", 415, UNSUPPORTED)).isEmpty();
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
        assertThat(contract.responseProblems("POST", "/api/13/admin/giftCodes", 415, UNSUPPORTED))
                .as("only Open Loyalty routes answer 415").singleElement().asString().contains("415");
        assertThat(contract.responseProblems("POST", "/api/store", 415, UNSUPPORTED.replace("Content-Type", "body")))
                .as("a 415 names Content-Type").isNotEmpty();
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
        byte[] store = bytes("{\"code\":\"13\",\"name\":\"Demo\",\"currency\":\"EUR\",\"timezone\":\"Europe/Paris\"}");
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), Map.of("Authorization", "Bearer k"), store))
                .isEmpty();
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), Map.of(), store))
                .singleElement().asString().contains("needs a key");
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), Map.of("X-AUTH-TOKEN", "k"),
                bytes(new String(store, StandardCharsets.UTF_8).replace("\"EUR\"", "\"EUR\",\"colour\":\"red\""))))
                .as("admin bodies refuse unknown fields")
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

    /**
     * The store routes are Open Loyalty routes: a body is read with the handler's own parser (OpenLoyaltyBody) and
     * held to the schema of the media type it is read as — a form's bracket fields to the form schema (every value
     * text), JSON (even labelled a form, as {@code curl -d '{...}'} sends it) to the JSON schema — and a body the
     * parser refuses (another media type, a field given twice) is a problem, as the handler's 415 or 400 would be.
     */
    @Test
    void openLoyaltyBodiesAreReadAsTheirHandlerReadsThem() {
        var create = contract.byRouteKey("POST /api/store").orElseThrow();
        Map<String, String> form = Map.of("Authorization", "Bearer k",
                "Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), form,
                bytes("store%5Bcode%5D=ol-1&store%5Bname%5D=Boutique+%C3%A9t%C3%A9&store%5Bcurrency%5D=EUR&store%5Bactive%5D=1")))
                .isEmpty();
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), Map.of("X-AUTH-TOKEN", "k"),
                bytes("code=ol-1&name=Flat&currency=EUR"))).as("no Content-Type is a form; no store key is flat")
                .isEmpty();
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), form, bytes("store[code]=ol-1&store[name]=A")))
                .as("timezone and locale are optional, currency is not").isNotEmpty()
                .allSatisfy(p -> assertThat(p).contains("read as application/x-www-form-urlencoded"))
                .anySatisfy(p -> assertThat(p).contains("currency"));

        String wrappedJson = "{\"store\":{\"code\":\"ol-1\",\"name\":\"A\",\"currency\":\"EUR\",\"active\":true}}";
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), form, bytes(wrappedJson)))
                .as("JSON labelled a form is JSON, and JSON's active may be a boolean").isEmpty();
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), form,
                bytes("store[code]=ol-1&store[name]=A&store[currency]=EUR&store[active][]=1")))
                .as("a form's active is text, never a list").isNotEmpty()
                .anySatisfy(p -> assertThat(p).contains("/store/active"));

        assertThat(contract.requestProblems(create, Map.of(), Map.of(),
                Map.of("Authorization", "Bearer k", "Content-Type", "multipart/form-data; boundary=x"),
                bytes("--x\r\nContent-Disposition: form-data; name=\"store[code]\"\r\n\r\nol-1\r\n--x--\r\n")))
                .singleElement().asString().contains("415").contains("Content-Type");
        assertThat(contract.requestProblems(create, Map.of(), Map.of(), form,
                bytes("store[code]=ol-1&store[name]=A&store[name]=B&store[currency]=EUR")))
                .singleElement().asString().contains("400").contains("store[name]");

        var update = contract.byRouteKey("PUT /api/store/{storeCode}").orElseThrow();
        Map<String, String> path = Map.of("storeCode", "ol-1");
        assertThat(contract.requestProblems(update, path, Map.of(), form, null)).as("an empty update changes nothing")
                .isEmpty();
        assertThat(contract.requestProblems(update, path, Map.of(), form, bytes("store[active]=0"))).isEmpty();
        assertThat(contract.requestProblems(update, path, Map.of(), form, bytes("store[colour]=red")))
                .isNotEmpty().anySatisfy(p -> assertThat(p).contains("colour"));
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

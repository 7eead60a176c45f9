package org.serverlessloyalty.tests.stores;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open Loyalty's store API as its clients call it, over real HTTP on the local stack started from template.yaml:
 * {@code store[...]} form bodies, JSON with and without the {@code store} root key, and errors naming each field
 * as the client wrote it. This API's own flat JSON keeps working alongside.
 */
class OpenLoyaltyStoreHttpIT {

    private static final String ADMIN_KEY = "ol-store-admin-key";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    private static LocalStack stack;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults()
                .port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey(ADMIN_KEY)
                .seedDemo(false)
                .accessLog(false));
        api = new HttpApiClient(stack.baseUri());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** As Open Loyalty's documentation calls it: its X-AUTH-TOKEN header and the body's own content type. */
    private static ApiClient.Response admin(String method, String path, String contentType, String body) {
        return api.call(method, path, Map.of("X-AUTH-TOKEN", ADMIN_KEY, "Content-Type", contentType), body);
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").findValuesAsText("field");
    }

    @Test
    void anOpenLoyaltyFormCreatesTheStoreWithTheDefaultTimeZoneAndLocale() {
        var created = admin("POST", "/api/store", FORM,
                "store%5Bcode%5D=ol-1&store%5Bname%5D=Boutique+%C3%A9t%C3%A9&store%5Bcurrency%5D=EUR&store%5Bactive%5D=1");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("apiKey").asText()).startsWith("sl_ol-1_");

        var read = admin("GET", "/api/store/ol-1", JSON, null).json();
        assertThat(read.get("name").asText()).isEqualTo("Boutique été");
        assertThat(read.get("currency").asText()).isEqualTo("EUR");
        assertThat(read.get("timezone").asText()).isEqualTo("UTC");
        assertThat(read.get("locale").asText()).isEqualTo("en");
        assertThat(read.get("active").asBoolean()).isTrue();
    }

    @Test
    void theDocumentationsOwnCurlExampleWorksAsSent() {
        // curl -d "store[active] = 1" -d "store[name] = store_name" ... joins its -d values with '&', spaces included.
        var created = admin("POST", "/api/store", FORM,
                "store[active] = 0&store[name] = store_name&store[currency] = EUR&store[code] = store-code");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo("store_name");
        assertThat(created.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void jsonWithAndWithoutTheStoreKeyCreatesTheSameWay() {
        var wrapped = admin("POST", "/api/store", JSON,
                "{\"store\":{\"code\":\"ol-2\",\"name\":\"Two\",\"currency\":\"EUR\",\"active\":\"0\"}}");
        assertThat(wrapped.status()).as(wrapped.body()).isEqualTo(201);
        assertThat(wrapped.json().get("active").asBoolean()).isFalse();
        assertThat(wrapped.json().get("timezone").asText()).isEqualTo("UTC");

        var flat = admin("POST", "/api/store", JSON,
                "{\"code\":\"ol-3\",\"name\":\"Three\",\"currency\":\"EUR\",\"timezone\":\"Europe/Paris\",\"locale\":\"fr\"}");
        assertThat(flat.status()).as(flat.body()).isEqualTo(201);
        assertThat(flat.json().get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(flat.json().get("active").asBoolean()).isTrue();
    }

    @Test
    void errorsNameEachFieldAsTheClientWroteIt() {
        assertThat(fields(admin("POST", "/api/store", FORM, "store[code]=ol-4&store[currency]=XYZ&store[colour]=red")))
                .containsExactlyInAnyOrder("store[name]", "store[currency]", "store[colour]");
        assertThat(fields(admin("POST", "/api/store", JSON,
                "{\"store\":{\"code\":\"ol-4\",\"name\":\"Four\",\"currency\":\"XYZ\"}}")))
                .containsExactly("store[currency]");
        assertThat(fields(admin("POST", "/api/store", JSON, "{\"code\":\"ol-4\",\"name\":\"Four\",\"currency\":\"XYZ\"}")))
                .containsExactly("currency");
        assertThat(fields(admin("POST", "/api/store", FORM, "store[code]=ol-4&store[name]=A&store[name]=B&store[currency]=EUR")))
                .containsExactly("store[name]");
        assertThat(admin("GET", "/api/store/ol-4", JSON, null).status()).as("nothing written").isEqualTo(404);
    }

    @Test
    void aFormUpdateChangesOnlyWhatItCarries() {
        var created = admin("POST", "/api/store", JSON,
                "{\"code\":\"ol-5\",\"name\":\"Five\",\"currency\":\"EUR\",\"timezone\":\"Europe/Paris\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        var update = admin("PUT", "/api/store/ol-5", FORM, "store[name]=Cinq&store[active]=false");
        assertThat(update.status()).as(update.body()).isEqualTo(204);
        var read = admin("GET", "/api/store/ol-5", JSON, null).json();
        assertThat(read.get("name").asText()).isEqualTo("Cinq");
        assertThat(read.get("active").asBoolean()).isFalse();
        assertThat(read.get("timezone").asText()).isEqualTo("Europe/Paris");
    }

    @Test
    void jsonSentWithCurlsDefaultFormLabelIsStillJson() {
        admin("POST", "/api/store", JSON, "{\"code\":\"ol-6\",\"name\":\"Six\",\"currency\":\"EUR\"}");
        var update = admin("PUT", "/api/store/ol-6", FORM, "{\"timezone\":\"Europe/Zurich\"}");
        assertThat(update.status()).as(update.body()).isEqualTo(204);
        assertThat(admin("GET", "/api/store/ol-6", JSON, null).json().get("timezone").asText()).isEqualTo("Europe/Zurich");
    }

    @Test
    void aMultipartBodyIs415NamingContentTypeAndWritesNothing() throws IOException, InterruptedException {
        // Plain HTTP: the documented answers are checked by HttpApiClient, and 415 is new to the store routes.
        HttpRequest request = HttpRequest.newBuilder(stack.baseUri().resolve("/api/store"))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"store[code]\"\r\n\r\n"
                        + "ol-7\r\n--x--\r\n"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertThat(response.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"").contains("\"field\":\"Content-Type\"");
        assertThat(admin("GET", "/api/store/ol-7", JSON, null).status()).isEqualTo(404);
    }
}

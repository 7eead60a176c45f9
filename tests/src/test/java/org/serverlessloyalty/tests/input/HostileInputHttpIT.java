package org.serverlessloyalty.tests.input;

import java.lang.management.ManagementFactory;
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

/** Hostile input over real HTTP, on the local stack started from template.yaml. */
class HostileInputHttpIT {

    private static final String ADMIN_KEY = "hostile-http-admin-key";
    private static final String STORE = "hostile-http";
    private static final String JSON = "application/json";

    private static LocalStack stack;
    private static ApiClient api;
    private static String storeKey;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults()
                .port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey(ADMIN_KEY)
                .seedDemo(false)
                .accessLog(false));
        api = new HttpApiClient(stack.baseUri());
        var created = admin("POST", "/api/store", "{\"code\":\"" + STORE + "\",\"name\":\"Shop\",\"currency\":\"EUR\","
                + "\"timezone\":\"Europe/Paris\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        storeKey = created.json().get("apiKey").asText();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static ApiClient.Response admin(String method, String path, String body) {
        return api.call(method, path, Map.of("Authorization", "Bearer " + ADMIN_KEY, "Content-Type", JSON), body);
    }

    private static ApiClient.Response ciblerOrder(String body) {
        return api.call("POST", "/api/campaignBehaviors/order/" + STORE, Map.of("Content-Type", JSON), body);
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").findValuesAsText("field");
    }

    /** CPU of the whole process (the stack runs in it): before the bounds, one such body cost 2-5 s. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Test
    void theUnauthenticatedCiblerOrderRouteAnswersHostileNumbers400NamingTheFieldCheaply() {
        ciblerOrder("{\"orderInformation\":{\"totalSpent\":1}}"); // warm up
        int requests = 0;
        long before = processCpuNanos();
        for (String number : HostileBodiesIT.HOSTILE_NUMBERS) {
            var response = ciblerOrder("{\"orderInformation\":{\"totalSpent\":" + number + "}}");
            assertThat(fields(response)).as(number.substring(0, Math.min(20, number.length())))
                    .containsExactly("orderInformation.totalSpent");
            requests++;
        }
        long perRequest = (processCpuNanos() - before) / requests;
        assertThat(perRequest).as("process CPU nanoseconds per request").isLessThan(100_000_000L);
    }

    @Test
    void aRepeatedFieldAndInvisibleCharactersInIdsAre400NamingThemOverHttp() {
        String base = "{\"orderContext\":{\"key\":\"" + storeKey + "\",\"email\":\"a@b.c\",\"country\":\"FR\","
                + "\"environnement\":\"Prod\",\"siteId\":13,\"customerGuid\":\"%GUID%\"},\"cookieId\":\"CIB1\","
                + "\"orderInformation\":{\"orderId\":7,\"totalSpent\":10,\"taxes\":0,\"shippingCost\":0%MORE%}}";
        var repeated = ciblerOrder(base.replace("%GUID%", "g1").replace("%MORE%", ",\"totalSpent\":0.01"));
        assertThat(fields(repeated)).containsExactly("orderInformation.totalSpent");
        var nul = ciblerOrder(base.replace("%GUID%", "g\\u00001").replace("%MORE%", ""));
        assertThat(fields(nul)).containsExactly("orderContext.customerGuid");
        var override = ciblerOrder(base.replace("%GUID%", "g\\u202E1").replace("%MORE%", ""));
        assertThat(fields(override)).containsExactly("orderContext.customerGuid");
        var accepted = ciblerOrder(base.replace("%GUID%", "g1").replace("%MORE%", ""));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    @Test
    void aLongPathValueIs400BeforeItReachesAKeyAndLongInputsAreNeverEchoedOverHttp() {
        var longId = admin("GET", "/api/" + STORE + "/admin/orders/" + "9".repeat(2_048), null);
        assertThat(fields(longId)).containsExactly("orderId");
        assertThat(longId.body()).doesNotContain("9".repeat(50));

        String name = "n".repeat(3_000);
        var unknown = admin("PUT", "/api/store/" + STORE, "{\"" + name + "\":1}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).doesNotContain("n".repeat(50)).hasSizeLessThan(1_000);

        var longValue = admin("PUT", "/api/store/" + STORE, "{\"timezone\":\"" + "z".repeat(3_000) + "\"}");
        assertThat(fields(longValue)).containsExactly("timezone");
        assertThat(longValue.body()).doesNotContain("z".repeat(50));
    }
}

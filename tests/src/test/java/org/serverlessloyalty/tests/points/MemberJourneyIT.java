package org.serverlessloyalty.tests.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * Members over real HTTP on the local stack started from template.yaml, as a shop uses them: its server registers
 * customers (Open Loyalty form bodies and JSON), reads, updates, searches, deactivates and anonymizes them, and asks
 * for customer tokens its front end then uses on the customer routes, for its own member only.
 */
class MemberJourneyIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static LocalStack stack;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey("members-admin-key").seedDemo(false).accessLog(false));
        api = new HttpApiClient(stack.baseUri());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private record Shop(String code, String key) {
    }

    private static Shop shop() {
        String code = "mj-" + UUID.randomUUID().toString().substring(0, 8);
        var created = call("POST", "/api/store", admin(), Json.write(Map.of("code", code, "name", "Shop " + code,
                "currency", "EUR", "timezone", "Europe/Paris", "locale", "fr")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Shop(code, created.json().get("apiKey").asText());
    }

    private static Map<String, String> admin() {
        return bearer(stack.adminKey());
    }

    private static Map<String, String> bearer(String credential) {
        return Map.of("Authorization", "Bearer " + credential, "Content-Type", "application/json");
    }

    private static ApiClient.Response call(String method, String path, Map<String, String> headers, String body) {
        return api.call(method, path, headers, body);
    }

    private static List<String> errorFields(ApiClient.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    void aShopRegistersReadsUpdatesSearchesDeactivatesAndAnonymizesItsCustomers() {
        Shop shop = shop();
        // Open Loyalty's own example, form-encoded, with the shop's customer id.
        var registered = call("POST", "/api/" + shop.code() + "/admin/customer/register",
                Map.of("Authorization", "Bearer " + shop.key(), "Content-Type", FORM),
                "customer[firstName]=John&customer[lastName]=Kowalski&customer[email]=john4%40example.com"
                        + "&customer[phone]=000000005000&customer[agreement1]=1&customer[externalId]=guid-77");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String john = registered.json().get("customerId").asText();
        assertThat(registered.json().get("email").asText()).isEqualTo("john4@example.com");

        JsonNode read = call("GET", "/api/" + shop.code() + "/customer/" + john, admin(), null).json();
        assertThat(read.get("firstName").asText()).isEqualTo("John");
        assertThat(read.get("agreement1").asBoolean()).isTrue();
        assertThat(read.get("externalId").asText()).isEqualTo("guid-77");

        var updated = call("PUT", "/api/" + shop.code() + "/customer/" + john,
                Map.of("X-Api-Key", shop.key(), "Content-Type", FORM),
                "customer[email]=john5%40example.com&customer[phone]=&customer[agreement2]=1");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        read = call("GET", "/api/" + shop.code() + "/customer/" + john, admin(), null).json();
        assertThat(read.get("email").asText()).isEqualTo("john5@example.com");
        assertThat(read.has("phone")).isFalse();

        var jane = call("POST", "/api/" + shop.code() + "/seller/customer/register", bearer(shop.key()),
                Json.write(Map.of("customer", Map.of("firstName", "Jane", "lastName", "Kowalska",
                        "email", "jane@example.com"))));
        assertThat(jane.status()).as(jane.body()).isEqualTo(200);
        var search = call("GET", "/api/" + shop.code() + "/admin/customer?lastName=kowal&sort=firstName&direction=asc",
                admin(), null).json();
        assertThat(search.get("total").asInt()).isEqualTo(2);
        assertThat(search.get("customers").get(0).get("firstName").asText()).isEqualTo("Jane");
        var exact = call("GET", "/api/" + shop.code() + "/admin/customer?email=JOHN5%40example.com&strict=1",
                bearer(shop.key()), null).json();
        assertThat(exact.get("customers")).hasSize(1);

        var duplicate = call("POST", "/api/" + shop.code() + "/admin/customer/register",
                Map.of("Authorization", "Bearer " + shop.key(), "Content-Type", FORM),
                "customer[firstName]=Other&customer[lastName]=K&customer[email]=JOHN5%40example.com"
                        + "&customer[externalId]=guid-77");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(errorFields(duplicate)).containsExactlyInAnyOrder("customer[email]", "customer[externalId]");

        assertThat(call("POST", "/api/" + shop.code() + "/admin/customer/" + john + "/deactivate", admin(), null)
                .status()).isEqualTo(200);
        assertThat(call("GET", "/api/" + shop.code() + "/customer/" + john, admin(), null).json().get("active")
                .asBoolean()).isFalse();
        assertThat(call("POST", "/api/" + shop.code() + "/seller/customer/" + john + "/activate", bearer(shop.key()),
                null).status()).isEqualTo(200);

        assertThat(call("POST", "/api/" + shop.code() + "/admin/customer/" + john + "/anonymize", admin(), null)
                .status()).isEqualTo(204);
        read = call("GET", "/api/" + shop.code() + "/customer/" + john, admin(), null).json();
        assertThat(read.get("status").get("type").asText()).isEqualTo("anonymized");
        assertThat(read.toString()).doesNotContain("John", "john5", "guid-77");
    }

    @Test
    void aCustomerTokenSeesOnlyItsOwnMemberUntilTheSecretIsRotated() {
        Shop shop = shop();
        String jane = call("POST", "/api/" + shop.code() + "/admin/customer/register", bearer(shop.key()),
                Json.write(Map.of("firstName", "Jane", "lastName", "D", "email", "jane@example.com",
                        "externalId", "shop-1"))).json().get("customerId").asText();
        String jim = call("POST", "/api/" + shop.code() + "/admin/customer/register", bearer(shop.key()),
                Json.write(Map.of("firstName", "Jim", "lastName", "D", "phone", "+33 6 12 34 56 78")))
                .json().get("customerId").asText();

        var issued = call("POST", "/api/" + shop.code() + "/customer/token", Map.of("X-Api-Key", shop.key(),
                "Content-Type", FORM), "customer[externalId]=shop-1");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.json().get("customerId").asText()).isEqualTo(jane);
        assertThat(issued.json().get("expiresIn").asInt()).isEqualTo(900);
        String token = issued.json().get("token").asText();

        assertThat(call("GET", "/api/" + shop.code() + "/customer/" + jane, bearer(token), null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/" + shop.code() + "/customer/" + jim, bearer(token), null).status()).isEqualTo(404);
        assertThat(call("PUT", "/api/" + shop.code() + "/customer/" + jane, bearer(token),
                Json.write(Map.of("customer", Map.of("lastName", "Doe")))).status()).isEqualTo(200);
        assertThat(call("GET", "/api/" + shop.code() + "/admin/customer", bearer(token), null).status()).isEqualTo(401);
        Shop other = shop();
        assertThat(call("GET", "/api/" + other.code() + "/customer/" + jane, bearer(token), null).status()).isEqualTo(401);

        var byPhone = call("POST", "/api/" + shop.code() + "/customer/token", bearer(shop.key()),
                Json.write(Map.of("phone", "+33612345678")));
        assertThat(byPhone.json().get("customerId").asText()).isEqualTo(jim);

        assertThat(call("POST", "/api/store/" + shop.code() + "/customer-token-secret/rotate", admin(), null).status())
                .isEqualTo(200);
        assertThat(call("GET", "/api/" + shop.code() + "/customer/" + jane, bearer(token), null).status()).isEqualTo(401);
    }

    @Test
    void twentyConcurrentRegistrationsOfOneCustomerMakeOneMember() throws Exception {
        Shop shop = shop();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int racer = i;
            answers.add(pool.submit(() -> {
                start.await();
                return call("POST", "/api/" + shop.code() + "/admin/customer/register", bearer(shop.key()),
                        Json.write(Map.of("firstName", "R" + racer, "lastName", "Race", "email", "race@example.com",
                                "loyaltyCardNumber", "CARD-1")));
            }));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (var answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdownNow();
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 400).hasSize(19)
                .allSatisfy(r -> assertThat(errorFields(r)).containsExactlyInAnyOrder("email", "loyaltyCardNumber"));
        assertThat(call("GET", "/api/" + shop.code() + "/admin/customer", admin(), null).json().get("total").asInt())
                .isEqualTo(1);
    }
}

package org.serverlessloyalty.tests.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.local.dynamodb.FaultPolicy;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.testing.DynamoDbFaults;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/** The local stack started from template.yaml, as the points tests over HTTP use it: stores, members, points. */
final class PointsStack implements AutoCloseable {

    static final String FORM = "application/x-www-form-urlencoded";

    private final LocalStack stack;
    private final ApiClient api;

    private PointsStack(LocalStack stack) {
        this.stack = stack;
        this.api = new HttpApiClient(stack.baseUri());
    }

    static PointsStack start() {
        return new PointsStack(LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey("points-tests-admin-key").seedDemo(false).accessLog(false)));
    }

    record Shop(String code, String key) {
    }

    Shop shop(String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = call("POST", "/api/store", admin(), Json.write(Map.of("code", code, "name", "Shop " + code,
                "currency", "EUR", "timezone", "Europe/Paris", "locale", "fr")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Shop(code, created.json().get("apiKey").asText());
    }

    String member(Shop shop, String first, String email) {
        var registered = call("POST", "/api/" + shop.code() + "/admin/customer/register", bearer(shop.key()),
                Json.write(Map.of("customer", Map.of("firstName", first, "lastName", "K", "email", email))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return registered.json().get("customerId").asText();
    }

    JsonNode status(Shop shop, String member) {
        var status = call("GET", "/api/" + shop.code() + "/admin/customer/" + member + "/status", bearer(shop.key()), null);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.json();
    }

    BigDecimal balance(Shop shop, String member) {
        return status(shop, member).get("points").decimalValue();
    }

    ApiClient.Response call(String method, String path, Map<String, String> headers, String body) {
        return api.call(method, path, headers, body);
    }

    Map<String, String> admin() {
        return bearer(stack.adminKey());
    }

    static Map<String, String> bearer(String credential) {
        return Map.of("Authorization", "Bearer " + credential, "Content-Type", "application/json");
    }

    static Map<String, String> form(String credential) {
        return Map.of("Authorization", "Bearer " + credential, "Content-Type", FORM);
    }

    DynamoDbFaults.Run faults(DynamoDbFaults faults) {
        return faults.start(stack.dynamoDbEngine());
    }

    void faultsOff() {
        stack.dynamoDbEngine().faultPolicy(FaultPolicy.none());
    }

    @Override
    public void close() {
        stack.close();
    }
}

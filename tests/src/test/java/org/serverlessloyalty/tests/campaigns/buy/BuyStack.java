package org.serverlessloyalty.tests.campaigns.buy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.local.dynamodb.FaultPolicy;
import org.serverlessloyalty.shared.campaign.dynamodb.CampaignItems;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.DynamoDbFaults;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * The local stack from template.yaml, as the buy tests over HTTP use it: a shop, members with points in a segment,
 * customer tokens, and campaigns with pools written straight into the table (issue 11 h11-buy: the catalogue's create
 * route is another area's).
 */
final class BuyStack implements AutoCloseable {

    private final LocalStack stack;
    private final ApiClient api;

    private BuyStack(LocalStack stack) {
        this.stack = stack;
        this.api = new HttpApiClient(stack.baseUri());
    }

    static BuyStack start() {
        return new BuyStack(LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey("buy-tests-admin-key").seedDemo(false).accessLog(false)));
    }

    /** A shop and the segment its campaigns target. */
    record Shop(String code, String key, String segment) {
    }

    Shop shop(String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = call("POST", "/api/store", bearer(stack.adminKey()), Json.write(Map.of("code", code,
                "name", "Shop " + code, "currency", "EUR", "timezone", "Europe/Paris", "locale", "en")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("apiKey").asText();
        var segment = call("POST", "/api/" + code + "/segment", bearer(key),
                Json.write(Map.of("segment", Map.of("name", "Buyers", "description", "Members who may buy"))));
        assertThat(segment.status()).as(segment.body()).isBetween(200, 201);
        return new Shop(code, key, segment.json().get("segmentId").asText());
    }

    /** A member of the shop's segment with {@code points} points (0: none). */
    String member(Shop shop, String points) {
        String email = "m" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        var registered = call("POST", "/api/" + shop.code() + "/admin/customer/register", bearer(shop.key()),
                Json.write(Map.of("customer", Map.of("firstName", "M", "lastName", "K", "email", email))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String id = registered.json().get("customerId").asText();
        var joined = call("POST", "/api/" + shop.code() + "/segment/" + shop.segment() + "/customers",
                bearer(shop.key()), Json.write(Map.of("customers", List.of(id))));
        assertThat(joined.status()).as(joined.body()).isBetween(200, 204);
        if (new BigDecimal(points).signum() > 0) {
            var added = call("POST", "/api/" + shop.code() + "/points/transfer/add", bearer(shop.key()),
                    Json.write(Map.of("transfer", Map.of("customer", id, "points", points))));
            assertThat(added.status()).as(added.body()).isEqualTo(200);
        }
        return id;
    }

    /** A customer token for the member (issued by the points function). */
    String token(Shop shop, String memberId) {
        var issued = call("POST", "/api/" + shop.code() + "/customer/token", bearer(shop.key()),
                Json.write(Map.of("customer", Map.of("customerId", memberId))));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json().get("token").asText();
    }

    /** A discount-code campaign targeting the shop's segment, with a pool of {@code pool} codes. */
    Campaign campaign(Shop shop, String cost, boolean unlimited, Integer limit, Integer limitPerUser, int pool) {
        Campaign c = CampaignItems.campaign(new StoreCode(shop.code()), "Mug", new BigDecimal(cost), unlimited, limit,
                limitPerUser, false, "0b0e6c1c-1111-4111-8111-000000000001");
        c = new Campaign(c.store(), c.id(), c.reward(), c.active(), c.translations(), c.featured(), c.isPublic(),
                c.fulfillmentTracking(), List.of(), List.of(shop.segment()), c.categories(), c.labels(),
                c.moreInformationLink(), c.pushNotificationText(), c.rewardValue(), c.tax(), c.taxPriceValue(),
                c.activity(), c.visibility(), c.costInPoints(), c.unlimited(), c.singleCoupon(), c.limit(),
                c.limitPerUser(), c.daysInactive(), c.daysValid(), c.pointValue(), c.transactionPercentageValue(),
                c.connectType(), c.earningRuleId(), c.brandIcon(), c.createdAt(), c.version());
        CampaignItems.put(stack.dynamoDbClient(), stack.tableName("LoyaltyTable"), c,
                CampaignItems.codes("X" + c.id().value().substring(0, 4).toUpperCase(), pool));
        return c;
    }

    JsonNode status(Shop shop, String member) {
        var status = call("GET", "/api/" + shop.code() + "/admin/customer/" + member + "/status", bearer(shop.key()),
                null);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.json();
    }

    BigDecimal balance(Shop shop, String member) {
        return status(shop, member).get("points").decimalValue();
    }

    ApiClient.Response call(String method, String path, Map<String, String> headers, String body) {
        return api.call(method, path, headers, body);
    }

    LocalStack local() {
        return stack;
    }

    static Map<String, String> bearer(String credential) {
        return Map.of("Authorization", "Bearer " + credential, "Content-Type", "application/json");
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

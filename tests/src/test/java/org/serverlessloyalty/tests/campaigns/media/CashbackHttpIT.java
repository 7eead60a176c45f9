package org.serverlessloyalty.tests.campaigns.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * A22 and A23 over HTTP on the local stack: C30's campaign (highest pointValue among active cashback campaigns
 * targeting the member), Open Loyalty's refusals verbatim, and a redeem that spends the points (section 4 item 6) in
 * the transaction that records the reward, so concurrent redeems of the same points cannot both pass.
 */
class CashbackHttpIT {

    static final String ADMIN_KEY = "cashback-tests-admin-key";
    static LocalStack stack;
    static ApiClient api;
    static String store;
    static String storeKey;
    static String segment;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey(ADMIN_KEY).seedDemo(false).accessLog(false));
        api = new HttpApiClient(stack.baseUri());
        store = "cash-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.call("POST", "/api/store", json(ADMIN_KEY), Json.write(Map.of("code", store,
                "name", "Cash shop", "currency", "EUR", "timezone", "Europe/Paris", "locale", "en")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        storeKey = created.json().get("apiKey").asText();
        var vip = api.call("POST", "/api/" + store + "/segment", json(storeKey),
                "{\"segment\":{\"name\":\"VIP\"}}");
        assertThat(vip.status()).as(vip.body()).isEqualTo(200);
        segment = vip.json().get("segmentId").asText();
        var dynamo = stack.dynamoDbClient();
        String table = stack.tableName("LoyaltyTable");
        StoreCode code = new StoreCode(store);
        MediaCampaigns.write(dynamo, table, MediaCampaigns.cashback(code, "Low", new BigDecimal("1.50"), List.of(),
                List.of(segment), true));
        MediaCampaigns.write(dynamo, table, MediaCampaigns.cashback(code, "Best", new BigDecimal("3.00"), List.of(),
                List.of(segment), true));
        MediaCampaigns.write(dynamo, table, MediaCampaigns.cashback(code, "Switched off", new BigDecimal("9.00"),
                List.of(), List.of(segment), false));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void simulateAnswersC30sCampaignValueAndWritesNothing() {
        String member = vipWithPoints(100);
        var simulated = api.call("POST", "/api/" + store + "/admin/campaign/cashback/simulate", form(storeKey),
                "customerId=" + member + "&pointsAmount=10");
        assertThat(simulated.status()).as(simulated.body()).isEqualTo(200);
        assertThat(simulated.json().get("pointValue").decimalValue()).isEqualByComparingTo("3");
        assertThat(simulated.json().get("rewardAmount").decimalValue()).isEqualByComparingTo("30");
        assertThat(balance(member)).isEqualByComparingTo("100");
    }

    @Test
    void redeemSpendsThePointsAndAnswersTheCashbackId() {
        String member = vipWithPoints(100);
        var redeemed = redeem(member, "10", "3.00", "30");
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
        assertThat(redeemed.json().get("cashbackId").asText()).isNotBlank();
        assertThat(redeemed.json().get("rewardAmount").decimalValue()).isEqualByComparingTo("30");
        assertThat(balance(member)).isEqualByComparingTo("90");
    }

    @Test
    void aMadeUpRewardAmountIsCashbackNotValidAndSpendsNothing() {
        String member = vipWithPoints(100);
        var refused = redeem(member, "10", "3.00", "300");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("cashback not valid");
        assertThat(balance(member)).isEqualByComparingTo("100");
    }

    @Test
    void aMemberNoCashbackTargetsIsToldCashbackNotAvailable() {
        String member = register();
        var refused = api.call("POST", "/api/" + store + "/admin/campaign/cashback/simulate", json(storeKey),
                "{\"customerId\":\"" + member + "\",\"pointsAmount\":1}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("cashback not available");
    }

    @Test
    void concurrentRedeemsOfTheSamePointsSpendThemOnceSection4Item6() throws Exception {
        String member = vipWithPoints(30);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> redeem(member, "20", "3.00", "60"));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Response> f : pool.invokeAll(calls)) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 400).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(balance(member)).isEqualByComparingTo("10");
    }

    @Test
    void aMemberRedeemsTheirOwnPointsWithTheirToken() {
        String member = vipWithPoints(50);
        var token = api.call("POST", "/api/" + store + "/customer/token", json(storeKey),
                "{\"customer\":{\"customerId\":\"" + member + "\"}}");
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        var redeemed = api.call("POST", "/api/" + store + "/customer/campaign/cashback/redeem",
                json(token.json().get("token").asText()), "{\"pointsAmount\":5,\"pointValue\":3,\"rewardAmount\":15}");
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
        assertThat(balance(member)).isEqualByComparingTo("45");
    }

    @Test
    void aRedeemRetriedWithTheSameIdempotencyKeySpendsOnceAndAnswersTheSameCashback() {
        // issue 11 (callback): before, a client retry redeemed again.
        String member = vipWithPoints(100);
        Map<String, String> keyed = Map.of("Authorization", "Bearer " + storeKey, "Content-Type",
                "application/x-www-form-urlencoded", "Idempotency-Key", "redeem-" + UUID.randomUUID());
        String body = "customerId=" + member + "&pointsAmount=10&pointValue=3.00&rewardAmount=30";
        var first = api.call("POST", "/api/" + store + "/admin/campaign/cashback/redeem", keyed, body);
        var retried = api.call("POST", "/api/" + store + "/admin/campaign/cashback/redeem", keyed, body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("cashbackId").asText()).isEqualTo(first.json().get("cashbackId").asText());
        assertThat(balance(member)).isEqualByComparingTo("90");
        var otherBody = api.call("POST", "/api/" + store + "/admin/campaign/cashback/redeem", keyed,
                "customerId=" + member + "&pointsAmount=20&pointValue=3.00&rewardAmount=60");
        assertThat(otherBody.status()).as(otherBody.body()).isEqualTo(422);
        assertThat(balance(member)).isEqualByComparingTo("90");
    }

    // ---- helpers

    static ApiClient.Response redeem(String member, String points, String pointValue, String rewardAmount) {
        return api.call("POST", "/api/" + store + "/admin/campaign/cashback/redeem", form(storeKey),
                "customerId=" + member + "&pointsAmount=" + points + "&pointValue=" + pointValue + "&rewardAmount="
                        + rewardAmount);
    }

    static String register() {
        var registered = api.call("POST", "/api/" + store + "/admin/customer/register", json(storeKey),
                Json.write(Map.of("customer", Map.of("firstName", "Ann", "lastName", "K",
                        "email", UUID.randomUUID() + "@example.com"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return registered.json().get("customerId").asText();
    }

    static String vipWithPoints(int points) {
        String member = register();
        var added = api.call("POST", "/api/" + store + "/segment/" + segment + "/customers", json(storeKey),
                "{\"customers\":[\"" + member + "\"]}");
        assertThat(added.status()).as(added.body()).isBetween(200, 204);
        var credited = api.call("POST", "/api/" + store + "/points/transfer/add", json(storeKey),
                Json.write(Map.of("transfer", Map.of("customer", member, "points", points, "comment", "start"))));
        assertThat(credited.status()).as(credited.body()).isEqualTo(200);
        return member;
    }

    static BigDecimal balance(String member) {
        var status = api.call("GET", "/api/" + store + "/admin/customer/" + member + "/status", json(storeKey), null);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        JsonNode body = status.json();
        return body.get("points").decimalValue();
    }

    static Map<String, String> json(String credential) {
        return Map.of("Authorization", "Bearer " + credential, "Content-Type", "application/json");
    }

    static Map<String, String> form(String credential) {
        return Map.of("Authorization", "Bearer " + credential, "Content-Type", "application/x-www-form-urlencoded");
    }
}

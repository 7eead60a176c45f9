package org.serverlessloyalty.tests.campaigns.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
import org.serverlessloyalty.shared.campaign.rules.CallbackSignature;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * issue 11 (callback), A24 over HTTP on the local stack: the payout provider's callback is believed only with the
 * store's HMAC signature made within 5 minutes; the first final result is recorded on the cashback reward once; a
 * failed payout gives the points back exactly once, even when the callback is replayed or sent many times at once.
 */
class CashbackCallbackHttpIT {

    static final String ADMIN_KEY = "callback-tests-admin-key";
    static LocalStack stack;
    static ApiClient api;
    static String store;
    static String storeKey;
    static String segment;
    static byte[] secret;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey(ADMIN_KEY).seedDemo(false).accessLog(false));
        api = new HttpApiClient(stack.baseUri());
        store = "cbk-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.call("POST", "/api/store", CashbackHttpIT.json(ADMIN_KEY), Json.write(Map.of("code", store,
                "name", "Callback shop", "currency", "EUR", "timezone", "Europe/Paris", "locale", "en")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        storeKey = created.json().get("apiKey").asText();
        var vip = api.call("POST", "/api/" + store + "/segment", CashbackHttpIT.json(storeKey),
                "{\"segment\":{\"name\":\"VIP\"}}");
        assertThat(vip.status()).as(vip.body()).isEqualTo(200);
        segment = vip.json().get("segmentId").asText();
        MediaCampaigns.write(stack.dynamoDbClient(), stack.tableName("LoyaltyTable"), MediaCampaigns.cashback(
                new StoreCode(store), "Wallet", new BigDecimal("2.00"), List.of(), List.of(segment), true));
        secret = rotate();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aSignedSuccessIsRecordedOnceAndAReplayOrALaterFailureChangesNothing() {
        String member = vip(100);
        String cashbackId = redeem(member, 10);
        String body = paytm(member, cashbackId, "SUCCESS", "Paid");
        Map<String, String> signed = signed(secret, Instant.now(), body);

        var paid = callback(signed, body);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("couponId").asText()).isEqualTo(cashbackId);
        assertThat(paid.json().get("id").asText()).isEqualTo(member + "_" + cashbackId);
        assertThat(paid.json().get("customerId").asText()).isEqualTo(member);
        assertThat(paid.json().get("code").asText()).isEqualTo("SUCCESS");
        assertThat(paid.json().get("message").asText()).isEqualTo("Paid");
        assertThat(paid.json().get("provider").asText()).isEqualTo("paytm");
        assertThat(paid.json().get("failed").asBoolean()).isFalse();

        var replayed = callback(signed, body);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json()).isEqualTo(paid.json());

        String failure = paytm(member, cashbackId, "FAILURE", "Too late");
        var late = callback(signed(secret, Instant.now(), failure), failure);
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().get("code").asText()).as("the first final result stands").isEqualTo("SUCCESS");
        assertThat(late.json().get("failed").asBoolean()).isFalse();
        assertThat(balance(member)).isEqualByComparingTo("90");
    }

    @Test
    void aFailedPayoutGivesThePointsBackOnceAndAReplayGivesNothingMore() {
        String member = vip(100);
        String cashbackId = redeem(member, 10);
        assertThat(balance(member)).isEqualByComparingTo("90");
        String body = paytm(member, cashbackId, "FAILURE", "Wallet limit reached");
        Map<String, String> signed = signed(secret, Instant.now(), body);

        var failed = callback(signed, body);
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.json().get("failed").asBoolean()).isTrue();
        assertThat(balance(member)).isEqualByComparingTo("100");

        var replayed = callback(signed, body);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json()).isEqualTo(failed.json());
        assertThat(balance(member)).isEqualByComparingTo("100");
    }

    @Test
    void aFailedPayoutSentManyTimesAtOnceGivesThePointsBackExactlyOnce() throws Exception {
        String member = vip(100);
        String cashbackId = redeem(member, 30);
        String body = paytm(member, cashbackId, "FAILURE", "Rejected");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<ApiClient.Response> answers = new ArrayList<>();
        try {
            List<Callable<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // Each its own signature (its own second, possibly): all genuine, all the same result.
                calls.add(() -> callback(signed(secret, Instant.now(), body), body));
            }
            for (Future<ApiClient.Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.json().get("failed").asBoolean()).isTrue();
        });
        assertThat(balance(member)).isEqualByComparingTo("100");
    }

    @Test
    void aForgedCallbackIs401AndChangesNothing() {
        String member = vip(100);
        String cashbackId = redeem(member, 10);
        String failure = paytm(member, cashbackId, "FAILURE", "forged");
        byte[] other = secret.clone();
        other[0] ^= 1;
        // Signed with another secret; a genuine signature over another body; no signature at all.
        assertThat(callback(signed(other, Instant.now(), failure), failure).status()).isEqualTo(401);
        String genuine = paytm(member, cashbackId, "SUCCESS", "Paid");
        assertThat(callback(signed(secret, Instant.now(), genuine), failure).status()).isEqualTo(401);
        var unsigned = callback(Map.of("Content-Type", "application/json"), failure);
        assertThat(unsigned.status()).as(unsigned.body()).isEqualTo(401);
        assertThat(balance(member)).isEqualByComparingTo("90");
        // Nothing was recorded: the genuine result is still the first.
        var paid = callback(signed(secret, Instant.now(), genuine), genuine);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("code").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void aCallbackSignedMoreThanFiveMinutesAgoIs400AndChangesNothing() {
        String member = vip(100);
        String cashbackId = redeem(member, 10);
        String failure = paytm(member, cashbackId, "FAILURE", "old");
        var old = callback(signed(secret, Instant.now().minusSeconds(360), failure), failure);
        assertThat(old.status()).as(old.body()).isEqualTo(400);
        assertThat(old.json().get("errors").get(0).get("field").asText()).isEqualTo("X-Cashback-Timestamp");
        assertThat(balance(member)).isEqualByComparingTo("90");
        var fresh = callback(signed(secret, Instant.now(), failure), failure);
        assertThat(fresh.json().get("failed").asBoolean()).as(fresh.body()).isTrue();
        assertThat(balance(member)).isEqualByComparingTo("100");
    }

    @Test
    void anAcceptedPayoutWaitsForItsFinalResult() {
        String member = vip(100);
        String cashbackId = redeem(member, 10);
        String accepted = paytm(member, cashbackId, "ACCEPTED", "ACCEPTED");
        var first = callback(signed(secret, Instant.now(), accepted), accepted);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("failed").asBoolean()).isFalse();
        String failure = paytm(member, cashbackId, "FAILURE", "Rejected");
        var settled = callback(signed(secret, Instant.now(), failure), failure);
        assertThat(settled.json().get("code").asText()).as(settled.body()).isEqualTo("FAILURE");
        assertThat(balance(member)).isEqualByComparingTo("100");
    }

    @Test
    void anUnknownCashbackIs404AndAnotherMembersRewardCannotBeNamed() {
        String member = vip(100);
        String cashbackId = redeem(member, 10);
        String stranger = vip(5);
        String body = paytm(stranger, cashbackId, "FAILURE", "x");
        var unknown = callback(signed(secret, Instant.now(), body), body);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(balance(stranger)).isEqualByComparingTo("5");
        assertThat(balance(member)).isEqualByComparingTo("90");
    }

    @Test
    void aRotatedSecretRefusesCallbacksSignedWithThePreviousOne() {
        String member = vip(100);
        String cashbackId = redeem(member, 10);
        byte[] before = secret;
        secret = rotate();
        String body = paytm(member, cashbackId, "FAILURE", "x");
        assertThat(callback(signed(before, Instant.now(), body), body).status()).isEqualTo(401);
        assertThat(balance(member)).isEqualByComparingTo("90");
        assertThat(callback(signed(secret, Instant.now(), body), body).status()).isEqualTo(200);
    }

    // ---- helpers

    static byte[] rotate() {
        var rotated = api.call("POST", "/api/" + store + "/admin/campaign/cashback/callback/secret",
                Map.of("Authorization", "Bearer " + storeKey), null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        return HexFormat.of().parseHex(rotated.json().get("secret").asText());
    }

    static String vip(int points) {
        var registered = api.call("POST", "/api/" + store + "/admin/customer/register", CashbackHttpIT.json(storeKey),
                Json.write(Map.of("customer", Map.of("firstName", "Ann", "lastName", "K",
                        "email", UUID.randomUUID() + "@example.com"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String member = registered.json().get("customerId").asText();
        var added = api.call("POST", "/api/" + store + "/segment/" + segment + "/customers",
                CashbackHttpIT.json(storeKey), "{\"customers\":[\"" + member + "\"]}");
        assertThat(added.status()).as(added.body()).isBetween(200, 204);
        var credited = api.call("POST", "/api/" + store + "/points/transfer/add", CashbackHttpIT.json(storeKey),
                Json.write(Map.of("transfer", Map.of("customer", member, "points", points, "comment", "start"))));
        assertThat(credited.status()).as(credited.body()).isEqualTo(200);
        return member;
    }

    static String redeem(String member, int points) {
        var redeemed = api.call("POST", "/api/" + store + "/admin/campaign/cashback/redeem",
                CashbackHttpIT.json(storeKey), Json.write(Map.of("customerId", member, "pointsAmount", points,
                        "pointValue", 2, "rewardAmount", points * 2)));
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
        return redeemed.json().get("cashbackId").asText();
    }

    static String paytm(String member, String cashbackId, String status, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", null);
        body.put("requestGuid", null);
        body.put("orderId", member + "_" + cashbackId);
        body.put("status", null);
        body.put("statusCode", status);
        body.put("statusMessage", message);
        body.put("response", null);
        body.put("metadata", null);
        return Json.write(body);
    }

    static BigDecimal balance(String member) {
        var status = api.call("GET", "/api/" + store + "/admin/customer/" + member + "/status",
                CashbackHttpIT.json(storeKey), null);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.json().get("points").decimalValue();
    }

    static Map<String, String> signed(byte[] key, Instant at, String body) {
        String ts = Long.toString(at.getEpochSecond());
        return Map.of("Content-Type", "application/json", CallbackSignature.TIMESTAMP_HEADER, ts,
                CallbackSignature.SIGNATURE_HEADER,
                "v1=" + CallbackSignature.sign(key, ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    static ApiClient.Response callback(Map<String, String> headers, String body) {
        return api.call("POST", "/api/" + store + "/campaign/cashback/callback/paytm", headers, body);
    }
}

package org.serverlessloyalty.tests.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.shared.earning.model.LimitPeriod;
import org.serverlessloyalty.shared.earning.model.ReferralEvent;
import org.serverlessloyalty.shared.earning.model.RewardType;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.model.UsageLimit;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * Issue 10, h10-events over real HTTP on the local stack started from template.yaml: custom events at their limit
 * under concurrency (section 4 item 3), E13's worked example, QR codes, built-in events and a referral.
 */
class EventEarningJourneyIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static LocalStack stack;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey("events-admin-key").seedDemo(false).accessLog(false));
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

    private static Shop shop(List<RuleTerms> rules) {
        String code = "ee-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.call("POST", "/api/store", json(stack.adminKey()), Json.write(Map.of("code", code,
                "name", "Shop " + code, "currency", "EUR", "timezone", "Europe/Paris", "locale", "fr")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        EventRuleSeed.seed(stack, code, rules);
        return new Shop(code, created.json().get("apiKey").asText());
    }

    private static Map<String, String> json(String credential) {
        return Map.of("Authorization", "Bearer " + credential, "Content-Type", "application/json");
    }

    private static Map<String, String> form(String credential) {
        return Map.of("Authorization", "Bearer " + credential, "Content-Type", FORM);
    }

    private static String register(Shop shop, String form) {
        var registered = api.call("POST", "/api/" + shop.code() + "/admin/customer/register", form(shop.key()), form);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return registered.json().get("customerId").asText();
    }

    private static BigDecimal points(Shop shop, String member) {
        var status = api.call("GET", "/api/" + shop.code() + "/admin/customer/" + member + "/status",
                json(shop.key()), null);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.json().get("points").decimalValue();
    }

    private static String token(Shop shop, String member) {
        var issued = api.call("POST", "/api/" + shop.code() + "/customer/token", json(shop.key()),
                Json.write(Map.of("customer", Map.of("customerId", member))));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json().get("token").asText();
    }

    private static List<String> errorFields(ApiClient.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    void concurrentCustomEventsAtTheLimitExactlyLimitSucceedPerPeriod() throws Exception {
        Shop shop = shop(List.of(new RuleTerms.CustomEvent("facebook_like", new BigDecimal("5"),
                new UsageLimit(true, LimitPeriod.WEEK, 4))));
        String jane = register(shop, "customer[firstName]=Jane&customer[lastName]=Doe&customer[email]=jane%40example.com"
                + "&customer[agreement1]=1");
        String path = "/api/" + shop.code() + "/v1/earnRule/facebook_like/customer/" + jane;

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<ApiClient.Response> answers = new ArrayList<>();
        try {
            List<Callable<ApiClient.Response>> uses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                uses.add(() -> {
                    go.await();
                    return api.call("POST", path, json(shop.key()), null);
                });
            }
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            uses.forEach(u -> futures.add(pool.submit(u)));
            go.countDown();
            for (Future<ApiClient.Response> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(4)
                .allSatisfy(r -> assertThat(r.json().get("points").asInt()).isEqualTo(5));
        assertThat(answers).filteredOn(r -> r.status() != 200).hasSize(12).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isEqualTo("limit exceeded");
        });
        assertThat(points(shop, jane)).isEqualByComparingTo("20");
        var unknown = api.call("POST", "/api/" + shop.code() + "/v1/earnRule/tweet/customer/" + jane,
                json(shop.key()), null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).isEqualTo("event does not exist");
    }

    @Test
    void e13WorkedExamplePlacesAndQrCodesOverHttp() {
        Shop shop = shop(List.of(new RuleTerms.Geolocation(new BigDecimal("50.00"), new BigDecimal("15.00"),
                        new BigDecimal("4"), new BigDecimal("2"), UsageLimit.NONE),
                new RuleTerms.QrCode("qrcodeabcd", new BigDecimal("10"), UsageLimit.NONE)));
        String jane = register(shop, "customer[firstName]=Jane&customer[lastName]=Doe&customer[email]=jane%40example.com"
                + "&customer[agreement1]=1");
        String geo = "/api/" + shop.code() + "/earningRule/geolocation/customer/" + jane;
        String qr = "/api/" + shop.code() + "/earningRule/qrcode/customer/" + jane;

        var near = api.call("POST", geo, form(shop.key()), "earningRule[latitude]=50.013992&earningRule[longitude]=15.046411");
        var far = api.call("POST", geo, form(shop.key()), "earningRule[latitude]=4.01&earningRule[longitude]=5.05");
        var bad = api.call("POST", geo, form(shop.key()), "earningRule[latitude]=north");
        var scanned = api.call("POST", qr, form(shop.key()), "earningRule[code]=qrcodeabcd");
        var unknownCode = api.call("POST", qr, form(shop.key()), "earningRule[code]=other");

        assertThat(near.status()).as(near.body()).isEqualTo(200);
        assertThat(near.json().get("points").asInt()).isEqualTo(2);
        assertThat(far.status()).isEqualTo(400);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("earningRule[latitude]", "earningRule[longitude]");
        assertThat(scanned.json().get("points").asInt()).isEqualTo(10);
        assertThat(unknownCode.json().get("error").asText()).isEqualTo("event does not exist");
        assertThat(points(shop, jane)).isEqualByComparingTo("12");
    }

    @Test
    void anInvitationBringsAMemberAndTheReferralAndBuiltInEventsEarnOnce() {
        Shop shop = shop(List.of(new RuleTerms.Event("oloy.account.created", new BigDecimal("50")),
                new RuleTerms.Event("oloy.customer.logged_in", new BigDecimal("1")),
                new RuleTerms.Referral(ReferralEvent.REGISTER, RewardType.REFERRER, new BigDecimal("25"))));
        String alice = register(shop, "customer[firstName]=Alice&customer[lastName]=Doe"
                + "&customer[email]=alice%40example.com&customer[agreement1]=1");
        String aliceToken = token(shop, alice);

        var invited = api.call("POST", "/api/" + shop.code() + "/customer/invitations/invite", form(aliceToken),
                "invitation[type]=email&invitation[recipientEmail]=bob%40example.com");
        assertThat(invited.status()).as(invited.body()).isEqualTo(200);
        String bob = register(shop, "customer[firstName]=Bob&customer[lastName]=Doe&customer[email]=bob%40example.com"
                + "&customer[agreement1]=1&customer[invitationToken]=" + invited.json().get("token").asText());
        var listed = api.call("GET", "/api/" + shop.code() + "/invitations?referrerId=" + alice, json(shop.key()), null);

        // Alice: 50 for joining, 1 for today's login, 25 for bringing Bob; Bob: 50 for joining.
        assertThat(points(shop, alice)).isEqualByComparingTo("76");
        assertThat(points(shop, bob)).isEqualByComparingTo("50");
        assertThat(listed.json().get("total").asInt()).isEqualTo(1);
        assertThat(listed.json().get("invitations").get(0).get("status").asText()).isEqualTo("registered");
        assertThat(listed.json().get("invitations").get(0).get("recipientId").asText()).isEqualTo(bob);
    }
}

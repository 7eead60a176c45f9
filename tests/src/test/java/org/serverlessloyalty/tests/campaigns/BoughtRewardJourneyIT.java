package org.serverlessloyalty.tests.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.RewardFixtures;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.orders.OrderStack;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * Bought rewards over real HTTP on the local stack started from template.yaml (issue 11, h11-bought): a reward's code
 * validates at checkout, the order that uses it marks the reward used and a second order is refused it; mark as used
 * over HTTP uses the code up; the CSV export; a purchase whose coupon-created event a crash kept back is sent by the
 * webhook redrive. The rewards are written as a purchase's transaction writes them ({@link RewardFixtures}).
 */
class BoughtRewardJourneyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final CampaignId CAMPAIGN = new CampaignId(UUID.randomUUID().toString());

    private static LocalStack stack;
    private static ApiClient api;
    private static RewardFixtures fixtures;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey("bought-admin-key").seedDemo(false).accessLog(false));
        api = new HttpApiClient(stack.baseUri());
        fixtures = new RewardFixtures(stack.dynamoDbClient(), stack.tableName("LoyaltyTable"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private record Shop(String code, String key) {
    }

    private static ApiClient.Response call(String method, String path, String bearer, Object body) {
        Map<String, String> headers = body == null ? Map.of("Authorization", "Bearer " + bearer)
                : Map.of("Authorization", "Bearer " + bearer, "Content-Type", "application/json");
        return api.call(method, path, headers, body == null ? null : Json.write(body));
    }

    private static ApiClient.Response admin(String method, String path, Object body) {
        return call(method, path, stack.adminKey(), body);
    }

    private static Shop shop() {
        String code = "bt" + UUID.randomUUID().toString().substring(0, 6);
        var created = admin("POST", "/api/store", Map.of("code", code, "name", "Shop " + code, "currency", "EUR",
                "timezone", "Europe/Paris", "locale", "fr"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Shop(code, created.json().get("apiKey").asText());
    }

    private static String member(Shop shop, String email) {
        var registered = admin("POST", "/api/" + shop.code() + "/admin/customer/register",
                Map.of("customer", Map.of("firstName", "Anna", "lastName", "Kowalska", "email", email)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return registered.json().get("customerId").asText();
    }

    private static String token(Shop shop, String memberId) {
        var issued = call("POST", "/api/" + shop.code() + "/customer/token", shop.key(),
                Map.of("customerId", memberId));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json().get("token").asText();
    }

    /** A reward bought {@code ago}, written as its purchase's transaction writes it. */
    private static Purchase reward(Shop shop, String memberId, Duration ago) {
        String code = "JR" + UUID.randomUUID().toString().substring(0, 10).toUpperCase(Locale.ROOT);
        return fixtures.write(new StoreCode(shop.code()), RewardFixtures.purchase(memberId, CAMPAIGN, code,
                Instant.now().minus(ago), null, null));
    }

    private static boolean canUse(Shop shop, String memberId, String code) {
        var validated = api.call("POST", "/api/giftCodes/validate/" + shop.code(),
                Map.of("X-Api-Key", shop.key(), "Content-Type", "application/json"),
                Json.write(Map.of("code", code, "customerGuid", memberId, "email", "anna@example.com",
                        "cart", Map.of("total", 5000, "items", List.of()))));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        return validated.json().get("canUse").asBoolean();
    }

    private static void order(Shop shop, String orderId, String memberId, String code) {
        var posted = api.call("POST", "/api/campaignBehaviors/order/" + shop.code(),
                Map.of("Content-Type", "application/json"),
                Json.write(OrderStack.ciblerBody(shop.key(), orderId, memberId, code)));
        assertThat(posted.status()).as(posted.body()).isBetween(200, 299);
    }

    private static JsonNode ownRewards(Shop shop, String token) {
        var listed = call("GET", "/api/" + shop.code() + "/customer/campaign/bought", token, null);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json();
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            assertThat(System.nanoTime()).as("still waiting for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void anOrderUsingARewardsCodeMarksTheRewardUsedAndASecondOrderIsRefusedTheCode() throws Exception {
        Shop shop = shop();
        String anna = member(shop, "anna@example.com");
        String token = token(shop, anna);
        Purchase p = reward(shop, anna, Duration.ofMinutes(1));

        JsonNode listed = ownRewards(shop, token);
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("campaigns").get(0).get("coupon").get("code").asText()).isEqualTo(p.code());
        assertThat(canUse(shop, anna, p.code())).as("the reward's code validates at checkout").isTrue();

        order(shop, "710001", anna, p.code());
        JsonNode used = await("the order to mark the reward used", () -> {
            JsonNode reward = ownRewards(shop, token).get("campaigns").get(0);
            return reward.get("used").asBoolean() ? Optional.of(reward) : Optional.empty();
        });
        assertThat(used.get("usedForTransactionId").asText()).isEqualTo("710001");
        assertThat(used.get("canBeUsed").asBoolean()).isFalse();
        assertThat(canUse(shop, anna, p.code())).as("used up").isFalse();

        order(shop, "710002", anna, p.code());
        JsonNode second = await("the second order", () -> {
            var read = admin("GET", "/api/" + shop.code() + "/admin/orders/710002", null);
            return read.status() == 200 ? Optional.of(read.json()) : Optional.empty();
        });
        assertThat(second.get("redemptions").get(0).get("outcome").asText()).isEqualTo("CONFLICT");
        assertThat(ownRewards(shop, token).get("campaigns").get(0).get("usedForTransactionId").asText())
                .isEqualTo("710001");
    }

    @Test
    void aCouponMarkedUsedOverHttpCanNoLongerBeUsedAtCheckoutAndTheExportSaysSo() {
        Shop shop = shop();
        String anna = member(shop, "anna@example.com");
        Purchase p = reward(shop, anna, Duration.ofMinutes(1));

        var marked = call("POST", "/api/" + shop.code() + "/customer/campaign/coupons/mark_as_used", token(shop, anna),
                Map.of("coupons", List.of(Map.of("campaignId", CAMPAIGN.value(), "couponId", p.couponId(),
                        "code", p.code(), "used", 1))));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(canUse(shop, anna, p.code())).isFalse();

        var csv = call("GET", "/api/" + shop.code() + "/campaign/bought/export/csv", shop.key(), null);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "0.Name,1.Date,2.Cost,\"3.Tax value\",4.email,5.phone,6.Firstname,7.Surname,\"8.Points balance\","
                        + "\"9.Is used\"");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith(",100,,anna@example.com,,Anna,Kowalska,50,1");

        var unmarked = admin("POST", "/api/" + shop.code() + "/admin/campaign/coupons/mark_as_used",
                Map.of("coupons", List.of(Map.of("customerId", anna, "campaignId", CAMPAIGN.value(),
                        "couponId", p.couponId(), "code", p.code(), "used", 0))));
        assertThat(unmarked.status()).as(unmarked.body()).isEqualTo(200);
        assertThat(canUse(shop, anna, p.code())).as("the admin gave the code back").isTrue();
    }

    @Test
    void aPurchaseWhoseCouponEventACrashKeptBackIsSentByTheRedrive() {
        Shop shop = shop();
        // A receiver nobody listens on: the delivery records are what is checked, not their sending.
        var configured = admin("PUT", "/api/" + shop.code() + "/admin/webhooks/coupon-created",
                Map.of("url", "http://127.0.0.1:9/coupons", "enabled", true));
        assertThat(configured.status()).as(configured.body()).isEqualTo(200);
        String anna = member(shop, "anna@example.com");
        // Committed two minutes ago, and the function died before handing its event over.
        Purchase p = reward(shop, anna, Duration.ofMinutes(2));
        String deliveries = "/api/" + shop.code() + "/admin/webhooks/coupon-created/deliveries";
        assertThat(admin("GET", deliveries, null).json().get("deliveries")).isEmpty();

        var redrive = admin("POST", deliveries + "/redrive", null);
        assertThat(redrive.status()).as(redrive.body()).isEqualTo(202);

        JsonNode listed = admin("GET", deliveries, null).json().get("deliveries");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("code").asText()).isEqualTo(p.code());
        admin("POST", deliveries + "/redrive", null);
        assertThat(admin("GET", deliveries, null).json().get("deliveries")).as("handed over once").hasSize(1);
    }

    /**
     * The journey, every step over HTTP: a member earns points with an order, buys a reward of the catalogue
     * with their customer token (its coupon-created event handed over at once), validates the coupon at checkout and
     * uses it in a second order, which marks the reward used; a third order is refused the code.
     */
    @Test
    void aMemberEarnsWithAnOrderBuysARewardValidatesItsCouponAndUsesItInASecondOrder() throws Exception {
        Shop shop = shop();
        String base = "/api/" + shop.code();
        assertThat(admin("PUT", "/api/store/" + shop.code(), Map.of("orderPointsSource", "reported")).status())
                .isEqualTo(204);
        assertThat(admin("PUT", base + "/admin/webhooks/coupon-created",
                Map.of("url", "http://127.0.0.1:9/coupons", "enabled", true)).status()).isEqualTo(200);
        var registered = call("POST", base + "/admin/customer/register", shop.key(), Map.of("customer",
                Map.of("firstName", "Ann", "lastName", "Lee", "email", "ann@example.com",
                        "externalId", "shop-customer-ann")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String ann = registered.json().get("customerId").asText();
        var segment = call("POST", base + "/segment", shop.key(), Map.of("segment", Map.of("name", "Buyers")));
        String segmentId = segment.json().get("segmentId").asText();
        assertThat(call("POST", base + "/segment/" + segmentId + "/customers", shop.key(),
                Map.of("customers", List.of(ann))).status()).isEqualTo(200);

        // She earns 150 points with an order (the shop reports its points).
        var earning = OrderStack.ciblerBody(shop.key(), "720001", "shop-customer-ann");
        earning.with("orderContext").put("email", "ann@example.com");
        earning.with("orderInformation").put("points", 150);
        assertThat(api.call("POST", "/api/campaignBehaviors/order/" + shop.code(),
                Map.of("Content-Type", "application/json"), Json.write(earning)).status()).isEqualTo(202);
        await("the order's points", () -> {
            var status = call("GET", base + "/admin/customer/" + ann + "/status", shop.key(), null);
            return status.json().path("points").asDouble() >= 150 ? Optional.of(true) : Optional.empty();
        });

        // A reward of the catalogue, with a pool of two codes, for the segment she is in.
        Map<String, Object> campaign = new java.util.LinkedHashMap<>();
        campaign.put("reward", "discount_code");
        campaign.put("translations", Map.of("en", Map.of("name", "10 EUR off")));
        campaign.put("active", true);
        campaign.put("costInPoints", 100);
        campaign.put("rewardValue", 10);
        campaign.put("target", "segment");
        campaign.put("segments", List.of(segmentId));
        campaign.put("unlimited", false);
        campaign.put("singleCoupon", false);
        campaign.put("limit", 10);
        campaign.put("limitPerUser", 2);
        campaign.put("daysInactive", 0);
        campaign.put("daysValid", 30);
        campaign.put("coupons", List.of("ANNTEN-1", "ANNTEN-2"));
        campaign.put("campaignActivity", Map.of("allTimeActive", true));
        campaign.put("campaignVisibility", Map.of("allTimeVisible", true));
        var created = call("POST", base + "/campaign", shop.key(), Map.of("campaign", campaign));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String campaignId = created.json().get("campaignId").asText();

        String token = token(shop, ann);
        var bought = call("POST", base + "/customer/campaign/" + campaignId + "/buy", token, Map.of("quantity", 1));
        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        String code = bought.json().get("coupons").get(0).get("code").asText();
        String couponId = bought.json().get("coupons").get(0).get("id").asText();
        assertThat(code).isEqualTo("ANNTEN-1");

        // Its coupon-created event was handed over by the purchase itself.
        JsonNode deliveries = admin("GET", base + "/admin/webhooks/coupon-created/deliveries", null).json()
                .get("deliveries");
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).get("code").asText()).isEqualTo(code);

        JsonNode reward = ownRewards(shop, token).get("campaigns").get(0);
        assertThat(reward.get("coupon").get("id").asText()).isEqualTo(couponId);
        assertThat(reward.get("canBeUsed").asBoolean()).isTrue();
        assertThat(canUse(shop, ann, code)).as("the coupon validates at checkout").isTrue();

        // The second order uses it: the reward is used, by that order.
        order(shop, "720002", "shop-customer-ann", code);
        JsonNode used = await("the second order to mark the reward used", () -> {
            JsonNode r = ownRewards(shop, token).get("campaigns").get(0);
            return r.get("used").asBoolean() ? Optional.of(r) : Optional.empty();
        });
        assertThat(used.get("usedForTransactionId").asText()).isEqualTo("720002");
        assertThat(canUse(shop, ann, code)).isFalse();

        order(shop, "720003", "shop-customer-ann", code);
        JsonNode third = await("the third order", () -> {
            var read = admin("GET", base + "/admin/orders/720003", null);
            return read.status() == 200 ? Optional.of(read.json()) : Optional.empty();
        });
        assertThat(third.get("redemptions").get(0).get("outcome").asText()).isEqualTo("CONFLICT");
    }
}

package org.serverlessloyalty.tests.campaigns.instant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.tests.e2e.ApiClient;
import org.serverlessloyalty.tests.e2e.HttpApiClient;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * The {@code instant_reward} earning rule over HTTP on the local stack (issue 11, h11-instant): a campaign created
 * with a pool, a rule naming it, a sale registered for the member over {@code POST /transaction}: the member's bought
 * rewards show one coupon of the pool; the same sale sent again (refused as a duplicate document) gives none more.
 */
class InstantRewardHttpIT {

    private static LocalStack stack;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey("instant-tests-admin-key").seedDemo(false).accessLog(false));
        api = new HttpApiClient(stack.baseUri());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json");
    }

    @Test
    void aSaleRegisteredForAMemberGivesOneCouponOfTheRulesCampaignInTheirBoughtRewards() {
        String code = "ir-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.call("POST", "/api/store", bearer(stack.adminKey()), Json.write(Map.of("code", code,
                "name", "Shop", "currency", "EUR", "timezone", "Europe/Paris", "locale", "en")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("apiKey").asText();
        var segment = api.call("POST", "/api/" + code + "/segment", bearer(key),
                Json.write(Map.of("segment", Map.of("name", "Buyers", "description", "Everyone"))));
        assertThat(segment.status()).as(segment.body()).isBetween(200, 201);
        String segmentId = segment.json().get("segmentId").asText();
        var registered = api.call("POST", "/api/" + code + "/admin/customer/register", bearer(key),
                Json.write(Map.of("customer", Map.of("firstName", "Jane", "lastName", "Doe",
                        "email", "jane@example.com"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String jane = registered.json().get("customerId").asText();
        var joined = api.call("POST", "/api/" + code + "/segment/" + segmentId + "/customers", bearer(key),
                Json.write(Map.of("customers", List.of(jane))));
        assertThat(joined.status()).as(joined.body()).isBetween(200, 204);
        var campaign = api.call("POST", "/api/" + code + "/campaign", bearer(key), Json.write(Map.of("campaign",
                Map.ofEntries(Map.entry("reward", "discount_code"),
                        Map.entry("translations", Map.of("en", Map.of("name", "Welcome mug"))),
                        Map.entry("active", true), Map.entry("costInPoints", 50), Map.entry("target", "segment"),
                        Map.entry("segments", List.of(segmentId)), Map.entry("unlimited", true),
                        Map.entry("daysInactive", 0), Map.entry("daysValid", 30),
                        Map.entry("coupons", List.of("MUG-1", "MUG-2")),
                        Map.entry("campaignActivity", Map.of("allTimeActive", true)),
                        Map.entry("campaignVisibility", Map.of("allTimeVisible", true))))));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(200);
        String campaignId = campaign.json().get("campaignId").asText();
        var missing = api.call("POST", "/api/" + code + "/earningRule", bearer(key), rule(segmentId,
                "00000000-0000-4000-8000-000000000000"));
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("earningRule[rewardCampaignId]");
        var rule = api.call("POST", "/api/" + code + "/earningRule", bearer(key), rule(segmentId, campaignId));
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);

        String sale = Json.write(Map.of("transaction", Map.of(
                "transactionData", Map.of("documentNumber", "FV-1", "purchaseDate", "2026-11-28 10:00"),
                "items", List.of(Map.of("sku", Map.of("code", "BOOTS"), "name", "Boots", "quantity", 1,
                        "grossValue", 40, "category", "shoes")),
                "customerData", Map.of("name", "Jane Doe", "email", "jane@example.com"))));
        var registeredSale = api.call("POST", "/api/" + code + "/transaction", bearer(key), sale);
        assertThat(registeredSale.status()).as(registeredSale.body()).isEqualTo(200);
        var again = api.call("POST", "/api/" + code + "/transaction", bearer(key), sale);
        assertThat(again.status()).as(again.body()).isEqualTo(400);

        var bought = api.call("GET", "/api/" + code + "/admin/customer/" + jane + "/campaign/bought", bearer(key),
                null);
        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        assertThat(bought.body()).contains("MUG-1").doesNotContain("MUG-2");
    }

    private static String rule(String segmentId, String campaignId) {
        return Json.write(Map.of("earningRule", Map.of("type", "instant_reward", "name", "Welcome mug",
                "description", "A mug with a first order", "active", true, "allTimeActive", true, "target", "segment",
                "segments", List.of(segmentId), "rewardCampaignId", campaignId)));
    }
}

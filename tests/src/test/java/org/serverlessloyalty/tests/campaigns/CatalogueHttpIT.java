package org.serverlessloyalty.tests.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
 * The reward catalogue over real HTTP on the local stack (issue 11, h11-catalogue): a shop defines campaigns with
 * Open Loyalty's form bodies and its store key, loads their coupon pools, reads and lists them; anyone reads the
 * public list. Every answer is held to docs/openapi.yaml by the client.
 */
class CatalogueHttpIT {

    static final String FORM = "application/x-www-form-urlencoded";
    private static LocalStack stack;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey("catalogue-tests-admin-key").seedDemo(false).accessLog(false));
        api = new HttpApiClient(stack.baseUri());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    record Shop(String code, String key) {
        String base() {
            return "/api/" + code;
        }
    }

    static Shop shop(String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.call("POST", "/api/store", json("catalogue-tests-admin-key"), Json.write(Map.of("code", code,
                "name", "Shop " + code, "currency", "EUR", "timezone", "Europe/Paris", "locale", "en")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Shop(code, created.json().get("apiKey").asText());
    }

    static Map<String, String> json(String key) {
        return Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json");
    }

    static Map<String, String> form(String key) {
        return Map.of("Authorization", "Bearer " + key, "Content-Type", FORM);
    }

    static String level(Shop shop, String name) {
        var created = api.call("POST", shop.base() + "/level/create", json(shop.key()), Json.write(Map.of("level",
                Map.of("translations", Map.of("en", Map.of("name", name)), "active", true, "conditionValue", 0,
                        "reward", Map.of("name", "r", "value", 1, "code", "R")))));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get("id").asText();
    }

    static String discountForm(String level, String coupons) {
        return "campaign[reward]=discount_code&campaign[translations][en][name]=Ten+off"
                + "&campaign[translations][en][shortDescription]=**Ten**+euros+<script>x</script>"
                + "&campaign[active]=1&campaign[public]=1&campaign[costInPoints]=100.456&campaign[target]=level"
                + "&campaign[levels][0]=" + level + "&campaign[labels]=type:promotion;season:winter"
                + "&campaign[unlimited]=0&campaign[singleCoupon]=0&campaign[limit]=10&campaign[limitPerUser]=2"
                + "&campaign[daysInactive]=0&campaign[daysValid]=30" + coupons
                + "&campaign[campaignActivity][allTimeActive]=1&campaign[campaignVisibility][allTimeVisible]=1";
    }

    @Test
    void aShopCreatesACampaignWithAPoolInOpenLoyaltysFormAndReadsItBack() {
        Shop shop = shop("cat");
        String gold = level(shop, "Gold");
        var created = api.call("POST", shop.base() + "/campaign", form(shop.key()),
                discountForm(gold, "&campaign[coupons][0]=ten-1&campaign[coupons][1]=TEN-2&campaign[coupons][2]=TEN-3"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().get("campaignId").asText();

        JsonNode read = api.call("GET", shop.base() + "/campaign/" + id, json(shop.key()), null).json();
        assertThat(read.get("reward").asText()).isEqualTo("discount_code");
        assertThat(read.get("name").asText()).isEqualTo("Ten off");
        assertThat(read.get("costInPoints").decimalValue()).isEqualByComparingTo("100.46");
        assertThat(read.get("coupons").toString()).isEqualTo("[\"TEN-1\",\"TEN-2\",\"TEN-3\"]");
        assertThat(read.get("limit").asInt()).isEqualTo(10);
        // C24: min(free 3, limit 10 - issued 0).
        assertThat(read.get("usageLeft").asLong()).isEqualTo(3);
        assertThat(read.get("usersWhoUsedThisCampaignCount").asLong()).isZero();
        assertThat(read.get("levelNames").get(gold).asText()).isEqualTo("Gold");
        assertThat(read.get("labels").toString())
                .isEqualTo("[{\"key\":\"type\",\"value\":\"promotion\"},{\"key\":\"season\",\"value\":\"winter\"}]");
        assertThat(read.get("shortDescription").asText()).isEqualTo("**Ten** euros <script>x</script>");

        JsonNode html = api.call("GET", shop.base() + "/campaign/" + id + "?format=html", json(shop.key()), null).json();
        assertThat(html.get("shortDescription").asText())
                .isEqualTo("<p><strong>Ten</strong> euros &lt;script&gt;x&lt;/script&gt;</p>\n");

        JsonNode seller = api.call("GET", shop.base() + "/seller/campaign/" + id, json(shop.key()), null).json();
        assertThat(seller.has("coupons")).isFalse();
        assertThat(seller.get("campaignId").asText()).isEqualTo(id);
    }

    @Test
    void aBadFormIsOne400NamingEveryOffendingFieldAndWritesNothing() {
        Shop shop = shop("bad");
        var bad = api.call("POST", shop.base() + "/campaign", form(shop.key()),
                "campaign[reward]=discount_code&campaign[translations][en][shortDescription]=x"
                        + "&campaign[labels]=type:promotion;broken&campaign[unlimited]=0&campaign[limit]=0"
                        + "&campaign[coupons][0]=A&campaign[coupons][1]=b&campaign[coupons][2]=a"
                        + "&campaign[campaignActivity][allTimeActive]=0&campaign[campaignActivity][activeFrom]=2026-01-02"
                        + "&campaign[campaignActivity][activeTo]=2026-01-01&campaign[campaignVisibility][allTimeVisible]=1");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "campaign[translations][en][name]", "campaign[levels]", "campaign[segments]", "campaign[labels]",
                "campaign[costInPoints]", "campaign[limit]", "campaign[limitPerUser]", "campaign[coupons][2]",
                "campaign[daysInactive]", "campaign[daysValid]", "campaign[campaignActivity][activeTo]");
        JsonNode list = api.call("GET", shop.base() + "/campaign", json(shop.key()), null).json();
        assertThat(list.get("total").asInt()).isZero();
    }

    @Test
    void aPoolIsReplacedAndAppendedInChunksAndAPutReplacesTheWholeCampaign() {
        Shop shop = shop("pool");
        String gold = level(shop, "Gold");
        String id = api.call("POST", shop.base() + "/campaign", form(shop.key()),
                discountForm(gold, "&campaign[coupons][0]=A-1")).json().get("campaignId").asText();
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            many.add("B-" + i);
        }
        var appended = api.call("POST", shop.base() + "/campaign/" + id + "/coupons", json(shop.key()),
                Json.write(Map.of("coupons", many, "append", true)));
        assertThat(appended.status()).as(appended.body()).isEqualTo(200);
        var duplicate = api.call("POST", shop.base() + "/campaign/" + id + "/coupons", json(shop.key()),
                Json.write(Map.of("coupons", List.of("B-7"), "append", true)));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("errors").findValuesAsText("field")).containsExactly("coupons");
        JsonNode read = api.call("GET", shop.base() + "/campaign/" + id, json(shop.key()), null).json();
        assertThat(read.get("coupons")).hasSize(151);
        assertThat(read.get("usageLeft").asLong()).isEqualTo(10);

        var replaced = api.call("PUT", shop.base() + "/campaign/" + id, form(shop.key()),
                "campaign[reward]=gift_code&campaign[translations][en][name]=Mug&campaign[costInPoints]=5"
                        + "&campaign[levels][0]=" + gold + "&campaign[unlimited]=1&campaign[daysInactive]=0"
                        + "&campaign[daysValid]=0&campaign[coupons][0]=B-2&campaign[coupons][1]=MUG-1"
                        + "&campaign[campaignActivity][allTimeActive]=1&campaign[campaignVisibility][allTimeVisible]=1");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        JsonNode after = api.call("GET", shop.base() + "/campaign/" + id, json(shop.key()), null).json();
        assertThat(after.get("coupons").toString()).isEqualTo("[\"B-2\",\"MUG-1\"]");
        // C10: the omitted checkbox is false now; C5: no limits on an unlimited campaign.
        assertThat(after.get("active").asBoolean()).isFalse();
        assertThat(after.get("limit").isNull()).isTrue();
        assertThat(after.get("usageLeft").asLong()).isEqualTo(2);
    }

    @Test
    void listsFilterAndThePublicListNeedsNoKeyAndAppliesBothWindows() {
        Shop shop = shop("list");
        String gold = level(shop, "Gold");
        String now = api.call("POST", shop.base() + "/campaign", form(shop.key()),
                discountForm(gold, "&campaign[coupons][0]=N-1")).json().get("campaignId").asText();
        String later = api.call("POST", shop.base() + "/campaign", form(shop.key()),
                discountForm(gold, "&campaign[coupons][0]=L-1").replace("campaign[campaignActivity][allTimeActive]=1",
                        "campaign[campaignActivity][allTimeActive]=0&campaign[campaignActivity][activeFrom]=2090-01-01"
                                + "&campaign[campaignActivity][activeTo]=2091-01-01")).json().get("campaignId").asText();

        JsonNode publicList = api.call("GET", shop.base() + "/campaign/public/available", Map.of(), null).json();
        assertThat(publicList.get("campaigns").findValuesAsText("campaignId")).containsExactly(now);
        assertThat(publicList.get("campaigns").get(0).has("coupons")).isFalse();

        JsonNode all = api.call("GET", shop.base() + "/campaign?labels[0][key]=type&labels[0][value]=promotion",
                json(shop.key()), null).json();
        assertThat(all.get("total").asInt()).isEqualTo(2);
        JsonNode laterRead = api.call("GET", shop.base() + "/campaign/" + later, json(shop.key()), null).json();
        assertThat(laterRead.get("will_be_active_from").asText()).startsWith("2090-01-01T00:00:00+0100");

        JsonNode active = api.call("GET", shop.base() + "/campaign/active", json(shop.key()), null).json();
        assertThat(active.get("campaigns").findValuesAsText("id")).containsExactly(now);

        assertThat(api.call("POST", shop.base() + "/campaign/" + now + "/inactive", json(shop.key()), null).status())
                .isEqualTo(200);
        JsonNode seller = api.call("GET", shop.base() + "/seller/campaign", json(shop.key()), null).json();
        assertThat(seller.get("campaigns").findValuesAsText("campaignId")).containsExactly(later);
        assertThat(api.call("GET", shop.base() + "/campaign/" + UUID.randomUUID(), json(shop.key()), null).status())
                .isEqualTo(404);
    }

    @Test
    void categoriesAreCreatedNamedOnTheirCampaignsAndFiltered() {
        Shop shop = shop("cats");
        String gold = level(shop, "Gold");
        var category = api.call("POST", shop.base() + "/campaignCategory", form(shop.key()),
                "campaign_category[translations][en][name]=Gifts&campaign_category[active]=1"
                        + "&campaign_category[sortOrder]=0");
        assertThat(category.status()).as(category.body()).isEqualTo(200);
        String categoryId = category.json().get("campaignCategoryId").asText();
        String id = api.call("POST", shop.base() + "/campaign", form(shop.key()),
                discountForm(gold, "&campaign[coupons][0]=A-1&campaign[categories][0]=" + categoryId))
                .json().get("campaignId").asText();
        api.call("POST", shop.base() + "/campaign", form(shop.key()), discountForm(gold, "&campaign[coupons][0]=B-1"));
        var unknown = api.call("POST", shop.base() + "/campaign", form(shop.key()), discountForm(gold,
                "&campaign[coupons][0]=C-1&campaign[categories][0]=" + categoryId + "&campaign[categories][1]=nope"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsText("field")).containsExactly("campaign[categories][1]");

        JsonNode inCategory = api.call("GET", shop.base() + "/campaign?categoryId[]=" + categoryId, json(shop.key()),
                null).json();
        assertThat(inCategory.get("campaigns").findValuesAsText("campaignId")).containsExactly(id);
        assertThat(inCategory.get("campaigns").get(0).get("categoryNames").get(categoryId).asText()).isEqualTo("Gifts");

        assertThat(api.call("POST", shop.base() + "/campaignCategory/" + categoryId + "/active", form(shop.key()),
                "active=0").status()).isEqualTo(204);
        JsonNode read = api.call("GET", shop.base() + "/campaignCategory/" + categoryId, json(shop.key()), null).json();
        assertThat(read.get("active").asBoolean()).isFalse();
        assertThat(api.call("GET", shop.base() + "/campaignCategory?active=0", json(shop.key()), null).json()
                .get("total").asInt()).isEqualTo(1);
    }

    @Test
    void theCustomersACampaignIsVisibleToAreItsLevelsAndSegmentsMembersEachOnceA9() {
        Shop shop = shop("vis");
        String base = level(shop, "Base");
        var registered = api.call("POST", shop.base() + "/admin/customer/register", json(shop.key()),
                Json.write(Map.of("customer", Map.of("firstName", "Ann", "lastName", "K", "email", "ann@example.com"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String ann = registered.json().get("customerId").asText();
        var segment = api.call("POST", shop.base() + "/segment", json(shop.key()),
                Json.write(Map.of("segment", Map.of("name", "VIP"))));
        String vip = segment.json().get("segmentId").asText();
        assertThat(api.call("POST", shop.base() + "/segment/" + vip + "/customers", json(shop.key()),
                Json.write(Map.of("customers", List.of(ann)))).status()).isEqualTo(200);
        String id = api.call("POST", shop.base() + "/campaign", form(shop.key()),
                discountForm(base, "&campaign[coupons][0]=A-1&campaign[segments][0]=" + vip)
                        .replace("&campaign[target]=level", "")).json().get("campaignId").asText();

        JsonNode visible = api.call("GET", shop.base() + "/campaign/" + id + "/customers/visible", json(shop.key()),
                null).json();
        assertThat(visible.get("total").asInt()).isEqualTo(1);
        assertThat(visible.get("customers").findValuesAsText("customerId")).containsExactly(ann);
        JsonNode read = api.call("GET", shop.base() + "/campaign/" + id, json(shop.key()), null).json();
        assertThat(read.get("visibleForCustomersCount").asInt()).isEqualTo(1);
        assertThat(read.get("segmentNames").get(vip).asText()).isEqualTo("VIP");
    }

    @Test
    void aCustomCampaignShowsItsEarningRuleAndCashbackNeedsNoPoolC6C8() {
        Shop shop = shop("custom");
        String gold = level(shop, "Gold");
        var rule = api.call("POST", shop.base() + "/earningRule", form(shop.key()),
                "earningRule[type]=qrcode&earningRule[name]=Scan+me&earningRule[description]=d&earningRule[active]=1"
                        + "&earningRule[allTimeActive]=1&earningRule[target]=level&earningRule[levels][0]=" + gold
                        + "&earningRule[code]=QR1&earningRule[pointsAmount]=5");
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        String ruleId = rule.json().get("earningRuleId").asText();
        String common = "&campaign[translations][en][name]=C&campaign[active]=1&campaign[levels][0]=" + gold
                + "&campaign[campaignActivity][allTimeActive]=1&campaign[campaignVisibility][allTimeVisible]=1";
        var custom = api.call("POST", shop.base() + "/campaign", form(shop.key()),
                "campaign[reward]=custom_campaign_code&campaign[connectType]=qrcode&campaign[earningRuleId]=" + ruleId
                        + common);
        assertThat(custom.status()).as(custom.body()).isEqualTo(200);
        JsonNode read = api.call("GET", shop.base() + "/campaign/" + custom.json().get("campaignId").asText(),
                json(shop.key()), null).json();
        assertThat(read.get("earningRule").get("type").asText()).isEqualTo("qrcode");
        assertThat(read.get("earningRule").get("name").asText()).isEqualTo("Scan me");
        assertThat(read.get("earningRule").get("pointsAmount").decimalValue()).isEqualByComparingTo("5");

        var cashback = api.call("POST", shop.base() + "/campaign", form(shop.key()),
                "campaign[reward]=cashback&campaign[pointValue]=0.05&campaign[costInPoints]=9" + common);
        assertThat(cashback.status()).as(cashback.body()).isEqualTo(200);
        JsonNode cash = api.call("GET", shop.base() + "/campaign/" + cashback.json().get("campaignId").asText(),
                json(shop.key()), null).json();
        assertThat(cash.get("unlimited").asBoolean()).isTrue();
        assertThat(cash.get("singleCoupon").asBoolean()).isTrue();
        assertThat(cash.get("costInPoints").decimalValue()).isEqualByComparingTo("0");
        assertThat(cash.get("pointValue").decimalValue()).isEqualByComparingTo("0.05");
        var pool = api.call("POST", shop.base() + "/campaign/" + cashback.json().get("campaignId").asText()
                + "/coupons", json(shop.key()), "{\"coupons\":[\"X\"]}");
        assertThat(pool.status()).isEqualTo(400);
    }

    /**
     * C10 over HTTP: once a code is issued (here the pool part of a purchase, written as h11-buy's transaction
     * writes it: the free code deleted on condition it exists, free − 1, issued + 1), a PUT leaving it out is a 400.
     */
    @Test
    void aPutLeavingOutAnIssuedCodeIs400NamingItC10() {
        Shop shop = shop("c10");
        String gold = level(shop, "Gold");
        String id = api.call("POST", shop.base() + "/campaign", form(shop.key()), discountForm(gold,
                "&campaign[coupons][0]=C-1&campaign[coupons][1]=C-2&campaign[coupons][2]=C-3"))
                .json().get("campaignId").asText();
        var store = new org.serverlessloyalty.shared.store.model.StoreCode(shop.code());
        var campaignId = new org.serverlessloyalty.shared.campaign.model.CampaignId(id);
        String table = stack.tableName("LoyaltyTable");
        stack.dynamoDbClient().transactWriteItems(b -> b.transactItems(
                software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(org.serverlessloyalty.shared.campaign.dynamodb.CampaignKeys.freeCode(store, campaignId, 1))
                        .conditionExpression("attribute_exists(pk)")).build(),
                software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(org.serverlessloyalty.shared.campaign.dynamodb.CampaignKeys.campaign(store, campaignId))
                        .updateExpression("ADD #free :minus, #issued :one, #buyers :one")
                        .expressionAttributeNames(Map.of("#free", "free", "#issued", "issued", "#buyers", "buyers"))
                        .expressionAttributeValues(Map.of(
                                ":minus", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("-1"),
                                ":one", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"))))
                        .build()));

        var refused = api.call("PUT", shop.base() + "/campaign/" + id, form(shop.key()),
                discountForm(gold, "&campaign[coupons][0]=C-2&campaign[coupons][1]=C-4"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("campaign[coupons]");
        assertThat(refused.json().get("errors").get(0).get("message").asText())
                .isEqualTo("Removing used coupons (C-1) is not permitted");

        var kept = api.call("PUT", shop.base() + "/campaign/" + id, form(shop.key()),
                discountForm(gold, "&campaign[coupons][0]=C-1&campaign[coupons][1]=C-4"));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        JsonNode read = api.call("GET", shop.base() + "/campaign/" + id, json(shop.key()), null).json();
        assertThat(read.get("coupons").toString()).isEqualTo("[\"C-1\",\"C-4\"]");
        // C24: one free code (C-4) left; one member bought.
        assertThat(read.get("usageLeft").asLong()).isEqualTo(1);
        assertThat(read.get("usersWhoUsedThisCampaignCount").asLong()).isEqualTo(1);
    }
}

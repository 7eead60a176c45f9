package org.serverlessloyalty.tests.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.tests.points.PointsStack.bearer;
import static org.serverlessloyalty.tests.points.PointsStack.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.tests.e2e.ApiClient;

/**
 * Levels (L-1..L-9, rules L1-L7) and segments over real HTTP on the local stack, as template.yaml declares them:
 * every route, the store's level settings through its body, and the member status moving with points.
 */
class LevelJourneyIT {

    private static PointsStack stack;

    @BeforeAll
    static void start() {
        stack = PointsStack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static ApiClient.Response call(String method, String path, Map<String, String> headers, String body) {
        return stack.call(method, path, headers, body);
    }

    private static String level(PointsStack.Shop shop, String name, int conditionValue, int rewardPercent) {
        var created = call("POST", "/api/" + shop.code() + "/level/create", bearer(shop.key()), Json.write(Map.of(
                "level", Map.of("translations", Map.of("en", Map.of("name", name)), "active", true,
                        "conditionValue", conditionValue,
                        "reward", Map.of("name", name + " reward", "value", rewardPercent, "code", name.toUpperCase())))));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get("id").asText();
    }

    private static void add(PointsStack.Shop shop, String member, String points) {
        var added = call("POST", "/api/" + shop.code() + "/points/transfer/add", form(shop.key()),
                "transfer[customer]=" + member + "&transfer[points]=" + points);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    private static void spend(PointsStack.Shop shop, String member, String points) {
        var spent = call("POST", "/api/" + shop.code() + "/points/transfer/spend", form(shop.key()),
                "transfer[customer]=" + member + "&transfer[points]=" + points);
        assertThat(spent.status()).as(spent.body()).isEqualTo(200);
    }

    @Test
    void l1ToL7AndTheStatusFollowThePointsOverHttp() {
        PointsStack.Shop shop = stack.shop("lv");
        String base = level(shop, "Base", 0, 1);
        // L-1 as Open Loyalty's clients send it: a form, the reward as a percent (L1).
        var silverForm = call("POST", "/api/" + shop.code() + "/level/create", form(shop.key()),
                "level[translations][en][name]=Silver&level[active]=1&level[conditionValue]=20"
                        + "&level[reward][name]=Silver+discount&level[reward][value]=15&level[reward][code]=S15");
        assertThat(silverForm.status()).as(silverForm.body()).isEqualTo(200);
        String silver = silverForm.json().get("id").asText();
        String gold = level(shop, "Gold", 200, 20);

        // L6: a new member is placed in the level at 0.
        String jane = stack.member(shop, "Jane", "jane-" + UUID.randomUUID() + "@example.com");
        JsonNode status = stack.status(shop, jane);
        assertThat(status.get("levelName").asText()).isEqualTo("Base");
        assertThat(status.get("nextLevelName").asText()).isEqualTo("Silver");
        assertThat(status.get("pointsToNextLevel").decimalValue()).isEqualByComparingTo("20");

        // L3: an add moves her up at once; L7 truncates her 25.99 points.
        add(shop, jane, "25.99");
        status = stack.status(shop, jane);
        assertThat(status.get("level").asText()).isEqualTo("15.00%");
        assertThat(status.get("levelName").asText()).isEqualTo("Silver");
        assertThat(status.get("levelConditionValue").decimalValue()).isEqualByComparingTo("20");
        assertThat(status.get("nextLevel").asText()).isEqualTo("20.00%");
        assertThat(status.get("nextLevelConditionValue").decimalValue()).isEqualByComparingTo("200");
        assertThat(status.get("pointsToNextLevel").decimalValue()).isEqualByComparingTo("175");

        // L3 automatic (the default): a spend moves her down at once.
        spend(shop, jane, "10");
        assertThat(stack.status(shop, jane).get("levelName").asText()).isEqualTo("Base");

        // L-3 and L-4 (admin and seller), customersCount.
        var one = call("GET", "/api/" + shop.code() + "/level/" + silver, bearer(shop.key()), null);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("reward").get("value").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(one.json().get("customersCount").asLong()).isZero();
        var sellerOne = call("GET", "/api/" + shop.code() + "/seller/level/" + base, bearer(shop.key()), null);
        assertThat(sellerOne.json().get("customersCount").asLong()).isEqualTo(1);
        var list = call("GET", "/api/" + shop.code() + "/level?perPage=2", bearer(shop.key()), null);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("total").asInt()).isEqualTo(3);
        assertThat(list.json().get("levels")).hasSize(2);
        assertThat(list.json().get("levels").get(0).get("name").asText()).isEqualTo("Base");
        var sellerList = call("GET", "/api/" + shop.code() + "/seller/level?page=2&perPage=2", bearer(shop.key()), null);
        assertThat(sellerList.json().get("levels").get(0).get("id").asText()).isEqualTo(gold);

        // L-2: the whole form again.
        var updated = call("PUT", "/api/" + shop.code() + "/level/" + gold, bearer(shop.key()), Json.write(Map.of(
                "level", Map.of("translations", Map.of("en", Map.of("name", "Gold")), "active", true,
                        "conditionValue", 100, "reward", Map.of("name", "Gold", "value", 20, "code", "G")))));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        add(shop, jane, "100");
        assertThat(stack.status(shop, jane).get("levelName").asText()).isEqualTo("Gold");

        // L-6: the level's members.
        var members = call("GET", "/api/" + shop.code() + "/level/" + gold + "/customers", bearer(shop.key()), null);
        assertThat(members.status()).as(members.body()).isEqualTo(200);
        assertThat(members.json().get("total").asInt()).isEqualTo(1);
        assertThat(members.json().get("customers").get(0).get("customerId").asText()).isEqualTo(jane);

        // L-5: deactivated, Gold places nobody; her next change places her by what is active.
        var off = call("POST", "/api/" + shop.code() + "/level/" + gold + "/activate", form(shop.key()), "active=0");
        assertThat(off.status()).as(off.body()).isEqualTo(204);
        add(shop, jane, "1");
        assertThat(stack.status(shop, jane).get("levelName").asText()).isEqualTo("Silver");

        // L-7: a member's token reads the active levels.
        var token = call("POST", "/api/" + shop.code() + "/customer/token",
                Map.of("X-Api-Key", shop.key(), "Content-Type", PointsStack.FORM), "customer[customerId]=" + jane);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        var seen = call("GET", "/api/" + shop.code() + "/customer/level",
                Map.of("Authorization", "Bearer " + token.json().get("token").asText()), null);
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.json().get("total").asInt()).isEqualTo(2);
        assertThat(seen.json().get("levels").get(1)).hasSize(4);
        // A token does not open the admin's level routes.
        var refused = call("GET", "/api/" + shop.code() + "/level",
                Map.of("Authorization", "Bearer " + token.json().get("token").asText()), null);
        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void l8AndL9AManualLevelIsAFloorUntilRemoved() {
        PointsStack.Shop shop = stack.shop("lv");
        String base = level(shop, "Base", 0, 1);
        String gold = level(shop, "Gold", 200, 20);
        String jim = stack.member(shop, "Jim", "jim-" + UUID.randomUUID() + "@example.com");

        var missing = call("POST", "/api/" + shop.code() + "/customer/" + jim + "/level", form(shop.key()), "");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).isEqualTo("field is required");
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("levelId");
        // Section 4 item 10: an unknown level is a 400, not Open Loyalty's 500.
        var unknown = call("POST", "/api/" + shop.code() + "/customer/" + jim + "/level", form(shop.key()),
                "levelId=" + UUID.randomUUID());
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).isEqualTo("no such level");

        var assigned = call("POST", "/api/" + shop.code() + "/customer/" + jim + "/level", form(shop.key()),
                "levelId=" + gold);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.body()).isEqualTo("[]");
        add(shop, jim, "5");
        spend(shop, jim, "5");
        assertThat(stack.status(shop, jim).get("levelName").asText()).isEqualTo("Gold");

        var removed = call("POST", "/api/" + shop.code() + "/customer/" + jim + "/remove-manually-level",
                bearer(shop.key()), null);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(stack.status(shop, jim).get("levelName").asText()).isEqualTo("Base");
        var notAMember = call("POST", "/api/" + shop.code() + "/customer/" + UUID.randomUUID() + "/level",
                form(shop.key()), "levelId=" + base);
        assertThat(notAMember.status()).isEqualTo(404);
    }

    @Test
    void theStoreBodyCarriesTheLevelSettingsAndModeNoneKeepsALevelAfterASpend() {
        PointsStack.Shop shop = stack.shop("lv");
        var bad = call("PUT", "/api/store/" + shop.code(), stack.admin(),
                "{\"levelDowngradeMode\":\"sometimes\",\"tierAssignType\":\"visits\",\"levelDowngradeDays\":0}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("levelDowngradeMode", "tierAssignType", "levelDowngradeDays");
        var put = call("PUT", "/api/store/" + shop.code(), stack.admin(),
                "{\"levelDowngradeMode\":\"none\",\"excludedLevelSKUs\":[\"SHIP\"]}");
        assertThat(put.status()).as(put.body()).isEqualTo(204);
        var store = call("GET", "/api/store/" + shop.code(), stack.admin(), null);
        assertThat(store.json().get("levelDowngradeMode").asText()).isEqualTo("none");
        assertThat(store.json().get("tierAssignType").asText()).isEqualTo("points");
        assertThat(store.json().get("excludedLevelSKUs").get(0).asText()).isEqualTo("SHIP");

        level(shop, "Base", 0, 1);
        level(shop, "Gold", 100, 20);
        String ann = stack.member(shop, "Ann", "ann-" + UUID.randomUUID() + "@example.com");
        add(shop, ann, "150");
        spend(shop, ann, "140");
        JsonNode status = stack.status(shop, ann);
        assertThat(status.get("levelName").asText()).isEqualTo("Gold");
        assertThat(status.has("nextLevel")).isFalse();
        assertThat(status.get("transactionsCount").asLong()).isZero();
    }

    @Test
    void aBadLevelFormIsA400NamingEveryFieldAndAnUnknownLevelIs404() {
        PointsStack.Shop shop = stack.shop("lv");
        var bad = call("POST", "/api/" + shop.code() + "/level/create", form(shop.key()),
                "level[conditionValue]=-1&level[reward][value]=150");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("level[translations][en][name]", "level[conditionValue]",
                "level[reward][value]", "level[reward][name]", "level[reward][code]");
        assertThat(call("GET", "/api/" + shop.code() + "/level/" + UUID.randomUUID(), bearer(shop.key()), null)
                .status()).isEqualTo(404);
        assertThat(call("GET", "/api/" + shop.code() + "/level/not-a-level", bearer(shop.key()), null)
                .status()).isEqualTo(404);
        assertThat(call("GET", "/api/" + shop.code() + "/level", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void segmentsHoldTheMembersAnAdminPutsInThem() {
        PointsStack.Shop shop = stack.shop("sg");
        String ann = stack.member(shop, "Ann", "ann-" + UUID.randomUUID() + "@example.com");
        String bob = stack.member(shop, "Bob", "bob-" + UUID.randomUUID() + "@example.com");
        var created = call("POST", "/api/" + shop.code() + "/segment", form(shop.key()), "segment[name]=VIP");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String vip = created.json().get("segmentId").asText();

        String unknown = UUID.randomUUID().toString();
        var bad = call("POST", "/api/" + shop.code() + "/segment/" + vip + "/customers", bearer(shop.key()),
                Json.write(Map.of("customers", List.of(ann, unknown, "nope"))));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("customers[2]").doesNotContain("customers[0]");
        var unknownOnly = call("POST", "/api/" + shop.code() + "/segment/" + vip + "/customers", bearer(shop.key()),
                Json.write(Map.of("customers", List.of(ann, unknown))));
        assertThat(unknownOnly.status()).as(unknownOnly.body()).isEqualTo(400);
        assertThat(unknownOnly.body()).contains("customers[1]", "such customer does not exist");
        assertThat(call("GET", "/api/" + shop.code() + "/segment/" + vip, bearer(shop.key()), null)
                .json().get("customersCount").asInt()).isZero();

        var added = call("POST", "/api/" + shop.code() + "/segment/" + vip + "/customers", form(shop.key()),
                "customers[0]=" + ann + "&customers[1]=" + bob + "&customers[2]=" + ann);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("customersCount").asInt()).isEqualTo(2);

        var renamed = call("PUT", "/api/" + shop.code() + "/segment/" + vip, bearer(shop.key()),
                "{\"name\":\"VIP customers\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        var one = call("GET", "/api/" + shop.code() + "/segment/" + vip, bearer(shop.key()), null);
        assertThat(one.json().get("name").asText()).isEqualTo("VIP customers");
        var list = call("GET", "/api/" + shop.code() + "/segment", bearer(shop.key()), null);
        assertThat(list.json().get("total").asInt()).isEqualTo(1);

        var removed = call("DELETE", "/api/" + shop.code() + "/segment/" + vip + "/customers/" + ann,
                bearer(shop.key()), null);
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        var members = call("GET", "/api/" + shop.code() + "/segment/" + vip + "/customers", bearer(shop.key()), null);
        assertThat(members.json().get("total").asInt()).isEqualTo(1);
        assertThat(members.json().get("customers").get(0).get("customerId").asText()).isEqualTo(bob);
        assertThat(call("GET", "/api/" + shop.code() + "/segment/" + UUID.randomUUID(), bearer(shop.key()), null)
                .status()).isEqualTo(404);
    }
}

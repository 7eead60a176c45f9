package org.serverlessloyalty.tests.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.testing.DynamoDbFaults;
import org.serverlessloyalty.tests.e2e.ApiClient;

/**
 * Earning rules over real HTTP on the local stack (issue 10, behaviour spec 1.B.3): a shop's server defines its rules
 * with Open Loyalty's form bodies and its store key, a member's front end lists theirs with a customer token; every
 * answer is held to docs/openapi.yaml by the client.
 */
class EarningRulesHttpIT {

    private static final String GOLD = "0196b5a2-3c40-7000-8a1b-000000000001";
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

    private static String form(String type, String name, String extra) {
        return "earningRule[type]=" + type + "&earningRule[name]=" + name + "&earningRule[description]=d"
                + "&earningRule[active]=1&earningRule[allTimeActive]=1&earningRule[target]=level"
                + "&earningRule[levels][0]=" + GOLD + extra;
    }

    @Test
    void aShopDefinesReadsChangesAndListsItsRulesWithFormBodies() {
        PointsStack.Shop shop = stack.shop("er");
        String base = "/api/" + shop.code();
        var created = stack.call("POST", base + "/earningRule", PointsStack.form(shop.key()),
                form("points", "Two+per+euro", "&earningRule[pointValue]=2&earningRule[excludedSKUs]=SHIP;WRAP"
                        + "&earningRule[labelsInclusionType]=exclude_labels&earningRule[excludedLabels]=sale:yes"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().get("earningRuleId").asText();

        var read = stack.call("GET", base + "/earningRule/" + id, PointsStack.bearer(shop.key()), null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("excludedSKUs").asText()).isEqualTo("SHIP;WRAP");
        assertThat(read.json().get("excludedLabels").asText()).isEqualTo("sale:yes");
        assertThat(read.json().get("labelsInclusionType").asText()).isEqualTo("exclude_labels");

        var multiply = stack.call("POST", base + "/earningRule", PointsStack.bearer(shop.key()),
                Json.write(Map.of("earningRule", Map.of("type", "multiply_by_product_labels", "name", "Double red",
                        "description", "d", "active", true, "allTimeActive", true, "target", "level",
                        "levels", List.of(GOLD), "labelMultipliers",
                        List.of(Map.of("key", "color", "value", "red", "multiplier", 2))))));
        assertThat(multiply.status()).as(multiply.body()).isEqualTo(200);

        var replaced = stack.call("PUT", base + "/earningRule/" + id, PointsStack.form(shop.key()),
                form("points", "Three+per+euro", "&earningRule[pointValue]=3&earningRule[lastExecutedRule]=1"));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        var off = stack.call("POST", base + "/earningRule/" + id + "/activate", PointsStack.form(shop.key()), "active=0");
        assertThat(off.status()).as(off.body()).isEqualTo(204);

        JsonNode active = stack.call("GET", base + "/earningRule?active=true", PointsStack.bearer(shop.key()), null).json();
        assertThat(active.get("earningRules").findValuesAsText("name")).containsExactly("Double red");
        JsonNode seller = stack.call("GET", base + "/seller/earningRule/" + id, PointsStack.bearer(shop.key()), null)
                .json();
        assertThat(seller.get("name").asText()).isEqualTo("Three per euro");
        assertThat(seller.get("lastExecutedRule").asBoolean()).isTrue();
        assertThat(seller.get("active").asBoolean()).isFalse();

        var bad = stack.call("POST", base + "/earningRule", PointsStack.form(shop.key()),
                "earningRule[type]=geolocation&earningRule[name]=Here&earningRule[description]=d"
                        + "&earningRule[allTimeActive]=0&earningRule[latitude]=91&earningRule[radius]=0"
                        + "&earningRule[pointsAmount]=2&earningRule[segments]=[+]&earningRule[target]=segment");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "earningRule[startAt]", "earningRule[endAt]", "earningRule[latitude]", "earningRule[longitude]",
                "earningRule[radius]", "earningRule[segments]");
    }

    /** A basket of boots for 40 and a mug for 12, as {@code POST /transaction/simulate} reads it. */
    private static final String BASKET = "&transaction[purchaseDate]=2026-11-28+10:00"
            + "&transaction[items][0][sku][code]=BOOTS&transaction[items][0][name]=Boots"
            + "&transaction[items][0][quantity]=1&transaction[items][0][grossValue]=40"
            + "&transaction[items][0][category]=shoes&transaction[items][1][sku][code]=MUG-1"
            + "&transaction[items][1][name]=Mug&transaction[items][1][quantity]=1"
            + "&transaction[items][1][grossValue]=12&transaction[items][1][category]=kitchen";

    /**
     * Issue 12 (ours): a draft rule's points on a basket, alone and with the store's active rules (E3 order, E5, E8,
     * T7), and a 400 naming fields of both parts; nothing is ever saved.
     */
    @Test
    void aDraftRuleIsSimulatedOnABasketBeforeSavingAndNothingIsWritten() {
        PointsStack.Shop shop = stack.shop("es");
        String base = "/api/" + shop.code();
        var saved = stack.call("POST", base + "/earningRule", PointsStack.form(shop.key()),
                form("points", "One+per+euro", "&earningRule[pointValue]=1"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        // E8: +50 per mug line, after the saved spending rule (E3): 50 alone, 52 + 50 with it.
        var preview = stack.call("POST", base + "/earningRule/simulate", PointsStack.form(shop.key()),
                form("product_purchase", "Mug+bonus", "&earningRule[skuIds][0]=MUG-1&earningRule[pointsAmount]=50")
                        + BASKET);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("points").decimalValue()).isEqualByComparingTo("50");
        assertThat(preview.json().get("pointsWithActiveRules").decimalValue()).isEqualByComparingTo("102");

        // E5 as JSON, with the store key as a bearer: 3 per euro on 52.
        var json = stack.call("POST", base + "/earningRule/simulate", PointsStack.bearer(shop.key()),
                Json.write(Map.of("earningRule", Map.of("type", "points", "name", "Three", "description", "d",
                        "active", false, "allTimeActive", true, "target", "level", "levels", List.of(GOLD),
                        "pointValue", 3), "transaction", Map.of("items", List.of(Map.of("sku", Map.of("code", "A"),
                        "name", "a", "quantity", 1, "grossValue", 52, "category", "c"))))));
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.json().get("points").decimalValue()).isEqualByComparingTo("156");
        assertThat(json.json().get("pointsWithActiveRules").decimalValue()).isEqualByComparingTo("208");

        // One 400 naming the bad fields of both parts.
        var bad = stack.call("POST", base + "/earningRule/simulate", PointsStack.form(shop.key()),
                "earningRule[type]=points&earningRule[description]=d&earningRule[allTimeActive]=1"
                        + "&earningRule[target]=level&earningRule[levels][0]=" + GOLD + "&earningRule[pointValue]=-1"
                        + "&transaction[items][0][sku][code]=A&transaction[items][0][name]=a"
                        + "&transaction[items][0][quantity]=1&transaction[items][0][grossValue]=x"
                        + "&transaction[items][0][category]=c");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).contains("earningRule[name]",
                "earningRule[pointValue]", "transaction[items][0][grossValue]");

        // E3: rules no transaction runs are 400 on earningRule[type].
        var event = stack.call("POST", base + "/earningRule/simulate", PointsStack.form(shop.key()),
                "earningRule[type]=qrcode&earningRule[name]=Q&earningRule[description]=d&earningRule[active]=1"
                        + "&earningRule[allTimeActive]=1&earningRule[target]=level&earningRule[levels][0]=" + GOLD
                        + "&earningRule[code]=abc&earningRule[pointsAmount]=5" + BASKET);
        assertThat(event.status()).as(event.body()).isEqualTo(400);
        assertThat(event.json().get("errors").findValuesAsText("field")).containsExactly("earningRule[type]");
        assertThat(event.json().get("errors").findValuesAsText("message").get(0))
                .contains("not applied to transactions");

        // Nothing saved: the store still has its one rule, and no transaction.
        JsonNode rules = stack.call("GET", base + "/earningRule", PointsStack.bearer(shop.key()), null).json();
        assertThat(rules.get("total").asInt()).isEqualTo(1);
        assertThat(rules.get("earningRules").findValuesAsText("name")).containsExactly("One per euro");
        JsonNode transactions = stack.call("GET", base + "/transaction", PointsStack.bearer(shop.key()), null).json();
        assertThat(transactions.get("total").asInt()).isZero();
    }

    @AfterEach
    void faultsOff() {
        stack.faultsOff();
    }

    /** Concurrent creates of one custom event name, without faults and with the engine's (on while they run). */
    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void concurrentCreatesOfOneCustomEventMakeOneRule(DynamoDbFaults faults) throws Exception {
        PointsStack.Shop shop = stack.shop("ec");
        String base = "/api/" + shop.code();
        String body = form("custom_event", "Like", "&earningRule[eventName]=facebook_like&earningRule[pointsAmount]=5"
                + "&earningRule[limit][active]=1&earningRule[limit][period]=day&earningRule[limit][limit]=2");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<ApiClient.Response> answers = new ArrayList<>();
        DynamoDbFaults.Run run = stack.faults(faults);
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit((Callable<ApiClient.Response>) () ->
                        stack.call("POST", base + "/earningRule", PointsStack.form(shop.key()), body)));
            }
            for (Future<ApiClient.Response> future : futures) {
                answers.add(future.get());
            }
        } finally {
            run.close();
            pool.shutdown();
        }
        run.record("EarningRulesHttpIT: six concurrent creates of one custom event name over HTTP");
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 400).hasSize(5)
                .allSatisfy(a -> assertThat(a.json().get("errors").findValuesAsText("field"))
                        .containsExactly("earningRule[eventName]"));
        JsonNode listed = stack.call("GET", base + "/earningRule", PointsStack.bearer(shop.key()), null).json();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("earningRules").get(0).get("limit").get("period").asText()).isEqualTo("day");
    }

    @Test
    void aMemberListsTheRulesForThemWithTheirToken() {
        PointsStack.Shop shop = stack.shop("em");
        String base = "/api/" + shop.code();
        var welcome = stack.call("POST", base + "/earningRule", PointsStack.form(shop.key()),
                "earningRule[type]=event&earningRule[name]=Welcome&earningRule[description]=d&earningRule[active]=1"
                        + "&earningRule[allTimeActive]=1&earningRule[eventName]=oloy.account.created"
                        + "&earningRule[pointsAmount]=10");
        assertThat(welcome.status()).as(welcome.body()).isEqualTo(200);
        String jane = stack.member(shop, "Jane", "jane@example.com");
        var token = stack.call("POST", base + "/customer/token", PointsStack.bearer(shop.key()),
                Json.write(Map.of("customerId", jane)));
        var mine = stack.call("GET", base + "/customer/earningRule",
                PointsStack.bearer(token.json().get("token").asText()), null);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get("earningRules").findValuesAsText("eventName")).containsExactly("oloy.account.created");
        assertThat(mine.json().get("currency").asText()).isEqualTo("eur");
    }
}

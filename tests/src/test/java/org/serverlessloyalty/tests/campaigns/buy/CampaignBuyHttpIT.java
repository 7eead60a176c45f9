package org.serverlessloyalty.tests.campaigns.buy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.tests.e2e.ApiClient;

/**
 * Buying over HTTP on the local stack (A12 admin, A13 seller, A14 customer): the answer carries each coupon's code and
 * id (section 4 item 5), the refusals are Open Loyalty's verbatim {@code error}, targeting holds for customer and
 * seller (section 4 item 4), and an {@code Idempotency-Key} makes a purchase happen once (section 4 item 21).
 */
class CampaignBuyHttpIT {

    private static BuyStack stack;

    @BeforeAll
    static void start() {
        stack = BuyStack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aMemberBuysWithTheirTokenAndGetsEachCouponsCodeAndIdWhileThePointsGo() {
        BuyStack.Shop shop = stack.shop("buy");
        String jane = stack.member(shop, "100");
        Campaign c = stack.campaign(shop, "20", true, null, null, 5);

        var bought = stack.call("POST", "/api/" + shop.code() + "/customer/campaign/" + c.id() + "/buy",
                BuyStack.bearer(stack.token(shop, jane)), "{\"quantity\":2}");

        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        JsonNode coupons = bought.json().get("coupons");
        assertThat(coupons).hasSize(2);
        assertThat(coupons.get(0).get("code").asText()).endsWith("-001");
        assertThat(coupons.get(1).get("code").asText()).endsWith("-002");
        assertThat(coupons.get(0).get("id").asText()).isNotEqualTo(coupons.get(1).get("id").asText());
        assertThat(stack.balance(shop, jane)).isEqualByComparingTo("60");
    }

    @Test
    void theAdminBuysWithoutPointsAndASellerBuysForAMemberOfTheTargetedSegment() {
        BuyStack.Shop shop = stack.shop("buy");
        String jane = stack.member(shop, "100");
        Campaign c = stack.campaign(shop, "20", true, null, null, 5);

        var admin = stack.call("POST", "/api/" + shop.code() + "/admin/customer/" + jane + "/campaign/" + c.id()
                + "/buy?withoutPoints=1", BuyStack.bearer(shop.key()), null);
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(stack.balance(shop, jane)).isEqualByComparingTo("100");

        var seller = stack.call("POST", "/api/" + shop.code() + "/seller/customer/" + jane + "/campaign/" + c.id()
                + "/buy", Map.of("Authorization", "Bearer " + shop.key(), "Content-Type",
                "application/x-www-form-urlencoded"), "quantity=1");
        assertThat(seller.status()).as(seller.body()).isEqualTo(200);
        assertThat(stack.balance(shop, jane)).isEqualByComparingTo("80");
    }

    @Test
    void refusalsCarryOpenLoyaltysTextAndTakeNothing() {
        BuyStack.Shop shop = stack.shop("buy");
        String poor = stack.member(shop, "5");
        String rich = stack.member(shop, "500");
        Campaign limited = stack.campaign(shop, "10", false, 100, 1, 5);
        Campaign small = stack.campaign(shop, "1", true, null, null, 1);

        assertThat(error(buy(shop, poor, limited, 1))).isEqualTo("Not enough points");
        assertThat(error(buy(shop, rich, limited, 2))).isEqualTo("Limit per customer exceeded");
        assertThat(buy(shop, rich, limited, 1).status()).isEqualTo(200);
        assertThat(error(buy(shop, rich, limited, 1))).isEqualTo("Limit per customer exceeded");
        assertThat(error(buy(shop, rich, small, 2))).isEqualTo("No coupons left");
        assertThat(stack.balance(shop, poor)).isEqualByComparingTo("5");
        assertThat(stack.balance(shop, rich)).isEqualByComparingTo("490");
        var quantity = buy(shop, rich, small, 0);
        assertThat(quantity.status()).isEqualTo(400);
        assertThat(quantity.body()).contains("quantity");
    }

    @Test
    void aCustomerOrSellerCannotBuyACampaignThatDoesNotTargetTheMemberButTheAdminCan() {
        BuyStack.Shop shop = stack.shop("buy");
        BuyStack.Shop other = stack.shop("buy");
        String jane = stack.member(shop, "100");
        // Targets the other shop's segment only, written in this shop: nobody here is in it.
        Campaign c = stack.campaign(other, "10", true, null, null, 5);
        Campaign here = new Campaign(new org.serverlessloyalty.shared.store.model.StoreCode(shop.code()), c.id(),
                c.reward(), c.active(), c.translations(), c.featured(), c.isPublic(), c.fulfillmentTracking(),
                c.levels(), c.segments(), c.categories(), c.labels(), c.moreInformationLink(), c.pushNotificationText(),
                c.rewardValue(), c.tax(), c.taxPriceValue(), c.activity(), c.visibility(), c.costInPoints(),
                c.unlimited(), c.singleCoupon(), c.limit(), c.limitPerUser(), c.daysInactive(), c.daysValid(),
                c.pointValue(), c.transactionPercentageValue(), c.connectType(), c.earningRuleId(), c.brandIcon(),
                c.createdAt(), c.version());
        org.serverlessloyalty.shared.campaign.dynamodb.CampaignItems.put(stack.local().dynamoDbClient(),
                stack.local().tableName("LoyaltyTable"), here, java.util.List.of("ELSEWHERE-1"));

        assertThat(buy(shop, jane, here, 1).status()).isEqualTo(404);
        assertThat(stack.call("POST", "/api/" + shop.code() + "/seller/customer/" + jane + "/campaign/" + here.id()
                + "/buy", BuyStack.bearer(shop.key()), null).status()).isEqualTo(404);
        assertThat(stack.call("POST", "/api/" + shop.code() + "/admin/customer/" + jane + "/campaign/" + here.id()
                + "/buy", BuyStack.bearer(shop.key()), null).status()).isEqualTo(200);
        assertThat(stack.call("POST", "/api/" + shop.code() + "/customer/campaign/00000000-0000-4000-8000-000000000000"
                + "/buy", BuyStack.bearer(stack.token(shop, jane)), null).status()).isEqualTo(404);
    }

    @Test
    void theSameIdempotencyKeyBuysOnceAndReplaysTheFirstAnswerAnotherBodyIs422() {
        BuyStack.Shop shop = stack.shop("buy");
        String jane = stack.member(shop, "100");
        Campaign c = stack.campaign(shop, "10", true, null, null, 5);
        String token = stack.token(shop, jane);
        Map<String, String> headers = new HashMap<>(BuyStack.bearer(token));
        headers.put("Idempotency-Key", "buy-mug-1");
        String path = "/api/" + shop.code() + "/customer/campaign/" + c.id() + "/buy";

        var first = stack.call("POST", path, headers, "{\"quantity\":1}");
        var again = stack.call("POST", path, headers, "{\"quantity\":1}");
        var other = stack.call("POST", path, headers, "{\"quantity\":2}");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(422);
        assertThat(stack.balance(shop, jane)).isEqualByComparingTo("90");
    }

    private ApiClient.Response buy(BuyStack.Shop shop, String member, Campaign c, int quantity) {
        return stack.call("POST", "/api/" + shop.code() + "/customer/campaign/" + c.id() + "/buy",
                BuyStack.bearer(stack.token(shop, member)), "{\"quantity\":" + quantity + "}");
    }

    private static String error(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("error").asText();
    }
}

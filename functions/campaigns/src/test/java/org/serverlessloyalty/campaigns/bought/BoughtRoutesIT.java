package org.serverlessloyalty.campaigns.bought;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.campaigns.CampaignsHandler;
import org.serverlessloyalty.shared.access.service.CustomerTokens;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.Redemption;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbCustomerTokenSecrets;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbMemberRepository;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.service.CustomerTokenKeys;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.testing.OrderLedgers;
import org.serverlessloyalty.shared.testing.RewardFixtures;

/** The bought-reward routes through the campaigns function's Lambda constructor, on the in-process DynamoDB. */
class BoughtRoutesIT {

    private static final String ADMIN = "campaigns-admin-key";
    private static final CampaignId CAMPAIGN = new CampaignId(UUID.randomUUID().toString());
    private static LocalTable table;
    private static CampaignsHandler handler;
    private static StoreDirectory stores;
    private static MemberDirectory members;
    private static CustomerTokens tokens;
    private static RewardFixtures fixtures;
    private static OrderLedger orders;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        handler = table.lambdaHandler(CampaignsHandler::new, Map.of("ADMIN_API_KEY", ADMIN));
        stores = new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC());
        members = new MemberDirectory(new DynamoDbMemberRepository(table.client(), table.name()), Clock.systemUTC());
        tokens = new CustomerTokens(new CustomerTokenKeys(new DynamoDbCustomerTokenSecrets(table.client(),
                table.name()), Clock.systemUTC()), Clock.systemUTC(), Duration.ofMinutes(15));
        fixtures = new RewardFixtures(table.client(), table.name());
        orders = OrderLedgers.onDynamoDb(table.client(), table.name(), Clock.systemUTC());
    }

    private record Shop(StoreCode code, String key) {
    }

    private static Shop shop() {
        StoreCode code = new StoreCode("b-" + UUID.randomUUID().toString().substring(0, 8));
        var created = stores.create(new Store(code, "Shop", Currency.getInstance("EUR"), ZoneId.of("Europe/Paris"),
                Locale.FRENCH, true, null, null, null));
        return new Shop(code, created.apiKey());
    }

    private static String member(Shop shop, String first, String email) {
        // Phones are unique in a store: each member gets its own.
        String phone = "+4812" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        var profile = new MemberProfile(first, "Kowalski", null, email, phone, null, null, null, null, null,
                List.of(), true, false, false);
        var registered = (MemberDirectory.Registration.Registered) members.register(shop.code(), profile, null,
                Optional.empty());
        return registered.member().memberId();
    }

    private static Purchase reward(Shop shop, String memberId) {
        String code = "RW" + UUID.randomUUID().toString().substring(0, 10).toUpperCase(Locale.ROOT);
        return fixtures.write(shop.code(), RewardFixtures.purchase(memberId, CAMPAIGN, code,
                Instant.now().minusSeconds(60), null, null));
    }

    private static APIGatewayV2HTTPResponse call(ApiEvents event) {
        return handler.handleRequest(event.build(), null);
    }

    private static String token(Shop shop, String memberId) {
        return tokens.issue(shop.code(), memberId).token();
    }

    private static Map<String, Object> markBody(Purchase p, Object used, boolean withCustomer) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        if (withCustomer) {
            row.put("customerId", p.memberId());
        }
        row.put("campaignId", p.campaignId().value());
        row.put("couponId", p.couponId());
        row.put("code", p.code());
        row.put("used", used);
        row.put("transactionId", "till-1");
        return Map.of("coupons", List.of(row));
    }

    @Test
    void aMembersListShowsTheirRewardsForTheAdminTheSellerAndTheCustomer() {
        Shop shop = shop();
        String anna = member(shop, "Anna", "anna@example.com");
        Purchase p = reward(shop, anna);
        reward(shop, member(shop, "Ben", "ben@example.com"));

        for (var event : List.of(
                ApiEvents.route("GET /api/{storeCode}/admin/customer/{customer}/campaign/bought", shop.code().value(),
                        anna).bearer(ADMIN),
                ApiEvents.route("GET /api/{storeCode}/seller/customer/{customer}/campaign/bought", shop.code().value(),
                        anna).bearer(shop.key()),
                ApiEvents.route("GET /api/{storeCode}/customer/campaign/bought", shop.code().value())
                        .bearer(token(shop, anna)))) {
            var response = call(event);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("total").asInt()).isEqualTo(1);
            JsonNode one = body.get("campaigns").get(0);
            assertThat(one.get("coupon").get("id").asText()).isEqualTo(p.couponId());
            assertThat(one.get("coupon").get("code").asText()).isEqualTo(p.code());
            assertThat(one.get("campaignId").asText()).isEqualTo(CAMPAIGN.value());
            assertThat(one.get("status").asText()).isEqualTo("active");
            assertThat(one.get("canBeUsed").asBoolean()).isTrue();
            assertThat(one.get("deliveryStatus").asText()).isEqualTo("ordered");
        }
    }

    @Test
    void anAdminListOfAnUnknownMemberIs404() {
        Shop shop = shop();
        var response = call(ApiEvents.route("GET /api/{storeCode}/admin/customer/{customer}/campaign/bought",
                shop.code().value(), UUID.randomUUID().toString()).bearer(ADMIN));
        assertThat(response.getStatusCode()).isEqualTo(404);
    }

    @Test
    void includeDetailsRendersTheRewardsCampaignAsTheCatalogueDoes() {
        Shop shop = shop();
        String anna = member(shop, "Anna", "anna@example.com");
        var campaign = org.serverlessloyalty.shared.campaign.dynamodb.CampaignItems.campaign(shop.code(), "Mug",
                new BigDecimal("100"), false, 10, 2, false, "0b0e6c1c-1111-4111-8111-000000000001");
        org.serverlessloyalty.shared.campaign.dynamodb.CampaignItems.put(table.client(), table.name(), campaign,
                List.of("MUG-1"));
        String code = "RW" + UUID.randomUUID().toString().substring(0, 10).toUpperCase(Locale.ROOT);
        fixtures.write(shop.code(), RewardFixtures.purchase(anna, campaign.id(), code, Instant.now(), null, null));

        var response = call(ApiEvents.route("GET /api/{storeCode}/admin/customer/{customer}/campaign/bought",
                shop.code().value(), anna).bearer(ADMIN).query("includeDetails", "1"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode details = json(response).get("campaigns").get(0).get("campaign");
        assertThat(details.get("campaignId").asText()).isEqualTo(campaign.id().value());
        assertThat(details.get("name").asText()).isEqualTo("Mug");
        assertThat(details.get("limitPerUser").asInt()).isEqualTo(2);
    }

    @Test
    void theStoreListNamesTheCustomerAndFiltersOnUsed() {
        Shop shop = shop();
        String anna = member(shop, "Anna", "anna@example.com");
        Purchase used = reward(shop, anna);
        reward(shop, anna);
        call(ApiEvents.route("POST /api/{storeCode}/admin/campaign/coupons/mark_as_used", shop.code().value())
                .bearer(ADMIN).body(markBody(used, 1, true)));

        var response = call(ApiEvents.route("GET /api/{storeCode}/campaign/bought", shop.code().value()).bearer(ADMIN)
                .query("used", "1"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("total").asInt()).isEqualTo(1);
        JsonNode one = body.get("boughtCampaigns").get(0);
        assertThat(one.get("coupon").get("id").asText()).isEqualTo(used.couponId());
        assertThat(one.get("customerEmail").asText()).isEqualTo("anna@example.com");
        assertThat(one.get("customerName").asText()).isEqualTo("Anna");
        assertThat(one.get("usedForTransactionId").asText()).isEqualTo("till-1");
        assertThat(one.get("deliveryStatus").get("status").asText()).isEqualTo("ordered");
    }

    @Test
    void anUnknownDeliveryStatusFilterIs400NamingIt() {
        Shop shop = shop();
        var response = call(ApiEvents.route("GET /api/{storeCode}/campaign/bought", shop.code().value()).bearer(ADMIN)
                .query("deliveryStatus", "lost").query("activeToFrom", "yesterday"));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("deliveryStatus", "activeToFrom");
    }

    @Test
    void theCsvExportHasOpenLoyaltysHeaderAndOneLinePerReward() {
        Shop shop = shop();
        String anna = member(shop, "Anna Maria", "anna@example.com");
        Purchase p = reward(shop, anna);
        call(ApiEvents.route("POST /api/{storeCode}/admin/campaign/coupons/mark_as_used", shop.code().value())
                .bearer(ADMIN).body(markBody(p, 1, true)));

        var response = call(ApiEvents.route("GET /api/{storeCode}/campaign/bought/export/csv", shop.code().value())
                .bearer(ADMIN));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/csv");
        assertThat(response.getHeaders().get("Content-Disposition")).startsWith("attachment");
        List<String> lines = response.getBody().lines().toList();
        assertThat(lines.get(0)).isEqualTo("0.Name,1.Date,2.Cost,\"3.Tax value\",4.email,5.phone,6.Firstname,"
                + "7.Surname,\"8.Points balance\",\"9.Is used\"");
        assertThat(lines).hasSize(2);
        // A phone starts with '+', a formula character: it is written as text (CSV injection).
        assertThat(lines.get(1)).startsWith("\"Ten off\",\"").matches(
                ".*,100,,anna@example.com,'\\+4812\\d{7},\"Anna Maria\",Kowalski,50,1");
    }

    @Test
    void anAdminMarksACouponUsedAndCheckoutCanNoLongerUseItsCode() {
        Shop shop = shop();
        String anna = member(shop, "Anna", "anna@example.com");
        Purchase p = reward(shop, anna);

        var response = call(ApiEvents.route("POST /api/{storeCode}/admin/campaign/coupons/mark_as_used",
                shop.code().value()).bearer(ADMIN).body(markBody(p, "1", true)));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode coupon = json(response).get("coupons").get(0);
        assertThat(coupon.get("name").asText()).isEqualTo(p.code());
        assertThat(coupon.get("used").asBoolean()).isTrue();
        assertThat(coupon.get("customerId").asText()).isEqualTo(anna);
        assertThat(fixtures.usedCount(shop.code(), p.code())).isEqualTo(1);
        OrderReport order = new OrderReport(shop.code(), "o-" + p.couponId(), OrderSource.CIBLER, OrderStatus.PAID,
                anna, OffsetDateTime.now(), new BigDecimal("50"), null, null, null, List.of(CodeValue.of(p.code())),
                List.of(), Map.of());
        orders.apply(order, OrderReportJson.contentHash(order));
        assertThat(orders.find(shop.code(), order.orderId()).orElseThrow().redemptions().get(0).outcome())
                .isEqualTo(Redemption.Outcome.CONFLICT);
    }

    @Test
    void aCustomerMarksTheirOwnCouponUsedAsAFormButMayNotUnmarkIt() {
        Shop shop = shop();
        String anna = member(shop, "Anna", "anna@example.com");
        Purchase p = reward(shop, anna);
        String form = "coupons[0][campaignId]=" + p.campaignId().value() + "&coupons[0][couponId]=" + p.couponId()
                + "&coupons[0][code]=" + p.code() + "&coupons[0][used]=";

        var unmark = call(ApiEvents.route("POST /api/{storeCode}/customer/campaign/coupons/mark_as_used",
                shop.code().value()).bearer(token(shop, anna)).formBody(form + "0"));
        assertThat(unmark.getStatusCode()).isEqualTo(400);
        assertThat(json(unmark).get("error").get("message").asText()).isEqualTo("Not allowed");

        var mark = call(ApiEvents.route("POST /api/{storeCode}/customer/campaign/coupons/mark_as_used",
                shop.code().value()).bearer(token(shop, anna)).formBody(form + "1"));
        assertThat(mark.getStatusCode()).as(mark.getBody()).isEqualTo(200);
        assertThat(json(mark).get("coupons").get(0).get("customerId").asText()).isEqualTo(anna);
    }

    @Test
    void aCustomerCannotMarkAnotherMembersCoupon() {
        Shop shop = shop();
        Purchase annas = reward(shop, member(shop, "Anna", "anna@example.com"));
        String ben = member(shop, "Ben", "ben@example.com");

        var response = call(ApiEvents.route("POST /api/{storeCode}/customer/campaign/coupons/mark_as_used",
                shop.code().value()).bearer(token(shop, ben)).body(markBody(annas, 1, true)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("message").asText())
                .isEqualTo("No purchase available with given code in row 0");
        assertThat(fixtures.usedCount(shop.code(), annas.code())).isZero();
    }

    @Test
    void markAsUsedRefusesAnEmptyRequestAndARowWithMissingData() {
        Shop shop = shop();
        var empty = call(ApiEvents.route("POST /api/{storeCode}/admin/campaign/coupons/mark_as_used",
                shop.code().value()).bearer(ADMIN).body(Map.of("coupons", List.of())));
        assertThat(json(empty).get("error").get("message").asText()).isEqualTo("Invalid data provided");
        var missing = call(ApiEvents.route("POST /api/{storeCode}/admin/campaign/coupons/mark_as_used",
                shop.code().value()).bearer(ADMIN).body(Map.of("coupons", List.of(Map.of("code", "X")))));
        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(json(missing).get("error").get("message").asText()).isEqualTo("Missing data in rows");
    }

    @Test
    void theDeliveryStatusChangesToAKnownStatusOnlyC29() {
        Shop shop = shop();
        String anna = member(shop, "Anna", "anna@example.com");
        Purchase p = reward(shop, anna);
        String route = "PUT /api/{storeCode}/admin/customer/{customer}/bought/coupon/{couponId}/changeDeliveryStatus";

        var shipped = call(ApiEvents.route(route, shop.code().value(), anna, p.couponId()).bearer(ADMIN)
                .formBody("deliveryStatus[status]=shipped"));
        assertThat(shipped.getStatusCode()).as(shipped.getBody()).isEqualTo(200);
        assertThat(json(shipped).get("success").asText()).isEqualTo("Delivery status changed!");

        var lost = call(ApiEvents.route(route, shop.code().value(), anna, p.couponId()).bearer(ADMIN)
                .body(Map.of("deliveryStatus", Map.of("status", "lost"))));
        assertThat(lost.getStatusCode()).isEqualTo(400);
        assertThat(json(lost).get("errors").findValuesAsText("field")).containsExactly("deliveryStatus[status]");
        var empty = call(ApiEvents.route(route, shop.code().value(), anna, p.couponId()).bearer(ADMIN).body(Map.of()));
        assertThat(empty.getStatusCode()).isEqualTo(400);

        var unknown = call(ApiEvents.route(route, shop.code().value(), anna, UUID.randomUUID().toString())
                .bearer(ADMIN).formBody("deliveryStatus[status]=shipped"));
        assertThat(unknown.getStatusCode()).isEqualTo(404);

        var list = call(ApiEvents.route("GET /api/{storeCode}/admin/customer/{customer}/campaign/bought",
                shop.code().value(), anna).bearer(ADMIN).query("deliveryStatus", "shipped"));
        assertThat(json(list).get("total").asInt()).isEqualTo(1);
    }
}

package org.serverlessloyalty.points.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.points.PointsHandler;
import org.serverlessloyalty.points.PointsPorts;
import org.serverlessloyalty.points.testing.InMemoryTokenSecrets;
import org.serverlessloyalty.shared.earning.dynamodb.DynamoDbEarningRuleRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelSettings;
import org.serverlessloyalty.shared.order.port.ShopBalances;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbMemberRepository;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.referral.dynamodb.DynamoDbInvitations;
import org.serverlessloyalty.shared.segment.dynamodb.DynamoDbSegmentRepository;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionRepository;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionSettings;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;
import org.serverlessloyalty.shared.transaction.service.LoyaltyServices;
import org.serverlessloyalty.shared.transaction.service.TransactionSettingsCache;


/**
 * Real points for real baskets: a spending rule created through {@code POST /earningRule} (h10-rules' evaluator),
 * then transactions registered, returned and simulated through the points function. Every member is placed in
 * level Gold when registered (L6), and the rule targets that level.
 */
class TransactionEarningHandlerIT {

    private static final String ADMIN = "tx-earning-admin-key";
    private static LocalTable table;
    private static PointsHandler handler;
    private static StoreDirectory stores;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        Clock clock = Clock.systemUTC();
        var members = new DynamoDbMemberRepository(table.client(), table.name());
        var repository = new DynamoDbStoreRepository(table.client(), table.name());
        var client = table.client();
        String name = table.name();
        handler = new PointsHandler(new PointsPorts(() -> ADMIN, new InMemoryTokenSecrets(), Duration.ofMinutes(15),
                new LoyaltyServices.Ports(new StoreAccess(repository, Duration.ofSeconds(30), clock), members,
                        new DynamoDbPointsLedger(client, name, clock), s -> PointsSettings.DEFAULTS,
                        new DynamoDbIdempotencyStore(client, name), new DynamoDbEarningRuleRepository(client, name, clock),
                        new DynamoDbInvitations(client, name), new DynamoDbLevelRepository(client, name),
                        new DynamoDbLevelSettings(client, name), new DynamoDbSegmentRepository(client, name),
                        new DynamoDbTransactionRepository(client, name),
                        new TransactionSettingsCache(new DynamoDbTransactionSettings(client, name), Duration.ofSeconds(30),
                                clock),
                        Duration.ofSeconds(30),
                        new LoyaltyServices.RewardCampaigns(
                                new org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbCampaignRepository(client,
                                        name, clock),
                                new org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbPurchaseStore(client, name,
                                        clock),
                                org.serverlessloyalty.shared.campaign.port.CouponEvents.NONE, BusinessMetrics.NONE)),
                ShopBalances.NONE), clock, BusinessMetrics.NONE);
        stores = new StoreDirectory(repository, clock);
    }

    private static APIGatewayV2HTTPResponse call(ApiEvents event) {
        return handler.handleRequest(event.build(), null);
    }

    private static String shop() {
        String code = "te-" + UUID.randomUUID().toString().substring(0, 8);
        stores.create(new Store(new StoreCode(code), "Shop", Currency.getInstance("EUR"), ZoneId.of("Europe/Paris"),
                Locale.FRENCH, true, null, null, null));
        new DynamoDbTransactionSettings(table.client(), table.name()).save(new StoreCode(code),
                new TransactionSettings(TransactionSettings.DEFAULTS.identificationPriority(), true, Set.of("SHIP"),
                        TransactionSettings.DEFAULTS.orderPointsSource(), false, false), Instant.now());
        // Every new member is placed in the level at 0 (L6): the rule below targets it (E1).
        var level = call(ApiEvents.route("POST /api/{storeCode}/level/create", code).bearer(ADMIN).formBody(
                "level[translations][en][name]=Gold&level[active]=1&level[conditionValue]=0"
                        + "&level[reward][name]=Gold&level[reward][value]=5&level[reward][code]=GOLD5"));
        assertThat(level.getStatusCode()).as(level.getBody()).isEqualTo(200);
        String gold = level.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        // E4/E5: 2 points per unit of the basket, delivery (SHIP) excluded, for level gold.
        var rule = call(ApiEvents.route("POST /api/{storeCode}/earningRule", code).bearer(ADMIN).formBody(
                "earningRule[type]=points&earningRule[name]=Two+per+euro&earningRule[description]=Spending"
                        + "&earningRule[active]=1&earningRule[allTimeActive]=1&earningRule[target]=level"
                        + "&earningRule[levels][0]=" + gold + "&earningRule[pointValue]=2"
                        + "&earningRule[excludeDeliveryCost]=1"));
        assertThat(rule.getStatusCode()).as(rule.getBody()).isEqualTo(200);
        return code;
    }

    private static String member(String shop, String email) {
        var response = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop).bearer(ADMIN)
                .body(Map.of("customer", Map.of("firstName", "Jan", "lastName", "K", "email", email))));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("customerId").asText();
    }

    private static String basket(String document) {
        return "transaction[transactionData][documentNumber]=" + document
                + "&transaction[transactionData][purchaseDate]=2026-11-28+10:00"
                + "&transaction[items][0][sku][code]=BOOTS&transaction[items][0][name]=Boots"
                + "&transaction[items][0][quantity]=1&transaction[items][0][grossValue]=40"
                + "&transaction[items][0][category]=shoes"
                + "&transaction[items][1][sku][code]=SHIP&transaction[items][1][name]=Delivery"
                + "&transaction[items][1][quantity]=1&transaction[items][1][grossValue]=5"
                + "&transaction[items][1][category]=delivery&transaction[customerData][name]=Jan";
    }

    private static BigDecimal balance(String shop, String member) {
        var status = call(ApiEvents.route("GET /api/{storeCode}/admin/customer/{customer}/status", shop, member)
                .bearer(ADMIN));
        return json(status).get("points").decimalValue();
    }

    private static String register(String shop, String form) {
        var response = call(ApiEvents.route("POST /api/{storeCode}/transaction", shop).bearer(ADMIN).formBody(form));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("transactionId").asText();
    }

    @Test
    void aMatchedSaleEarnsTheRulesPointsOnceAndAReturnTakesBackItsShare() {
        String shop = shop();
        String jan = member(shop, "jan@example.com");
        String sale = register(shop, basket("FV-1") + "&transaction[customerData][email]=JAN%40example.com");

        // 40 x 2 = 80: the delivery line is left out of a rule that excludes delivery costs (E5).
        assertThat(balance(shop, jan)).isEqualByComparingTo("80");
        var read = json(call(ApiEvents.route("GET /api/{storeCode}/transaction/{transaction}", shop, sale)
                .bearer(ADMIN)));
        assertThat(read.get("pointsEarned").decimalValue()).isEqualByComparingTo("80");

        // T5: a return of 11.25 of the sale's 45 takes back 80 / 45 x 11.25 = 20.
        register(shop, "transaction[transactionData][documentType]=return&transaction[revisedDocument]=FV-1"
                + "&transaction[transactionData][documentNumber]=RT-1"
                + "&transaction[transactionData][purchaseDate]=2026-11-29+10:00"
                + "&transaction[items][0][sku][code]=BOOTS&transaction[items][0][name]=Boots"
                + "&transaction[items][0][quantity]=1&transaction[items][0][grossValue]=-11.25"
                + "&transaction[items][0][category]=shoes&transaction[customerData][name]=Jan");
        assertThat(balance(shop, jan)).isEqualByComparingTo("60");
        read = json(call(ApiEvents.route("GET /api/{storeCode}/transaction/{transaction}", shop, sale).bearer(ADMIN)));
        assertThat(read.get("pointsRevoked").decimalValue()).isEqualByComparingTo("20");
    }

    @Test
    void aSaleAssignedLaterEarnsThenAndOnlyThen() {
        String shop = shop();
        String jan = member(shop, "jan@example.com");
        register(shop, basket("FV-2"));
        assertThat(balance(shop, jan)).isZero();
        var assigned = call(ApiEvents.route("POST /api/{storeCode}/admin/transaction/customer/assign", shop)
                .bearer(ADMIN).formBody("assign[transactionDocumentNumber]=FV-2&assign[customerId]=" + jan));
        assertThat(assigned.getStatusCode()).as(assigned.getBody()).isEqualTo(200);
        assertThat(balance(shop, jan)).isEqualByComparingTo("80");
    }

    @Test
    void simulateGivesTheRulesPointsForTheMemberAndForTheMerchantsPreview() {
        String shop = shop();
        member(shop, "jan@example.com");
        String items = basket("unused").replace("transaction[transactionData][documentNumber]=unused&"
                + "transaction[transactionData][purchaseDate]=2026-11-28+10:00&", "transaction[purchaseDate]=2026-11-28T10:00:00%2B0100&");
        var preview = call(ApiEvents.route("POST /api/{storeCode}/transaction/simulate", shop).bearer(ADMIN)
                .formBody(items));
        assertThat(preview.getStatusCode()).as(preview.getBody()).isEqualTo(200);
        assertThat(json(preview).get("points").decimalValue()).isEqualByComparingTo("80");
        var forJan = call(ApiEvents.route("POST /api/{storeCode}/transaction/simulate", shop).bearer(ADMIN)
                .formBody(items + "&transaction[customerData][email]=jan%40example.com"));
        assertThat(json(forJan).get("points").decimalValue()).isEqualByComparingTo("80");
    }
}

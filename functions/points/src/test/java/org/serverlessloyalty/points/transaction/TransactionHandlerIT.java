package org.serverlessloyalty.points.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.points.PointsHandler;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionSettings;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;

/**
 * The transaction routes (section 1.B.4) through the points function's Lambda constructor on the in-process
 * DynamoDB: Open Loyalty's forms and answers, T1 under concurrency, T4 matching, T2 returns, T-5 assign, labels.
 */
class TransactionHandlerIT {

    private static final String ADMIN = "tx-admin-key";
    private static LocalTable table;
    private static PointsHandler handler;
    private static StoreDirectory stores;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        handler = table.lambdaHandler(PointsHandler::new, Map.of("ADMIN_API_KEY", ADMIN));
        stores = new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        // the table lives as long as the JVM
    }

    private record Shop(String code, String key) {
    }

    private static Shop shop() {
        String code = "tx-" + UUID.randomUUID().toString().substring(0, 8);
        var created = stores.create(new Store(new StoreCode(code), "Shop", Currency.getInstance("EUR"),
                ZoneId.of("Europe/Paris"), Locale.FRENCH, true, null, null, null));
        return new Shop(code, created.apiKey());
    }

    private static void returnsOn(Shop shop) {
        new DynamoDbTransactionSettings(table.client(), table.name()).save(new StoreCode(shop.code()),
                new TransactionSettings(TransactionSettings.DEFAULTS.identificationPriority(), true, Set.of(),
                        TransactionSettings.DEFAULTS.orderPointsSource(), false, false), Instant.now());
    }

    static APIGatewayV2HTTPResponse call(ApiEvents event) {
        return handler.handleRequest(event.build(), null);
    }

    private static String member(Shop shop, String first, String email, String phone) {
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("firstName", first, "lastName", "K", "email", email));
        if (phone != null) {
            fields.put("phone", phone);
        }
        var response = call(ApiEvents.route("POST /api/{storeCode}/admin/customer/register", shop.code())
                .bearer(ADMIN).body(Map.of("customer", fields)));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("customerId").asText();
    }

    static String sale(String document, String email, String gross) {
        return "transaction[transactionData][documentNumber]=" + document
                + "&transaction[transactionData][purchaseDate]=2026-11-28+10:00"
                + "&transaction[items][0][sku][code]=SKU1&transaction[items][0][name]=Shoes"
                + "&transaction[items][0][quantity]=1&transaction[items][0][grossValue]=" + gross
                + "&transaction[items][0][category]=shoes&transaction[items][0][labels][0][key]=colour"
                + "&transaction[items][0][labels][0][value]=red"
                + "&transaction[customerData][name]=Jan+Nowak"
                + (email == null ? "" : "&transaction[customerData][email]=" + email);
    }

    private static APIGatewayV2HTTPResponse register(Shop shop, String form) {
        return call(ApiEvents.route("POST /api/{storeCode}/transaction", shop.code()).bearer(shop.key())
                .formBody(form));
    }

    private static String registered(Shop shop, String form) {
        var response = register(shop, form);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("transactionId").asText();
    }

    private static JsonNode get(Shop shop, String id) {
        var response = call(ApiEvents.route("GET /api/{storeCode}/transaction/{transaction}", shop.code(), id)
                .bearer(ADMIN));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    @Test
    void registersOpenLoyaltysFormAndMatchesTheMemberByUpperCasedEmail() {
        Shop shop = shop();
        String jan = member(shop, "Jan", "jan@example.com", null);
        String id = registered(shop, sale("FV-1", "JAN%40EXAMPLE.COM", "120.50"));

        JsonNode tx = get(shop, id);
        assertThat(tx.get("documentNumber").asText()).isEqualTo("FV-1");
        assertThat(tx.get("documentType").asText()).isEqualTo("sell");
        assertThat(tx.get("customerId").asText()).isEqualTo(jan);
        assertThat(tx.get("grossValue").decimalValue()).isEqualByComparingTo("120.50");
        assertThat(tx.get("purchaseDate").asText()).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(tx.get("items").get(0).get("sku").get("code").asText()).isEqualTo("SKU1");
        assertThat(tx.get("currency").asText()).isEqualTo("eur");
        assertThat(tx.has("pointsEarned")).isTrue();
    }

    @Test
    void aDuplicateDocumentNumberIsOpenLoyaltysFormErrorEvenUnderConcurrency() throws Exception {
        Shop shop = shop();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            futures.add(pool.submit(() -> register(shop, sale("DUP-1", null, "10"))));
        }
        List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
        for (var f : futures) {
            responses.add(f.get());
        }
        pool.shutdownNow();
        assertThat(responses).filteredOn(r -> r.getStatusCode() == 200).hasSize(1);
        for (var refused : responses.stream().filter(r -> r.getStatusCode() != 200).toList()) {
            assertThat(refused.getStatusCode()).isEqualTo(400);
            JsonNode body = json(refused);
            assertThat(body.get("error").asText()).isEqualTo("Document number should be unique");
            assertThat(body.get("errors").get(0).get("field").asText())
                    .isEqualTo("transaction[transactionData][documentNumber]");
        }
        var listed = call(ApiEvents.route("GET /api/{storeCode}/transaction", shop.code()).bearer(ADMIN)
                .query("documentNumber", "DUP-1"));
        assertThat(json(listed).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aBadFormNamesEveryFieldAndWritesNothing() {
        Shop shop = shop();
        var response = register(shop, "transaction[transactionData][documentType]=gift"
                + "&transaction[items][0][grossValue]=abc&transaction[customerData][phone]=12a");
        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode errors = json(response).get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("transaction[transactionData][documentType]",
                "transaction[transactionData][documentNumber]", "transaction[items][0][sku][code]",
                "transaction[items][0][grossValue]", "transaction[customerData][name]",
                "transaction[customerData][phone]");
        var listed = call(ApiEvents.route("GET /api/{storeCode}/transaction", shop.code()).bearer(ADMIN));
        assertThat(json(listed).get("total").asInt()).isZero();
    }

    @Test
    void returnsFollowOpenLoyaltysRulesAndMessages() {
        String ret = "transaction[transactionData][documentType]=return&transaction[revisedDocument]=";
        Shop without = shop();
        registered(without, sale("S-1", null, "100"));
        var disabled = register(without, sale("R-1", null, "-10") + "&" + ret + "S-1");
        assertThat(json(disabled).get("error").asText()).isEqualTo("Returns are not enabled");

        // Settings are read once per StoreCacheSeconds: this shop has returns on before its first transaction.
        Shop shop = shop();
        returnsOn(shop);
        member(shop, "Jan", "jan@example.com", null);
        member(shop, "Eve", "eve@example.com", null);
        registered(shop, sale("S-1", "jan%40example.com", "100"));
        var missing = register(shop, sale("R-2", null, "-10") + "&" + ret + "NOPE");
        assertThat(json(missing).get("error").asText()).isEqualTo("Transaction not exist");
        assertThat(json(missing).get("errors").get(0).get("field").asText()).isEqualTo("transaction[revisedDocument]");

        var owner = register(shop, sale("R-3", "eve%40example.com", "-10") + "&" + ret + "S-1");
        assertThat(json(owner).get("error").asText()).isEqualTo("Incorrect owner of the transaction");

        String returned = registered(shop, sale("R-4", null, "-10") + "&" + ret + "S-1");
        var wrongType = register(shop, sale("R-5", null, "-10") + "&" + ret + "R-4");
        assertThat(json(wrongType).get("error").asText()).isEqualTo("Transaction wrong type");
        assertThat(get(shop, returned).get("documentType").asText()).isEqualTo("return");
        assertThat(get(shop, returned).get("grossValue").decimalValue()).isEqualByComparingTo("-10");
    }

    @Test
    void anUnmatchedTransactionIsAssignedOnceByLoyaltyCardOrByTheMembersOwnToken() {
        Shop shop = shop();
        String jan = member(shop, "Jan", "jan@example.com", "+33612345678");
        String first = registered(shop, sale("A-1", null, "10"));
        assertThat(get(shop, first).get("customerId").isNull()).isTrue();

        var assigned = call(ApiEvents.route("POST /api/{storeCode}/admin/transaction/customer/assign", shop.code())
                .bearer(ADMIN).formBody("assign[transactionDocumentNumber]=A-1&assign[customerPhoneNumber]=%2B33612345678"));
        assertThat(assigned.getStatusCode()).as(assigned.getBody()).isEqualTo(200);
        assertThat(get(shop, first).get("customerId").asText()).isEqualTo(jan);

        var again = call(ApiEvents.route("POST /api/{storeCode}/admin/transaction/customer/assign", shop.code())
                .bearer(ADMIN).formBody("assign[transactionDocumentNumber]=A-1&assign[customerId]=" + jan));
        assertThat(again.getStatusCode()).isEqualTo(400);
        assertThat(json(again).get("error").asText()).isEqualTo("Customer is already assigned to this transaction");
        assertThat(json(again).get("errors").get(0).get("field").asText())
                .isEqualTo("assign[transactionDocumentNumber]");

        registered(shop, sale("A-2", null, "20"));
        String token = token(shop, jan);
        var own = call(ApiEvents.route("POST /api/{storeCode}/customer/transaction/customer/assign", shop.code())
                .bearer(token).formBody("assign[transactionDocumentNumber]=A-2"));
        assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(200);
        var mine = call(ApiEvents.route("GET /api/{storeCode}/customer/transaction", shop.code()).bearer(token));
        assertThat(json(mine).get("total").asInt()).isEqualTo(2);
        var other = call(ApiEvents.route("GET /api/{storeCode}/customer/transaction/{transaction}", shop.code(),
                registered(shop, sale("A-3", null, "5"))).bearer(token));
        assertThat(other.getStatusCode()).isEqualTo(404);
    }

    @Test
    void labelsAreReplacedAppendedAndItemLabelsListed() {
        Shop shop = shop();
        String jan = member(shop, "Jan", "jan@example.com", null);
        String id = registered(shop, sale("L-1", "jan%40example.com", "10"));
        var replaced = call(ApiEvents.route("POST /api/{storeCode}/admin/transaction/labels", shop.code())
                .bearer(ADMIN).formBody("transaction_labels[transactionId]=" + id
                        + "&transaction_labels[labels][0][key]=scan_id&transaction_labels[labels][0][value]=123"));
        assertThat(replaced.getStatusCode()).as(replaced.getBody()).isEqualTo(200);
        var appended = call(ApiEvents.route("PUT /api/{storeCode}/customer/transaction/labels/append", shop.code())
                .bearer(token(shop, jan)).formBody("append[transactionDocumentNumber]=L-1"
                        + "&append[labels][0][key]=gift&append[labels][0][value]=yes"));
        assertThat(appended.getStatusCode()).as(appended.getBody()).isEqualTo(200);
        assertThat(get(shop, id).get("labels").toString())
                .isEqualTo("[{\"key\":\"scan_id\",\"value\":\"123\"},{\"key\":\"gift\",\"value\":\"yes\"}]");
        var filtered = call(ApiEvents.route("GET /api/{storeCode}/transaction", shop.code()).bearer(ADMIN)
                .query("labels[0][key]", "gift").query("labels[0][value]", "yes"));
        assertThat(json(filtered).get("total").asInt()).isEqualTo(1);

        var items = call(ApiEvents.route("GET /api/{storeCode}/transaction/item/labels", shop.code()).bearer(ADMIN));
        assertThat(json(items).get("labels").get("colour").toString()).isEqualTo("[\"red\"]");
    }

    @Test
    void simulateWithCustomerDataNamingNobodyIs400AndWithoutItIsTheMerchantsPreview() {
        Shop shop = shop();
        String items = "transaction[items][0][sku][code]=SKU1&transaction[items][0][name]=i"
                + "&transaction[items][0][quantity]=1&transaction[items][0][grossValue]=10"
                + "&transaction[items][0][category]=aaa&transaction[purchaseDate]=2022-02-20T09:45:04%2B0100";
        var preview = call(ApiEvents.route("POST /api/{storeCode}/transaction/simulate", shop.code()).bearer(shop.key())
                .formBody(items));
        assertThat(preview.getStatusCode()).as(preview.getBody()).isEqualTo(200);
        assertThat(json(preview).has("points")).isTrue();
        var nobody = call(ApiEvents.route("POST /api/{storeCode}/transaction/simulate", shop.code()).bearer(shop.key())
                .formBody(items + "&transaction[customerData][email]=nobody%40example.com"));
        assertThat(nobody.getStatusCode()).isEqualTo(400);
        assertThat(json(nobody).get("errors").get(0).get("field").asText()).isEqualTo("transaction[customerData]");
    }

    private static String token(Shop shop, String customer) {
        var response = call(ApiEvents.route("POST /api/{storeCode}/customer/token", shop.code()).bearer(shop.key())
                .body(Map.of("customerId", customer)));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("token").asText();
    }
}

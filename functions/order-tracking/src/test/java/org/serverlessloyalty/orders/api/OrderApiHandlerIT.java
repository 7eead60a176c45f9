package org.serverlessloyalty.orders.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.orders.testing.OrderApi;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbPublishableKeys;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.testing.OrderLedgers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.orders.testing.OrderApi.body;
import static org.serverlessloyalty.orders.testing.OrderApi.withKey;

/**
 * The order API through its Lambda constructor, against the in-process DynamoDB and a real SQS FIFO
 * queue (ElasticMQ, in process): what reaches the queue, with which group and deduplication ids.
 */
class OrderApiHandlerIT {

    private static LocalTable table;
    private static SQSRestServer sqsServer;
    private static SqsClient sqs;
    private static String queueUrl;
    private static OrderApiHandler handler;
    private static String shopKey;
    private static String otherKey;
    private static final String SHOP_PUBLISHABLE_KEY = "pk_shop_publishablesecretofshop2345";

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        sqsServer = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = sqsServer.waitUntilStarted().localAddress().getPort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        queueUrl = sqs.createQueue(b -> b.queueName("orders.fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false"))).queueUrl();

        var stores = new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC());
        shopKey = stores.create(store("shop")).apiKey();
        otherKey = stores.create(store("other")).apiKey();
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of(
                "pk", AttributeValue.fromS("shop#STORE"), "sk", AttributeValue.fromS("PUBLISHABLE_KEY"),
                "keyHash", AttributeValue.fromB(SdkBytes.fromByteArray(ApiKey.hash(SHOP_PUBLISHABLE_KEY))))));

        handler = table.lambdaHandler(OrderApiHandler::new, Map.of(
                "ORDER_QUEUE_URL", queueUrl, "SQS_ENDPOINT", endpoint.toString(), "STORE_CACHE_SECONDS", "0"));
    }

    @AfterAll
    static void stop() {
        if (sqs != null) {
            sqs.close();
        }
        if (sqsServer != null) {
            sqsServer.stopAndWait();
        }
    }

    @BeforeEach
    void emptyTheQueue() {
        received();
    }

    private static Store store(String code) {
        return new Store(new StoreCode(code), "Shop " + code, Currency.getInstance("CHF"), ZoneId.of("Europe/Zurich"),
                Locale.FRENCH, true, null, null, null);
    }

    /** Every message now on the queue, in delivery order; each is deleted once read. */
    private static List<Message> received() {
        List<Message> all = new ArrayList<>();
        int emptyReads = 0;
        while (emptyReads < 2) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                emptyReads++;
                continue;
            }
            emptyReads = 0;
            for (Message m : batch) {
                all.add(m);
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return all;
    }

    private static String group(Message m) {
        return m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    }

    private static String deduplicationId(Message m) {
        return m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static APIGatewayV2HTTPResponse cibler(String store, JsonNode body) {
        return handler.handleRequest(ApiEvents.route(OrderApi.CIBLER_ORDER, store).body(body.toString()).build(), null);
    }

    private static APIGatewayV2HTTPResponse citrusAd(String key, JsonNode body) {
        return handler.handleRequest(ApiEvents.route(OrderApi.CITRUSAD_ORDERS).header("Authorization", "Basic " + key)
                .body(body.toString()).build(), null);
    }

    private static APIGatewayV2HTTPResponse citrusAdOrder(String key, String id) {
        return handler.handleRequest(ApiEvents.route(OrderApi.CITRUSAD_ORDER, id).header("Authorization", "Basic " + key)
                .build(), null);
    }

    private static APIGatewayV2HTTPResponse beacon(String rawQuery) {
        APIGatewayV2HTTPEvent event = ApiEvents.route(OrderApi.BEACON).build();
        event.setRawQueryString(rawQuery);
        event.setQueryStringParameters(OrderApi.joined(rawQuery));
        return handler.handleRequest(event, null);
    }

    private static ObjectNode deposit(long orderId) {
        ObjectNode body = withKey(body("cibler-deposit-150chf-bonus-30.json"), shopKey);
        ((ObjectNode) body.get("orderInformation")).put("orderId", orderId);
        return body;
    }

    private static int itemsInTable() {
        return table.client().scan(b -> b.tableName(table.name())).count();
    }

    @Test
    void aCiblerOrderBecomesOneFifoMessageInTheShoppersGroup() throws Exception {
        APIGatewayV2HTTPResponse response = cibler("shop", deposit(234567865L));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo("{\"orderId\":\"234567865\",\"status\":\"QUEUED\"}");
        List<Message> messages = received();
        assertThat(messages).hasSize(1);
        Message message = messages.get(0);
        OrderReport report = OrderReportJson.read(message.body());
        assertThat(report.store()).isEqualTo(new StoreCode("shop"));
        assertThat(report.orderId()).isEqualTo("234567865");
        assertThat(report.source()).isEqualTo(OrderSource.CIBLER);
        assertThat(report.giftCodes()).containsExactly(CodeValue.of("MANO66FZC4F4RTZ"));
        assertThat(report.discountAmount()).isEqualByComparingTo("30");
        assertThat(OrderReportJson.write(report)).isEqualTo(message.body());
        assertThat(group(message)).isEqualTo("shop#bbc47c1f-020e-4885-a01d-53f5921a7210");
        assertThat(deduplicationId(message)).isEqualTo(sha256("shop|234567865|" + OrderReportJson.contentHash(report)));
    }

    @Test
    void theSameBodyPostedTwiceIsOneMessageAndItsCancellationAnother() {
        ObjectNode body = deposit(9001L);
        assertThat(cibler("shop", body).getStatusCode()).isEqualTo(202);
        assertThat(cibler("shop", body).getStatusCode()).isEqualTo(202);
        ((ObjectNode) body.get("orderInformation")).put("status", "CANCELLED");
        assertThat(cibler("shop", body).getStatusCode()).isEqualTo(202);

        List<Message> messages = received();

        assertThat(messages).extracting(m -> OrderReportJson.read(m.body()).status())
                .containsExactly(OrderStatus.PAID, OrderStatus.CANCELLED);
        assertThat(messages).extracting(OrderApiHandlerIT::group).containsOnly("shop#bbc47c1f-020e-4885-a01d-53f5921a7210");
    }

    @Test
    void aCitrusAdBatchIsOneMessagePerOrderInEachShoppersGroup() {
        ObjectNode body = body("citrusad-multiple-orders.json");
        ((ObjectNode) body.get("orders").get(0)).put("id", "batch-1");
        ((ObjectNode) body.get("orders").get(1)).put("id", "batch-2");

        APIGatewayV2HTTPResponse response = citrusAd(shopKey, body);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        List<Message> messages = received();
        assertThat(messages).hasSize(2);
        assertThat(messages).extracting(m -> group(m) + " " + OrderReportJson.read(m.body()).orderId())
                .containsExactlyInAnyOrder("shop#npc-s243-ir batch-1", "shop#rw3-v3ag-ol0 batch-2");
        assertThat(messages).extracting(m -> OrderReportJson.read(m.body()).source()).containsOnly(OrderSource.CITRUSAD);
    }

    @Test
    void aWrongKeyIs401AnotherStoresKeyIs404AndNothingIsQueued() {
        assertThat(cibler("shop", withKey(deposit(9100L), "sl_shop_notthekey")).getStatusCode()).isEqualTo(401);
        assertThat(cibler("shop", withKey(deposit(9101L), otherKey)).getStatusCode()).isEqualTo(404);
        assertThat(citrusAd("sl_shop_notthekey", body("citrusad-single-item.json")).getStatusCode()).isEqualTo(401);
        assertThat(cibler("shop", withKey(deposit(9102L), SHOP_PUBLISHABLE_KEY)).getStatusCode()).isEqualTo(401);

        assertThat(received()).isEmpty();
    }

    @Test
    void theRequestPathWritesNothingToDynamoDb() {
        int before = itemsInTable();

        assertThat(cibler("shop", deposit(9200L)).getStatusCode()).isEqualTo(202);
        ObjectNode batch = body("citrusad-single-item.json");
        ((ObjectNode) batch.get("orders").get(0)).put("id", "no-write-1");
        assertThat(citrusAd(shopKey, batch).getStatusCode()).isEqualTo(200);

        assertThat(itemsInTable()).isEqualTo(before);
        assertThat(received()).hasSize(2);
    }

    @Test
    void getOrderIs404BeforeTheOrderIsAppliedAndAnswersItsShapeAfter() {
        ObjectNode batch = body("citrusad-single-item.json");
        ((ObjectNode) batch.get("orders").get(0)).put("id", "get-me-1");
        APIGatewayV2HTTPResponse posted = citrusAd(shopKey, batch);
        assertThat(posted.getStatusCode()).isEqualTo(200);

        assertThat(citrusAdOrder(shopKey, "get-me-1").getStatusCode()).isEqualTo(404);

        Message message = received().get(0);
        OrderLedgers.onDynamoDb(table.client(), table.name(), Clock.systemUTC())
                .apply(OrderReportJson.read(message.body()), OrderReportJson.contentHash(OrderReportJson.read(message.body())));
        APIGatewayV2HTTPResponse stored = citrusAdOrder(shopKey, "get-me-1");

        assertThat(stored.getStatusCode()).isEqualTo(200);
        assertThat(OrderApi.exactJson(stored).toString()).isEqualTo(OrderApi.exactJson(posted).toString());
        assertThat(stored.getBody()).contains("\"regularUnitPrice\":1.00,");
        assertThat(citrusAdOrder(otherKey, "get-me-1").getStatusCode()).isEqualTo(404);
    }

    @Test
    void theBeaconOpensWithThePublishableKeyOnly() {
        String query = "key=%s&catid=cat-1&ordid=web-1&ordts=2021-12-02T15%%3A00%%3A00Z&sesid=ses-1&cusid=shopper-7"
                + "&procods=a&procods=b&pris=1.50&pris=2&quas=2&quas=1";

        APIGatewayV2HTTPResponse accepted = beacon(query.formatted(SHOP_PUBLISHABLE_KEY));
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(200);
        assertThat(accepted.getBody()).isEqualTo("{}");
        assertThat(beacon(query.formatted(shopKey)).getStatusCode()).isEqualTo(401);
        assertThat(beacon(query.formatted("pk_shop_notthekey")).getStatusCode()).isEqualTo(401);
        assertThat(beacon(query.formatted("pk_other_anykey")).getStatusCode()).isEqualTo(401);

        List<Message> messages = received();
        assertThat(messages).hasSize(1);
        OrderReport report = OrderReportJson.read(messages.get(0).body());
        assertThat(report.source()).isEqualTo(OrderSource.BEACON);
        assertThat(report.totalSpent()).isEqualByComparingTo("5");
        assertThat(group(messages.get(0))).isEqualTo("shop#shopper-7");
    }

    @Test
    void theBeaconReadsItsKeyFromTheTableItem() {
        assertThat(new DynamoDbPublishableKeys(table.client(), table.name(), java.time.Duration.ZERO, Clock.systemUTC())
                .matches(new StoreCode("shop"), SHOP_PUBLISHABLE_KEY)).isTrue();
    }
}

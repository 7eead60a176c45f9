package org.serverlessloyalty.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.seed.DemoSeeder;
import org.serverlessloyalty.local.seed.DemoStore;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The real template.yaml, running: table, routes to the real handlers, demo seeding and the banner's curl. */
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN_KEY = "local-stack-it-admin-key";
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0).adminKey(ADMIN_KEY).accessLog(false)
                .templatePath(TestTemplates.realTemplate()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<String> get(String path, String adminKey) throws Exception {
        var request = HttpRequest.newBuilder(stack.baseUri().resolve(path)).GET();
        if (adminKey != null) {
            request.header("Authorization", "Bearer " + adminKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsTheTableWithTheTemplatesKeysIndexAndTtl() {
        var table = stack.dynamoDbClient().describeTable(b -> b.tableName(stack.tableName("LoyaltyTable"))).table();
        assertThat(table.tableName()).isEqualTo("LoyaltyTable");
        assertThat(table.keySchema()).containsExactly(
                KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
        assertThat(table.globalSecondaryIndexes()).extracting(gsi -> gsi.indexName()).containsExactlyInAnyOrder("gsi1", "gsi2");
        assertThat(table.globalSecondaryIndexes()).allSatisfy(gsi -> {
            String n = gsi.indexName();
            assertThat(gsi.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly(n + "pk", n + "sk");
            assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL);
            assertThat(gsi.indexStatus()).isIn(IndexStatus.ACTIVE, null);
        });
        var ttl = stack.dynamoDbClient().describeTimeToLive(b -> b.tableName("LoyaltyTable")).timeToLiveDescription();
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void createsTheTemplatesQueuesAndPollsTheirEventSources() {
        for (var queue : stack.model().queues()) {
            var attributes = stack.sqsClient().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(queue.logicalId()))
                    .attributeNamesWithStrings("All")).attributesAsStrings();
            assertThat(attributes.get("QueueArn")).isEqualTo(queue.arn());
            assertThat(attributes.getOrDefault("FifoQueue", "false")).isEqualTo(Boolean.toString(queue.fifo()));
            if (queue.redrive() != null) {
                assertThat(attributes.get("RedrivePolicy")).contains(queue.redrive().deadLetterTargetArn());
            }
        }
        assertThat(stack.pollers()).hasSize((int) stack.model().sqsEventSources().stream().filter(s -> s.enabled()).count());
    }

    @Test
    void servesTheHealthCheckAndServiceInfo() throws Exception {
        assertThat(get("/api/healthcheck", null).statusCode()).isEqualTo(204);
        HttpResponse<String> info = get("/api/", null);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(info.body()).get("name").asText()).isEqualTo("serverless-loyalty");
    }

    @Test
    void answersUnknownRoutesLikeApiGateway() throws Exception {
        HttpResponse<String> response = get("/api/no/such/route/here", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void givesTheAdminFunctionTheAdminKey() throws Exception {
        assertThat(get("/api/store", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/store", "wrong-key").statusCode()).isEqualTo(401);
        assertThat(get("/api/store", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(stack.adminKey()).isEqualTo(ADMIN_KEY);
    }

    @Test
    void seedsTheDemoStoreAndItsCodesThroughTheApi() throws Exception {
        DemoStore demo = stack.demoStore().orElseThrow();
        assertThat(demo.code()).isEqualTo("demo");
        assertThat(demo.apiKey()).isNotBlank();
        JsonNode store = JSON.readTree(get("/api/store/demo", ADMIN_KEY).body());
        assertThat(store.get("name").asText()).isEqualTo("Demo shop");
        assertThat(store.get("currency").asText()).isEqualTo("EUR");
        for (String code : new String[] {"WELCOME10", "FIVEOFF", "SHIPFREE"}) {
            HttpResponse<String> response = get("/api/demo/admin/giftCodes/" + code, ADMIN_KEY);
            assertThat(response.statusCode()).as(code).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
        }
    }

    @Test
    void theBannersCurlValidatesTheSampleCode() throws Exception {
        String banner = stack.banner();
        assertThat(banner).contains(stack.baseUri().toString(), ADMIN_KEY, stack.demoStore().orElseThrow().apiKey(),
                "GET /api/healthcheck", "LoyaltyTable");
        HttpResponse<String> response = BannerCurl.run(banner);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("canUse").asBoolean()).isTrue();
    }

    @Test
    void theBannersSecondCurlShowsADemoMembersBalance() throws Exception {
        HttpResponse<String> response = BannerCurl.runStatus(stack.banner());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.get("customerId").asText()).isEqualTo(DemoSeeder.DEMO_MEMBER_ID);
        assertThat(status.get("points").decimalValue()).isEqualByComparingTo("110");
        assertThat(status.get("usedPoints").decimalValue()).isEqualByComparingTo("40");
    }

    /** issue 11 (h11-catalogue): the demo store has a reward campaign with a pool, shown in its public list. */
    @Test
    void theDemoStoreHasARewardCampaignWithAPoolOfTen() throws Exception {
        HttpResponse<String> response = get("/api/demo/campaign/public/available", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode campaign = JSON.readTree(response.body()).get("campaigns").get(0);
        assertThat(campaign.get("name").asText()).isEqualTo("5 euros de remise");
        assertThat(campaign.get("usageLeft").asLong()).isEqualTo(10);
        String id = campaign.get("campaignId").asText();
        JsonNode read = JSON.readTree(get("/api/demo/campaign/" + id, ADMIN_KEY).body());
        assertThat(read.get("coupons")).hasSize(10);
        assertThat(read.get("levelNames").toString()).contains("Base");
    }

    @Test
    void carriesABeaconOrderThroughTheOrderQueueToTheConsumer() throws Exception {
        String publishableKey = stack.demoStore().orElseThrow().publishableKey();
        assertThat(publishableKey).startsWith("pk_demo_");
        assertThat(stack.banner()).contains(publishableKey);
        String query = "?key=" + publishableKey + "&catid=local-it&ordid=local-it-1"
                + "&ordts=2026-11-25T14%3A00%3A00%2B01%3A00&sesid=session-1&cusid=shopper-1&procods=7913494&pris=12.50&quas=2";
        assertThat(get("/v1/resource/third-o" + query.replace(publishableKey, "pk_demo_wrong"), null).statusCode())
                .isEqualTo(401);
        assertThat(get("/v1/resource/third-o" + query, null).statusCode()).isEqualTo(200);

        // OrderTrackingFunction -> OrderQueue (FIFO) -> the stack's poller -> OrderConsumerFunction -> the table
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        HttpResponse<String> order;
        do {
            order = get("/api/demo/admin/orders/local-it-1", ADMIN_KEY);
            if (order.statusCode() == 200) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
        assertThat(JSON.readTree(order.body()).get("orderId").asText()).isEqualTo("local-it-1");
    }

    @Test
    void invokesFunctionsDirectly() {
        var event = new com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent();
        event.setRouteKey("GET /api/healthcheck");
        com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse response = stack.invoke("AdminFunction", event);
        assertThat(response.getStatusCode()).isEqualTo(204);
    }
}

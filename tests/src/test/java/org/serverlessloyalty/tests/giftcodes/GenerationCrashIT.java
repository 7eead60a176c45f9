package org.serverlessloyalty.tests.giftcodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessloyalty.admin.AdminHandler;
import org.serverlessloyalty.giftcode.validate.GiftCodeValidateHandler;
import org.serverlessloyalty.local.sqs.ElasticMq;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.tests.lambdajar.ChildJvm;
import org.serverlessloyalty.tests.lambdajar.DeployableFunctions;
import org.serverlessloyalty.tests.lambdajar.EventFiles;
import org.serverlessloyalty.tests.lambdajar.LambdaJarInvoker;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The issue's crash, for real: the deployable admin jar runs in a child JVM (as Lambda runs it) and
 * generates 5,000 codes with an Idempotency-Key through a proxy in front of the in-process
 * DynamoDB; right after DynamoDB applied the 14th transaction, the proxy kills the child
 * ({@code kill -9}). Nothing of the cut-short generation may validate or be listed as a code; the
 * same request again finishes it with exactly 5,000 codes, those written before the crash among them.
 */
class GenerationCrashIT {

    /** The admin key the files of events/admin carry. */
    private static final String ADMIN_KEY = "local-admin-key";
    private static final int TRANSACTIONS_BEFORE_THE_KILL = 14;
    private static final int COUNT = 5_000;
    private static final String IDEMPOTENCY_KEY = "crash-test-5000";

    private static LocalTable table;
    private static ElasticMq sqs;
    private static AdminHandler admin;
    private static GiftCodeValidateHandler validate;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        sqs = ElasticMq.start(0, "us-east-1", "000000000000", null);
        admin = table.lambdaHandler(AdminHandler::new, Map.of("ADMIN_API_KEY", ADMIN_KEY));
        validate = table.lambdaHandler(GiftCodeValidateHandler::new, Map.of());
    }

    @AfterAll
    static void stop() {
        if (sqs != null) {
            sqs.close();
        }
    }

    /** Forwards DynamoDB calls to the engine, counting transactions; kills the child once the n-th one is applied. */
    private static final class KillingProxy implements AutoCloseable {
        final AtomicInteger transactions = new AtomicInteger();
        final AtomicReference<Process> child = new AtomicReference<>();
        final HttpServer server;
        final HttpClient http = HttpClient.newHttpClient();

        KillingProxy(URI engine, int killAfter) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> forward(exchange, engine, killAfter));
            server.start();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void forward(HttpExchange exchange, URI engine, int killAfter) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            HttpRequest.Builder request = HttpRequest.newBuilder(engine.resolve(exchange.getRequestURI()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : List.of("Content-Type", "X-Amz-Target", "Authorization", "X-Amz-Date")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (target.endsWith(".TransactWriteItems") && response.statusCode() == 200
                    && transactions.incrementAndGet() == killAfter) {
                // DynamoDB applied it; the writer never hears back: kill -9, as a crash or a Lambda timeout would.
                Process process = child.get();
                process.destroyForcibly();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            response.headers().map().forEach((name, values) -> {
                if (!List.of("content-length", "date", "transfer-encoding", "connection").contains(name.toLowerCase())) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(response.statusCode(), response.body().length);
                out.write(response.body());
            } catch (IOException childGone) {
                // The child is dead: nobody reads this answer.
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static APIGatewayV2HTTPResponse asAdmin(ApiEvents event) {
        return admin.handleRequest(event.bearer(ADMIN_KEY).build(), null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return ApiEvents.json(response);
    }

    /** Every code item of the store, read straight from the table (test only: a Scan). */
    private static List<Map<String, AttributeValue>> codeItems(String store) {
        return table.client().scanPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .filterExpression("begins_with(pk, :p) AND sk = :sk")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(store + "#CODE#"),
                                ":sk", AttributeValue.fromS("CODE"))))
                .items().stream().toList();
    }

    private static JsonNode validateCode(String store, String storeKey, String code) {
        var response = validate.handleRequest(ApiEvents.route("POST /api/giftCodes/validate/{customerId}", store)
                .header("x-api-key", storeKey)
                .body(Map.of("code", code, "cart", Map.of("total", 100_000, "items", List.of()))).build(), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    @Test
    void aGenerationKilledMidWayLeavesNothingUsableAndTheSameKeyFinishesItWithExactlyItsCount() throws Exception {
        var created = asAdmin(ApiEvents.route("POST /api/store").body(Map.of("code", "demo", "name", "Crash shop",
                "currency", "EUR", "timezone", "Europe/Paris", "locale", "fr")));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        String storeKey = json(created).get("apiKey").asText();

        SqsClient queues = SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        String followUpQueue = queues.createQueue(b -> b.queueName("GiftCodeBatchQueue")).queueUrl();

        // The generation event of events/, made a 5,000-code run with its Idempotency-Key.
        ObjectNode event = EventFiles.load("admin", "CreateGiftCodes-generate.json");
        ObjectNode body = EventFiles.body(event);
        body.withObjectProperty("generate").put("count", COUNT).put("prefix", "CRASH");
        event = EventFiles.header(EventFiles.body(event, body), "idempotency-key", IDEMPOTENCY_KEY);
        Path eventFile = EventFiles.write(event, work.resolve("generate-5000.json"));

        var function = DeployableFunctions.byFolder("admin");
        List<Map<String, AttributeValue>> left;
        try (KillingProxy proxy = new KillingProxy(table.endpoint(), TRANSACTIONS_BEFORE_THE_KILL)) {
            Map<String, String> env = function.lambdaEnvironment(table, Map.of(
                    "ADMIN_API_KEY", ADMIN_KEY,
                    "DYNAMODB_ENDPOINT", proxy.endpoint().toString(),
                    "SQS_ENDPOINT", sqs.endpoint().toString(),
                    "GIFT_CODE_BATCH_QUEUE_URL", followUpQueue));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(ChildJvm.LAMBDA_JVM_FLAGS);
            command.addAll(List.of("-cp", function.requireJar().toAbsolutePath() + java.io.File.pathSeparator
                    + ChildJvm.isolatedClassDir(LambdaJarInvoker.class), LambdaJarInvoker.class.getName(),
                    function.handlerClass(), eventFile.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("child.txt").toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process child = builder.start();
            proxy.child.set(child);

            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child was killed or ended").isTrue();
            String transcript = Files.readString(work.resolve("child.txt"));
            assertThat(transcript).as("killed before it could answer").doesNotContain(LambdaJarInvoker.MARKER);
            assertThat(child.exitValue()).as(transcript).isNotZero();
            assertThat(proxy.transactions.get()).as(transcript).isEqualTo(TRANSACTIONS_BEFORE_THE_KILL);
        }

        // What the crash left: 14 chunks of pending codes, none usable, none listed as a code.
        left = codeItems("demo");
        assertThat(left).hasSize(TRANSACTIONS_BEFORE_THE_KILL * 98)
                .allSatisfy(item -> assertThat(item.get("pending").bool()).isTrue());
        for (Map<String, AttributeValue> item : left) {
            JsonNode answer = validateCode("demo", storeKey, item.get("code").s());
            assertThat(answer.get("canUse").asBoolean()).as(answer.toString()).isFalse();
            assertThat(answer.get("reason").asText()).isEqualTo("NOT_FOUND");
        }
        assertThat(json(asAdmin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes", "demo"))).get("codes")).isEmpty();
        assertThat(json(asAdmin(ApiEvents.route("GET /api/{storeCode}/admin/giftCodes", "demo").query("status", "PENDING")))
                .get("codes")).hasSize(50).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("PENDING"));
        var attributes = queues.getQueueAttributes(b -> b.queueUrl(followUpQueue)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes();
        assertThat(Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)))
                .as("the follow-up was asked for before the first write").isEqualTo(1);

        // The client retries the same request: 409 while the dead writer's lease runs, then it is finished.
        APIGatewayV2HTTPResponse retried;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            retried = admin.handleRequest(EventFiles.toEvent(event), null);
            if (retried.getStatusCode() == 409) {
                assertThat(json(retried).get("code").asText()).isEqualTo("REQUEST_IN_PROGRESS");
                Thread.sleep(1_000);
            }
        } while (retried.getStatusCode() == 409 && System.nanoTime() < deadline);
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(201);

        JsonNode answer = json(retried);
        Set<String> codes = new HashSet<>();
        answer.get("codes").forEach(c -> codes.add(c.asText()));
        assertThat(answer.get("created").asInt()).isEqualTo(COUNT);
        assertThat(codes).hasSize(COUNT);
        assertThat(codes).containsAll(left.stream().map(i -> i.get("code").s()).toList());
        List<Map<String, AttributeValue>> all = codeItems("demo");
        assertThat(all).hasSize(COUNT).allSatisfy(item -> assertThat(item).doesNotContainKeys("pending", "expiresAt"));
        for (String code : codes.stream().limit(100).toList()) {
            assertThat(validateCode("demo", storeKey, code).get("canUse").asBoolean()).isTrue();
        }

        var again = admin.handleRequest(EventFiles.toEvent(event), null);
        assertThat(again.getStatusCode()).isEqualTo(201);
        assertThat(json(again).get("codes")).isEqualTo(answer.get("codes"));
        assertThat(codeItems("demo")).hasSize(COUNT);
        assertThat(Json.write(json(again).get("batchId"))).isEqualTo(Json.write(answer.get("batchId")));
    }
}

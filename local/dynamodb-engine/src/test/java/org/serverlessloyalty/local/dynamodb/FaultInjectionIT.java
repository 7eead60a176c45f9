package org.serverlessloyalty.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.serverlessloyalty.local.dynamodb.Sdk.item;
import static org.serverlessloyalty.local.dynamodb.Sdk.n;
import static org.serverlessloyalty.local.dynamodb.Sdk.s;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The fault mode over HTTP with the unmodified AWS SDK v2: each fault arrives as the exception AWS gives, with its
 * fields; the SDK retries exactly the faults it retries on AWS; seeds reproduce; overlap conflicts; latency; switching.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionIT {

    private static final String ON_DEMAND = "faults_on_demand";
    private static final String PROVISIONED = "faults_provisioned";
    private static final String CONFLICT_MESSAGE = "Transaction is ongoing for the item";

    private LocalDynamoDb engine;
    /** The SDK exactly as an application builds it: its default retries. */
    private DynamoDbClient sdk;
    /** One attempt per call, to see each fault as it comes off the wire. */
    private DynamoDbClient noRetry;

    @BeforeAll
    void start() {
        engine = LocalDynamoDb.start(0, null);
        sdk = Sdk.client(engine.endpoint());
        noRetry = client(engine.endpoint(), r -> r.maxAttempts(1));
        sdk.createTable(t -> t.tableName(ON_DEMAND)
                .attributeDefinitions(attr("pk"), attr("g"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
                        .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        sdk.createTable(t -> t.tableName(PROVISIONED).attributeDefinitions(attr("pk"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
    }

    @AfterAll
    void stop() {
        sdk.close();
        noRetry.close();
        engine.close();
    }

    @BeforeEach
    void faultsOff() {
        engine.faultPolicy(FaultPolicy.none());
        engine.resetFaultCounts();
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    /** The SDK's own retry strategy for DynamoDB (same classification), with its attempts and backoff changed. */
    private static DynamoDbClient client(URI endpoint, Consumer<RetryStrategy.Builder<?, ?>> retries) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(retries).build())
                .build();
    }

    private Map<String, AttributeValue> get(String table, String pk) {
        return sdk.getItem(r -> r.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item();
    }

    private static TransactWriteItem put(String table, String pk) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s(pk), "g", s("G")))).build();
    }

    // ------------------------------------------------------------------ each fault's shape

    @Test
    void throttlingAnOnDemandTableIsAThrottlingExceptionNamingTheTableOrIndex() {
        engine.faultPolicy(FaultPolicy.none().throttleRate(1));

        ThrottlingException write = catchThrowableOfType(ThrottlingException.class,
                () -> noRetry.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("throttled"), "g", s("G")))));
        assertThat(write.statusCode()).isEqualTo(400);
        assertThat(write.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(write.awsErrorDetails().errorMessage()).startsWith(
                "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling");
        assertThat(write.isThrottlingException()).isTrue();
        assertThat(write.requestId()).isNotBlank();
        assertThat(write.throttlingReasons()).containsExactly(ThrottlingReason.builder()
                .reason("TableWriteKeyRangeThroughputExceeded")
                .resource("arn:aws:dynamodb:eu-west-1:000000000000:table/" + ON_DEMAND).build());

        ThrottlingException read = catchThrowableOfType(ThrottlingException.class,
                () -> noRetry.getItem(r -> r.tableName(ON_DEMAND).key(item("pk", s("throttled")))));
        assertThat(read.throttlingReasons()).extracting(ThrottlingReason::reason)
                .containsExactly("TableReadKeyRangeThroughputExceeded");

        ThrottlingException index = catchThrowableOfType(ThrottlingException.class,
                () -> noRetry.query(q -> q.tableName(ON_DEMAND).indexName("byG").keyConditionExpression("g = :g")
                        .expressionAttributeValues(item(":g", s("G")))));
        assertThat(index.throttlingReasons()).containsExactly(ThrottlingReason.builder()
                .reason("IndexReadKeyRangeThroughputExceeded")
                .resource("arn:aws:dynamodb:eu-west-1:000000000000:table/" + ON_DEMAND + "/index/byG").build());
        assertThat(index.awsErrorDetails().errorMessage()).startsWith(
                "Throughput exceeds the current capacity for one or more global secondary indexes");

        engine.faultPolicy(FaultPolicy.none());
        assertThat(get(ON_DEMAND, "throttled")).as("a throttled write writes nothing").isEmpty();
        assertThat(engine.faultCounts().injected(FaultKind.THROTTLING)).isEqualTo(3);
    }

    @Test
    void throttlingAProvisionedTableIsAProvisionedThroughputExceededException() {
        engine.faultPolicy(FaultPolicy.none().throttleRate(1));
        ProvisionedThroughputExceededException e = catchThrowableOfType(ProvisionedThroughputExceededException.class,
                () -> noRetry.updateItem(u -> u.tableName(PROVISIONED).key(item("pk", s("p")))
                        .updateExpression("ADD n :one").expressionAttributeValues(item(":one", n(1)))));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The level of configured provisioned throughput for "
                + "the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.");
        assertThat(e.isThrottlingException()).isTrue();
        assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason)
                .containsExactly("TableWriteProvisionedThroughputExceeded");
    }

    @Test
    void anInternalErrorIsA500InternalServerErrorExceptionThatWritesNothing() {
        engine.faultPolicy(FaultPolicy.none().internalErrorRate(1));
        InternalServerErrorException e = catchThrowableOfType(InternalServerErrorException.class,
                () -> noRetry.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("five-hundred")))));
        assertThat(e.statusCode()).isEqualTo(500);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Internal server error");
        assertThat(e.isThrottlingException()).isFalse();
        InternalServerErrorException transaction = catchThrowableOfType(InternalServerErrorException.class,
                () -> noRetry.transactWriteItems(t -> t.transactItems(put(ON_DEMAND, "five-hundred"))));
        assertThat(transaction.statusCode()).isEqualTo(500);
        engine.faultPolicy(FaultPolicy.none());
        assertThat(get(ON_DEMAND, "five-hundred")).isEmpty();
    }

    @Test
    void anInjectedConflictCancelsTheTransactionOnOneActionAndTheSdkDoesNotRetryIt() {
        engine.faultPolicy(FaultPolicy.none().conflictRate(1).seed(11));
        // The application's client, default retries: a cancelled transaction comes back after one attempt.
        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
                () -> sdk.transactWriteItems(t -> t.transactItems(put(ON_DEMAND, "c1"), put(ON_DEMAND, "c2"),
                        put(PROVISIONED, "c3"))));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TransactionCanceledException");
        assertThat(e.numAttempts()).isEqualTo(1);
        assertThat(engine.faultCounts().requests("TransactWriteItems")).isEqualTo(1);
        assertThat(engine.faultCounts().injected(FaultKind.TRANSACTION_CONFLICT, "TransactWriteItems")).isEqualTo(1);

        List<CancellationReason> reasons = e.cancellationReasons();
        assertThat(reasons).hasSize(3);
        assertThat(reasons).filteredOn(r -> r.code().equals("TransactionConflict")).singleElement()
                .extracting(CancellationReason::message).isEqualTo(CONFLICT_MESSAGE);
        assertThat(reasons).filteredOn(r -> r.code().equals("None")).hasSize(2)
                .allSatisfy(r -> assertThat(r.message()).isNull());
        List<String> codes = reasons.stream().map(CancellationReason::code).toList();
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons " + codes);

        engine.faultPolicy(FaultPolicy.none());
        assertThat(get(ON_DEMAND, "c1")).isEmpty();
        assertThat(get(PROVISIONED, "c3")).isEmpty();
    }

    @Test
    void aThrottledActionCancelsTheTransactionWithThrottlingError() {
        engine.faultPolicy(FaultPolicy.none().transactionThrottleRate(1));
        TransactionCanceledException onDemand = catchThrowableOfType(TransactionCanceledException.class,
                () -> sdk.transactWriteItems(t -> t.transactItems(put(ON_DEMAND, "t1"))));
        assertThat(onDemand.numAttempts()).isEqualTo(1);
        assertThat(onDemand.cancellationReasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("ThrottlingError");
            assertThat(r.message()).startsWith("Throughput exceeds the current capacity of your table or index.");
        });
        TransactionCanceledException provisioned = catchThrowableOfType(TransactionCanceledException.class,
                () -> sdk.transactGetItems(t -> t.transactItems(TransactGetItem.builder()
                        .get(g -> g.tableName(PROVISIONED).key(item("pk", s("t2")))).build())));
        assertThat(provisioned.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("ProvisionedThroughputExceeded");
        assertThat(engine.faultCounts().injected(FaultKind.TRANSACTION_THROTTLING)).isEqualTo(2);
        // Only transactions can be cancelled: the same policy leaves single-item calls alone.
        sdk.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("t3"))));
        assertThat(engine.faultCounts().injected()).isEqualTo(2);
    }

    @Test
    void theWireShapeIsDynamoDbs() throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        engine.faultPolicy(FaultPolicy.none().conflictRate(1).seed(1));
        String body = "{\"TransactItems\":[{\"Put\":{\"TableName\":\"" + ON_DEMAND + "\",\"Item\":{\"pk\":{\"S\":\"w1\"}}}},"
                + "{\"Put\":{\"TableName\":\"" + ON_DEMAND + "\",\"Item\":{\"pk\":{\"S\":\"w2\"}}}}]}";
        HttpResponse<String> cancelled = post("TransactWriteItems", body);
        assertThat(cancelled.statusCode()).isEqualTo(400);
        assertDynamoDbHeaders(cancelled);
        JsonNode error = json.readTree(cancelled.body());
        assertThat(error.get("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#TransactionCanceledException");
        assertThat(error.has("Message")).as("TransactionCanceledException's member is Message").isTrue();
        JsonNode reasons = error.get("CancellationReasons");
        assertThat(reasons).hasSize(2);
        int conflicted = reasons.get(0).get("Code").asText().equals("TransactionConflict") ? 0 : 1;
        assertThat(reasons.get(conflicted).get("Message").asText()).isEqualTo(CONFLICT_MESSAGE);
        assertThat(reasons.get(1 - conflicted).toString()).isEqualTo("{\"Code\":\"None\"}");

        engine.faultPolicy(FaultPolicy.none().throttleRate(1));
        HttpResponse<String> throttled = post("GetItem",
                "{\"TableName\":\"" + ON_DEMAND + "\",\"Key\":{\"pk\":{\"S\":\"w1\"}}}");
        assertThat(throttled.statusCode()).isEqualTo(400);
        assertDynamoDbHeaders(throttled);
        JsonNode throttle = json.readTree(throttled.body());
        assertThat(throttle.get("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#ThrottlingException");
        assertThat(throttle.get("message").asText()).startsWith("Throughput exceeds the current capacity");
        assertThat(throttle.get("throttlingReasons").toString()).isEqualTo("[{\"reason\":\"TableReadKeyRangeThroughputExceeded\","
                + "\"resource\":\"arn:aws:dynamodb:us-east-1:000000000000:table/" + ON_DEMAND + "\"}]");

        engine.faultPolicy(FaultPolicy.none().internalErrorRate(1));
        HttpResponse<String> internal = post("Query", "{\"TableName\":\"" + ON_DEMAND + "\"}");
        assertThat(internal.statusCode()).isEqualTo(500);
        assertDynamoDbHeaders(internal);
        assertThat(internal.body()).isEqualTo(
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error\"}");
    }

    private HttpResponse<String> post(String operation, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(engine.endpoint())
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertDynamoDbHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
    }

    // ------------------------------------------------------------------ the SDK's retries

    @Test
    void theSdksOwnRetriesRecoverFromThrottlingAndInternalErrorsAtModerateRates() {
        engine.faultPolicy(FaultPolicy.parse("throttle=0.1,internal=0.1,seed=5,ops=PutItem"));
        for (int i = 0; i < 60; i++) {
            int k = i;
            sdk.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("retry-" + k), "v", n(k))));
        }
        FaultCounts counts = engine.faultCounts();
        assertThat(counts.injected(FaultKind.THROTTLING, "PutItem")).isPositive();
        assertThat(counts.injected(FaultKind.INTERNAL_ERROR, "PutItem")).isPositive();
        // Every fault cost exactly one extra attempt, and every put landed once.
        assertThat(counts.requests("PutItem")).isEqualTo(60 + counts.injected(FaultKind.THROTTLING, "PutItem")
                + counts.injected(FaultKind.INTERNAL_ERROR, "PutItem"));
        engine.faultPolicy(FaultPolicy.none());
        assertThat(sdk.scan(r -> r.tableName(ON_DEMAND).filterExpression("begins_with(pk, :p)")
                .expressionAttributeValues(item(":p", s("retry-")))).count()).isEqualTo(60);
    }

    @Test
    void theSdkGivesUpAfterItsMaximumAttempts() {
        try (DynamoDbClient threeAttempts = client(engine.endpoint(), r -> r.maxAttempts(3)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()))) {
            engine.faultPolicy(FaultPolicy.none().throttleRate(1));
            ThrottlingException throttled = catchThrowableOfType(ThrottlingException.class,
                    () -> threeAttempts.getItem(r -> r.tableName(ON_DEMAND).key(item("pk", s("x")))));
            assertThat(throttled.numAttempts()).isEqualTo(3);
            assertThat(engine.faultCounts().requests("GetItem")).isEqualTo(3);

            engine.faultPolicy(FaultPolicy.none().internalErrorRate(1));
            InternalServerErrorException internal = catchThrowableOfType(InternalServerErrorException.class,
                    () -> threeAttempts.deleteItem(r -> r.tableName(ON_DEMAND).key(item("pk", s("x")))));
            assertThat(internal.numAttempts()).isEqualTo(3);
            assertThat(engine.faultCounts().requests("DeleteItem")).isEqualTo(3);
            assertThat(engine.faultCounts().injected(FaultKind.INTERNAL_ERROR, "DeleteItem")).isEqualTo(3);
        }
    }

    // ------------------------------------------------------------------ rates and seeds

    /** Which of 200 GetItems fail, and how: the fault pattern of a policy. */
    private List<String> pattern() {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            try {
                noRetry.getItem(r -> r.tableName(ON_DEMAND).key(item("pk", s("seeded"))));
                outcomes.add("ok");
            } catch (DynamoDbException e) {
                outcomes.add(e.awsErrorDetails().errorCode());
            }
        }
        return outcomes;
    }

    @Test
    void theSameSeedGivesTheSameFaultsAndAnotherSeedOthers() {
        FaultPolicy policy = FaultPolicy.parse("throttle=0.2,internal=0.1,seed=42");
        engine.faultPolicy(policy);
        List<String> first = pattern();
        engine.faultPolicy(policy); // setting a policy restarts its sequence
        List<String> again = pattern();
        engine.faultPolicy(policy.seed(43));
        List<String> otherSeed = pattern();

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        // Interleaved requests of other operations do not shift an operation's draws.
        engine.faultPolicy(policy);
        List<String> interleaved = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            try {
                noRetry.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("other"))));
            } catch (DynamoDbException ignored) {
                // the puts have faults of their own
            }
            try {
                noRetry.getItem(r -> r.tableName(ON_DEMAND).key(item("pk", s("seeded"))));
                interleaved.add("ok");
            } catch (DynamoDbException e) {
                interleaved.add(e.awsErrorDetails().errorCode());
            }
        }
        assertThat(interleaved).isEqualTo(first);
        // And the rates hold: 200 draws at 20 % and 10 % (bounds far outside chance).
        assertThat(first.stream().filter("ThrottlingException"::equals).count()).isBetween(20L, 65L);
        assertThat(first.stream().filter("InternalServerError"::equals).count()).isBetween(5L, 40L);

        // A fresh engine started with the policy gives the same pattern from its first request.
        try (LocalDynamoDb other = LocalDynamoDb.start(0, null, policy);
             DynamoDbClient otherClient = client(other.endpoint(), r -> r.maxAttempts(1))) {
            otherClient.createTable(t -> t.tableName(ON_DEMAND).attributeDefinitions(attr("pk"))
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            assertThat(other.faultPolicy()).isEqualTo(policy);
            List<String> fresh = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                try {
                    otherClient.getItem(r -> r.tableName(ON_DEMAND).key(item("pk", s("seeded"))));
                    fresh.add("ok");
                } catch (DynamoDbException e) {
                    fresh.add(e.awsErrorDetails().errorCode());
                }
            }
            assertThat(fresh).isEqualTo(first);
        }
    }

    @Test
    void rateZeroInjectsNothing() {
        engine.faultPolicy(FaultPolicy.parse("conflict=0,throttle=0,tx-throttle=0,internal=0,latency=0,seed=3"));
        for (int i = 0; i < 100; i++) {
            int k = i;
            noRetry.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("zero-" + k))));
            noRetry.transactWriteItems(t -> t.transactItems(put(ON_DEMAND, "zero-tx-" + k)));
            noRetry.getItem(r -> r.tableName(ON_DEMAND).key(item("pk", s("zero-" + k))));
        }
        FaultCounts counts = engine.faultCounts();
        assertThat(counts.requests()).isEqualTo(300);
        assertThat(counts.injected()).isZero();
        assertThat(counts.delayed()).isZero();
        assertThat(counts.addedLatencyMillis()).isZero();
    }

    @Test
    void faultsLeaveTableOperationsAlone() {
        engine.faultPolicy(FaultPolicy.none().internalErrorRate(1));
        assertThat(noRetry.listTables().tableNames()).contains(ON_DEMAND, PROVISIONED);
        assertThat(noRetry.describeTable(r -> r.tableName(ON_DEMAND)).table().tableName()).isEqualTo(ON_DEMAND);
        assertThat(engine.faultCounts().requests()).isZero();
    }

    @Test
    void faultsCanBeNarrowedToSomeOperations() {
        engine.faultPolicy(FaultPolicy.none().internalErrorRate(1).operations("UpdateItem"));
        noRetry.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("narrow"))));
        noRetry.getItem(r -> r.tableName(ON_DEMAND).key(item("pk", s("narrow"))));
        catchThrowableOfType(InternalServerErrorException.class, () -> noRetry.updateItem(u -> u.tableName(ON_DEMAND)
                .key(item("pk", s("narrow"))).updateExpression("SET v = :v").expressionAttributeValues(item(":v", n(1)))));
        assertThat(engine.faultCounts().injected()).isEqualTo(1);
        assertThat(engine.faultCounts().injected(FaultKind.INTERNAL_ERROR, "UpdateItem")).isEqualTo(1);
    }

    // ------------------------------------------------------------------ overlap

    @Test
    void aRequestOverlappingAnInFlightTransactionLosesWithTransactionConflict() throws Exception {
        // The first transaction holds its items for its 1.5 s of latency; only transactions get latency.
        engine.faultPolicy(FaultPolicy.none().overlapConflicts(true).latencyMillis(1500, 1500).operations("TransactWriteItems"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = pool.submit(() -> sdk.transactWriteItems(t -> t.transactItems(
                    put(ON_DEMAND, "held-x"), put(ON_DEMAND, "held-a"))));
            awaitDelayed("TransactWriteItems", 1);

            TransactionCanceledException loser = catchThrowableOfType(TransactionCanceledException.class,
                    () -> sdk.transactWriteItems(t -> t.transactItems(
                            put(ON_DEMAND, "free-y"), put(ON_DEMAND, "held-x"), put(PROVISIONED, "held-x"))));
            assertThat(loser.numAttempts()).isEqualTo(1);
            assertThat(loser.cancellationReasons()).extracting(CancellationReason::code)
                    .containsExactly("None", "TransactionConflict", "None");
            assertThat(loser.cancellationReasons().get(1).message()).isEqualTo(CONFLICT_MESSAGE);

            TransactionConflictException single = catchThrowableOfType(TransactionConflictException.class,
                    () -> sdk.updateItem(u -> u.tableName(ON_DEMAND).key(item("pk", s("held-a")))
                            .updateExpression("SET v = :v").expressionAttributeValues(item(":v", n(1)))));
            assertThat(single.statusCode()).isEqualTo(400);
            assertThat(single.awsErrorDetails().errorMessage()).isEqualTo(CONFLICT_MESSAGE);
            assertThat(single.numAttempts()).as("the SDK does not retry a TransactionConflictException").isEqualTo(1);

            TransactionCanceledException read = catchThrowableOfType(TransactionCanceledException.class,
                    () -> sdk.transactGetItems(t -> t.transactItems(
                            TransactGetItem.builder().get(g -> g.tableName(ON_DEMAND).key(item("pk", s("held-x")))).build())));
            assertThat(read.cancellationReasons()).extracting(CancellationReason::code).containsExactly("TransactionConflict");

            assertThat(engine.faultCounts().delayed("TransactWriteItems")).as("the losers never got as far as their latency")
                    .isEqualTo(1);
            first.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        FaultCounts counts = engine.faultCounts();
        assertThat(counts.injected(FaultKind.OVERLAP_CONFLICT, "TransactWriteItems")).isEqualTo(1);
        assertThat(counts.injected(FaultKind.OVERLAP_CONFLICT, "UpdateItem")).isEqualTo(1);
        assertThat(counts.injected(FaultKind.OVERLAP_CONFLICT, "TransactGetItems")).isEqualTo(1);

        // The winner committed and let go: the same writes now succeed, overlap mode still on.
        engine.faultPolicy(FaultPolicy.none().overlapConflicts(true));
        sdk.transactWriteItems(t -> t.transactItems(put(ON_DEMAND, "free-y"), put(ON_DEMAND, "held-x")));
        engine.faultPolicy(FaultPolicy.none());
        assertThat(get(ON_DEMAND, "held-a")).isNotEmpty();
        assertThat(get(ON_DEMAND, "free-y")).isNotEmpty();
        assertThat(get(PROVISIONED, "held-x")).as("the cancelled transaction wrote nothing").isEmpty();
    }

    @Test
    void withoutOverlapModeOverlappingTransactionsBothCommit() throws Exception {
        engine.faultPolicy(FaultPolicy.none().latencyMillis(300, 300).operations("TransactWriteItems"));
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> sdk.transactWriteItems(t -> t.transactItems(
                put(ON_DEMAND, "both-x"))));
        awaitDelayed("TransactWriteItems", 1);
        sdk.transactWriteItems(t -> t.transactItems(put(ON_DEMAND, "both-x"), put(ON_DEMAND, "both-y")));
        first.get(5, TimeUnit.SECONDS);
        assertThat(engine.faultCounts().injected()).isZero();
    }

    @Test
    void racingTransactionsWithOverlapOnStillHoldTheLimitAndReportTheirConflicts() throws Exception {
        sdk.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("limited"), "used", n(0))));
        engine.faultPolicy(FaultPolicy.parse("overlap,latency=3-8,seed=7,ops=TransactWriteItems"));
        int threads = 12;
        int limit = 5;
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    while (true) {
                        try {
                            sdk.transactWriteItems(t -> t.transactItems(
                                    TransactWriteItem.builder().update(u -> u.tableName(ON_DEMAND).key(item("pk", s("limited")))
                                            .updateExpression("ADD used :one").conditionExpression("used < :limit")
                                            .expressionAttributeValues(item(":one", n(1), ":limit", n(limit)))).build(),
                                    put(ON_DEMAND, "claim-" + k)));
                            won.incrementAndGet();
                            return;
                        } catch (TransactionCanceledException e) {
                            if (e.cancellationReasons().stream().anyMatch(r -> r.code().equals("TransactionConflict"))) {
                                conflicts.incrementAndGet(); // as the order ledger does: try again
                                continue;
                            }
                            refused.incrementAndGet();
                            return;
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        engine.faultPolicy(FaultPolicy.none());
        System.out.println("12 racing transactions, overlap on:\n" + engine.faultCounts());
        assertThat(won.get()).isEqualTo(limit);
        assertThat(refused.get()).isEqualTo(threads - limit);
        assertThat(get(ON_DEMAND, "limited")).containsEntry("used", n(limit));
        assertThat(conflicts.get()).as("overlapping transactions conflicted").isPositive();
        assertThat(engine.faultCounts().injected(FaultKind.OVERLAP_CONFLICT, "TransactWriteItems")).isEqualTo(conflicts.get());
    }

    private void awaitDelayed(String operation, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (engine.faultCounts().delayed(operation) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + operation + " got its latency within 5 s");
            }
            Thread.sleep(2);
        }
    }

    // ------------------------------------------------------------------ latency and switching

    @Test
    void latencyIsAddedToEachRequest() {
        engine.faultPolicy(FaultPolicy.none().latencyMillis(40, 40).operations("GetItem"));
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            sdk.getItem(r -> r.tableName(ON_DEMAND).key(item("pk", s("slow"))));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(40);
        }
        sdk.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("slow"))));
        assertThat(engine.faultCounts().delayed("GetItem")).isEqualTo(5);
        assertThat(engine.faultCounts().delayed("PutItem")).isZero();
        assertThat(engine.faultCounts().addedLatencyMillis()).isEqualTo(200);

        engine.resetFaultCounts();
        engine.faultPolicy(FaultPolicy.parse("latency=1-3,latency-rate=0.5,seed=2"));
        for (int i = 0; i < 100; i++) {
            sdk.getItem(r -> r.tableName(ON_DEMAND).key(item("pk", s("slow"))));
        }
        FaultCounts counts = engine.faultCounts();
        assertThat(counts.delayed("GetItem")).isBetween(25L, 75L);
        assertThat(counts.addedLatencyMillis()).isBetween(counts.delayed(), 3 * counts.delayed());
    }

    @Test
    void faultsSwitchOnAndOffOnARunningEngine() {
        noRetry.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("switch"))));
        engine.faultPolicy(FaultPolicy.parse("internal=1,ops=PutItem"));
        assertThat(engine.faultPolicy()).isEqualTo(FaultPolicy.none().internalErrorRate(1).operations("PutItem"));
        catchThrowableOfType(InternalServerErrorException.class,
                () -> noRetry.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("switch")))));
        engine.faultPolicy(FaultPolicy.none());
        noRetry.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("switch"))));
        assertThat(engine.faultCounts().requests("PutItem")).isEqualTo(3);
        assertThat(engine.faultCounts().injected(FaultKind.INTERNAL_ERROR, "PutItem")).isEqualTo(1);
        engine.resetFaultCounts();
        assertThat(engine.faultCounts().requests()).isZero();
    }

    @Test
    void anEngineStartedWithFaultsFailsFromItsFirstRequest() {
        try (LocalDynamoDb faulty = LocalDynamoDb.start(0, null, FaultPolicy.parse("internal=1,ops=GetItem"));
             DynamoDbClient client = client(faulty.endpoint(), r -> r.maxAttempts(1))) {
            client.createTable(t -> t.tableName("started").attributeDefinitions(attr("pk"))
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            catchThrowableOfType(InternalServerErrorException.class,
                    () -> client.getItem(r -> r.tableName("started").key(item("pk", s("a")))));
            assertThat(faulty.faultCounts().injected(FaultKind.INTERNAL_ERROR, "GetItem")).isEqualTo(1);
        }
    }

    @Test
    void conditionFailuresStayConditionFailuresWhenFaultsAreOn() {
        sdk.putItem(r -> r.tableName(ON_DEMAND).item(item("pk", s("exists"))));
        engine.faultPolicy(FaultPolicy.none().overlapConflicts(true).latencyMillis(1, 2));
        catchThrowableOfType(ConditionalCheckFailedException.class, () -> sdk.putItem(r -> r.tableName(ON_DEMAND)
                .item(item("pk", s("exists"))).conditionExpression("attribute_not_exists(pk)")));
        assertThat(engine.faultCounts().injected()).isZero();
    }
}

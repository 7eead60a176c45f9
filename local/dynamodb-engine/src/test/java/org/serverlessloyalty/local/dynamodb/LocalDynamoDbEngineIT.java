package org.serverlessloyalty.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessloyalty.local.dynamodb.Sdk.item;
import static org.serverlessloyalty.local.dynamodb.Sdk.n;
import static org.serverlessloyalty.local.dynamodb.Sdk.s;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Behaviour specific to the local engine: persistence, crash recovery, TTL sweeping, unsupported operations. */
class LocalDynamoDbEngineIT {

    private static void createTable(DynamoDbClient ddb, String name) {
        ddb.createTable(t -> t.tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
                        .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private static Map<String, AttributeValue> get(DynamoDbClient ddb, String table, String pk) {
        return ddb.getItem(r -> r.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item();
    }

    @Test
    void tablesAndItemsSurviveARestart(@TempDir Path dir) {
        try (LocalDynamoDb engine = LocalDynamoDb.start(0, dir); DynamoDbClient ddb = Sdk.client(engine.endpoint())) {
            createTable(ddb, "persisted");
            ddb.putItem(r -> r.tableName("persisted").item(item("pk", s("a"), "v", n(1), "g", s("G"))));
            ddb.putItem(r -> r.tableName("persisted").item(item("pk", s("b"), "v", n(2))));
            ddb.updateItem(r -> r.tableName("persisted").key(item("pk", s("a"))).updateExpression("ADD v :one")
                    .expressionAttributeValues(item(":one", n(1))));
            ddb.deleteItem(r -> r.tableName("persisted").key(item("pk", s("b"))));
            ddb.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("persisted").item(item("pk", s("c"), "g", s("G")))).build()));
            ddb.updateTimeToLive(r -> r.tableName("persisted").timeToLiveSpecification(t -> t.attributeName("exp").enabled(true)));
        }
        try (LocalDynamoDb engine = LocalDynamoDb.start(0, dir); DynamoDbClient ddb = Sdk.client(engine.endpoint())) {
            assertThat(ddb.listTables().tableNames()).containsExactly("persisted");
            assertThat(get(ddb, "persisted", "a")).isEqualTo(item("pk", s("a"), "v", n(2), "g", s("G")));
            assertThat(get(ddb, "persisted", "b")).isEmpty();
            assertThat(get(ddb, "persisted", "c")).isEqualTo(item("pk", s("c"), "g", s("G")));
            assertThat(ddb.describeTable(r -> r.tableName("persisted")).table().itemCount()).isEqualTo(2);
            assertThat(ddb.describeTimeToLive(r -> r.tableName("persisted")).timeToLiveDescription().attributeName())
                    .isEqualTo("exp");
            assertThat(ddb.query(q -> q.tableName("persisted").indexName("byG").keyConditionExpression("g = :g")
                    .expressionAttributeValues(item(":g", s("G")))).count()).isEqualTo(2);
        }
    }

    @Test
    void committedWritesSurviveAnAbruptStop(@TempDir Path dir, @TempDir Path crashCopy) throws IOException {
        try (LocalDynamoDb engine = LocalDynamoDb.start(0, dir); DynamoDbClient ddb = Sdk.client(engine.endpoint())) {
            createTable(ddb, "crashy");
            for (int i = 0; i < 20; i++) {
                int idx = i;
                ddb.putItem(r -> r.tableName("crashy").item(item("pk", s("k" + idx), "v", n(idx))));
            }
            ddb.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName("crashy").key(item("pk", s("k0")))
                            .updateExpression("SET v = :v").expressionAttributeValues(item(":v", n(100)))).build(),
                    TransactWriteItem.builder().delete(d -> d.tableName("crashy").key(item("pk", s("k1")))).build()));
            // The process "dies" here: copy the files as they are on disk while the engine still runs, without close().
            copyDirectory(dir, crashCopy);
        }
        // A torn, half-written commit at the end of the journal (a crash mid-write) is ignored.
        try (Stream<Path> files = Files.list(crashCopy)) {
            Path journal = files.filter(f -> f.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
            Files.writeString(journal, "{\"m\":[{\"op\":\"put\",\"t\":\"crashy\",\"item\":{\"pk\":{\"S\":\"torn",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        try (LocalDynamoDb engine = LocalDynamoDb.start(0, crashCopy); DynamoDbClient ddb = Sdk.client(engine.endpoint())) {
            assertThat(get(ddb, "crashy", "k0")).containsEntry("v", n(100));
            assertThat(get(ddb, "crashy", "k1")).isEmpty();
            assertThat(get(ddb, "crashy", "k19")).containsEntry("v", n(19));
            assertThat(get(ddb, "crashy", "torn")).isEmpty();
            assertThat(ddb.describeTable(r -> r.tableName("crashy")).table().itemCount()).isEqualTo(19);
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().equals("LOCK")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }

    @Test
    void aDataDirectoryIsUsedByOneEngineAtATime(@TempDir Path dir) {
        try (LocalDynamoDb first = LocalDynamoDb.start(0, dir)) {
            assertThatThrownBy(() -> LocalDynamoDb.start(0, dir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
            assertThat(first.endpoint().getPort()).isPositive();
        }
    }

    @Test
    void expiredItemsAreDeletedByTheTtlSweep() throws InterruptedException {
        try (LocalDynamoDb engine = LocalDynamoDb.start(0, null, new LocalDynamoDb.Options(4, 100, 10));
             DynamoDbClient ddb = Sdk.client(engine.endpoint())) {
            createTable(ddb, "ttl");
            ddb.updateTimeToLive(r -> r.tableName("ttl").timeToLiveSpecification(t -> t.attributeName("exp").enabled(true)));
            long now = System.currentTimeMillis() / 1000;
            ddb.putItem(r -> r.tableName("ttl").item(item("pk", s("expired"), "exp", n(now - 10))));
            ddb.putItem(r -> r.tableName("ttl").item(item("pk", s("future"), "exp", n(now + 3600))));
            ddb.putItem(r -> r.tableName("ttl").item(item("pk", s("ancient"), "exp", n(now - 6L * 365 * 24 * 3600))));
            ddb.putItem(r -> r.tableName("ttl").item(item("pk", s("text"), "exp", s("0"))));
            long deadline = System.currentTimeMillis() + 5_000;
            while (!get(ddb, "ttl", "expired").isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(get(ddb, "ttl", "expired")).isEmpty();
            assertThat(get(ddb, "ttl", "future")).isNotEmpty();
            assertThat(get(ddb, "ttl", "ancient")).isNotEmpty();
            assertThat(get(ddb, "ttl", "text")).isNotEmpty();
        }
    }

    @Test
    void unsupportedOperationsAreRejectedNamingTheOperation() {
        try (LocalDynamoDb engine = LocalDynamoDb.start(0, null); DynamoDbClient ddb = Sdk.client(engine.endpoint())) {
            createTable(ddb, "unsupported");
            assertThatThrownBy(() -> ddb.updateTable(r -> r.tableName("unsupported").billingMode(BillingMode.PROVISIONED)))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("UpdateTable");
                    });
            assertThatThrownBy(() -> ddb.executeStatement(r -> r.statement("SELECT * FROM unsupported")))
                    .isInstanceOfSatisfying(DynamoDbException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("ExecuteStatement"));
            assertThatThrownBy(() -> ddb.query(q -> q.tableName("unsupported")
                    .keyConditions(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.Condition.builder()
                            .comparisonOperator("EQ").attributeValueList(s("x")).build()))))
                    .isInstanceOfSatisfying(DynamoDbException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("KeyConditions"));
        }
    }

    @Test
    void anyRegionAndCredentialsWorkAndRegionShowsInArns() {
        try (LocalDynamoDb engine = LocalDynamoDb.start(0, null);
             DynamoDbClient ddb = Sdk.client(engine.endpoint(), "ap-southeast-2", "AKIAEXAMPLE", "secret")) {
            createTable(ddb, "regional");
            assertThat(ddb.describeTable(r -> r.tableName("regional")).table().tableArn())
                    .isEqualTo("arn:aws:dynamodb:ap-southeast-2:000000000000:table/regional");
        }
    }

    @Test
    void rawProtocolErrorsHaveDynamoDbShape() throws Exception {
        try (LocalDynamoDb engine = LocalDynamoDb.start(0, null)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> unknown = http.send(post(engine.endpoint(), "DynamoDB_20120810.Frobnicate", "{}"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("UnknownOperationException").contains("Frobnicate");
            HttpResponse<String> missing = http.send(post(engine.endpoint(), "DynamoDB_20120810.GetItem",
                    "{\"TableName\":\"nope\",\"Key\":{\"pk\":{\"S\":\"x\"}}}"), HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).isEqualTo(
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\",\"message\":\"Requested resource not found\"}");
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
            HttpResponse<String> garbage = http.send(post(engine.endpoint(), "DynamoDB_20120810.GetItem", "{not json"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(garbage.body()).contains("SerializationException");
        }
    }

    @Test
    void aCancelledTransactionCarriesItsTextInMessageAsAwsDoes() throws Exception {
        try (LocalDynamoDb engine = LocalDynamoDb.start(0, null); DynamoDbClient ddb = Sdk.client(engine.endpoint())) {
            createTable(ddb, "cancels");
            ddb.putItem(r -> r.tableName("cancels").item(item("pk", s("taken"))));
            HttpResponse<String> cancelled = HttpClient.newHttpClient().send(post(engine.endpoint(),
                    "DynamoDB_20120810.TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"cancels\","
                            + "\"Item\":{\"pk\":{\"S\":\"taken\"}},\"ConditionExpression\":\"attribute_not_exists(pk)\"}}]}"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(cancelled.statusCode()).isEqualTo(400);
            // TransactionCanceledException's model member is Message; every other DynamoDB error says message.
            assertThat(cancelled.body()).isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
                    + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons "
                    + "[ConditionalCheckFailed]\",\"CancellationReasons\":[{\"Code\":\"ConditionalCheckFailed\","
                    + "\"Message\":\"The conditional request failed\"}]}");
        }
    }

    private static HttpRequest post(URI endpoint, String target, String body) {
        return HttpRequest.newBuilder(endpoint).header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void numberSizesFollowDynamoDbRules() {
        try (LocalDynamoDb engine = LocalDynamoDb.start(0, null); DynamoDbClient ddb = Sdk.client(engine.endpoint())) {
            createTable(ddb, "numbers");
            // "pk"(2) + "k"(1) = 3 bytes; each "nNNN" attribute name is 4 bytes. 250 numbers of 38 digits:
            // 20 bytes each (19 pairs + 1) + 4 = 24 -> 3 + 6000 = 6003 bytes -> 6 write units.
            Map<String, AttributeValue> big = new java.util.LinkedHashMap<>(item("pk", s("k")));
            for (int i = 0; i < 250; i++) {
                big.put(String.format("n%03d", i), n("1234567890123456789012345678901234567" + (i % 10)));
            }
            assertThat(ddb.putItem(r -> r.tableName("numbers").item(big).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                    .consumedCapacity().capacityUnits()).isEqualTo(6.0);
        }
    }
}

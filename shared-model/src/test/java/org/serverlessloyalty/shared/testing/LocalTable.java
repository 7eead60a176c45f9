package org.serverlessloyalty.shared.testing;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.serverlessloyalty.local.dynamodb.LocalDynamoDb;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A fresh table in the in-process DynamoDB, for {@code *IT} tests of handlers and adapters.
 * The definition mirrors template.yaml's LoyaltyTable; TemplateIT in tests/ checks they agree.
 */
public final class LocalTable {

    private static LocalDynamoDb engine;

    private final DynamoDbClient client;
    private final String name;

    private LocalTable(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    /** One engine per test JVM, one new table per call. */
    public static synchronized LocalTable create() {
        if (engine == null) {
            engine = LocalDynamoDb.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return createIn(engine, DynamoDbClient.builder());
    }

    /**
     * A new table in {@code own}, an engine the test started itself (to switch its fault mode without touching
     * the tests that share the JVM's engine), through a client built from {@code builder} (e.g. with a shorter
     * retry back-off). {@link #endpoint()} and {@link #countedClient} still name the shared engine.
     */
    public static LocalTable createIn(LocalDynamoDb own, software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder builder) {
        DynamoDbClient client = builder
                .endpointOverride(own.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String name = "LoyaltyTable-" + UUID.randomUUID();
        client.createTable(definition(name));
        return new LocalTable(client, name);
    }

    public static CreateTableRequest definition(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName(TableKeys.PK).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(TableKeys.SK).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(TableKeys.GSI1_PK).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(TableKeys.GSI1_SK).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(TableKeys.GSI2_PK).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(TableKeys.GSI2_SK).attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName(TableKeys.PK).keyType(KeyType.HASH),
                        k -> k.attributeName(TableKeys.SK).keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName(TableKeys.GSI1)
                        .keySchema(
                                k -> k.attributeName(TableKeys.GSI1_PK).keyType(KeyType.HASH),
                                k -> k.attributeName(TableKeys.GSI1_SK).keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)),
                        g -> g.indexName(TableKeys.GSI2)
                        .keySchema(
                                k -> k.attributeName(TableKeys.GSI2_PK).keyType(KeyType.HASH),
                                k -> k.attributeName(TableKeys.GSI2_SK).keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .build();
    }

    public DynamoDbClient client() {
        return client;
    }

    public String name() {
        return name;
    }

    /** Another client of the same engine whose calls {@code counter} counts. */
    public DynamoDbClient countedClient(CallCounter counter) {
        return DynamoDbClient.builder()
                .endpointOverride(engine.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
                .build();
    }

    /** The engine every table of this JVM lives in, for switching its fault mode (reset it after). */
    public LocalDynamoDb engine() {
        return engine;
    }

    public URI endpoint() {
        return engine.endpoint();
    }

    /** The environment template.yaml gives a function, pointed at this table. */
    public Map<String, String> environment(Map<String, String> extra) {
        var env = new java.util.HashMap<String, String>(Map.of(
                "TABLE_NAME", name,
                "DYNAMODB_ENDPOINT", engine.endpoint().toString(),
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "STORE_CACHE_SECONDS", "30"));
        env.putAll(extra);
        return env;
    }

    /** Builds a handler through its no-arg (Lambda) constructor, as the deployed function would. */
    public <T> T lambdaHandler(java.util.function.Supplier<T> constructor, Map<String, String> extra) {
        return LambdaEnvironment.runWith(environment(extra), constructor);
    }
}

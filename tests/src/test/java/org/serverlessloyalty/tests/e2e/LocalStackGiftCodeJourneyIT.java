package org.serverlessloyalty.tests.e2e;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same journey against LocalStack's DynamoDB (a second, independent implementation of the
 * DynamoDB API), with the handlers called in-process. Skipped where no Docker engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackGiftCodeJourneyIT extends GiftCodeJourney {

    private static final String ADMIN_KEY = "localstack-admin-key";

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"))
            .withServices(LocalStackContainer.Service.DYNAMODB);

    private static ApiClient api;

    @BeforeAll
    static void createTableAndHandlers() {
        String endpoint = LOCALSTACK.getEndpointOverride(LocalStackContainer.Service.DYNAMODB).toString();
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .endpointOverride(java.net.URI.create(endpoint))
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            dynamoDb.createTable(LocalTable.definition("LoyaltyTable"));
            dynamoDb.waiter().waitUntilTableExists(b -> b.tableName("LoyaltyTable"));
        }
        api = new HandlerApiClient(Map.of(
                "TABLE_NAME", "LoyaltyTable",
                "DYNAMODB_ENDPOINT", endpoint,
                "AWS_REGION", LOCALSTACK.getRegion(),
                "AWS_ACCESS_KEY_ID", LOCALSTACK.getAccessKey(),
                "AWS_SECRET_ACCESS_KEY", LOCALSTACK.getSecretKey(),
                "ADMIN_API_KEY", ADMIN_KEY,
                // The journeys post no orders; the order handler is built with the others.
                "ORDER_QUEUE_URL", "http://127.0.0.1:9/queue/unused.fifo"));
    }

    @Override
    protected ApiClient api() {
        return api;
    }

    @Override
    protected String adminKey() {
        return ADMIN_KEY;
    }
}

package org.serverlessloyalty.local.dynamodb;

import java.net.URI;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The same conformance suite against LocalStack's DynamoDB, as a cross-check of the suite itself.
 * Skipped (not failed) where Docker is unavailable. Capacity figures are not checked there.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackDynamoDbConformanceIT extends DynamoDbConformanceSuite {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8.1"))
            .withServices(LocalStackContainer.Service.DYNAMODB);

    @Override
    protected URI endpoint() {
        return LOCALSTACK.getEndpoint();
    }

    @Override
    protected boolean checksCapacity() {
        return false;
    }
}

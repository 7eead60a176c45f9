package org.serverlessloyalty.shared.testing;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * A DynamoDB client builder that retries exactly what the SDK's standard strategy retries (throttling, 500s), as
 * many times, but waits milliseconds instead of the production back-off (throttling waits start at half a
 * second): fault-mode tests inject thousands of faults and must still run in seconds. The retry quota (circuit
 * breaker) is off, as the engine's faults are independent draws, not an overloaded service.
 */
public final class FastRetries {

    private FastRetries() {
    }

    public static DynamoDbClientBuilder builder() {
        BackoffStrategy quick = BackoffStrategy.exponentialDelay(Duration.ofMillis(1), Duration.ofMillis(20));
        return DynamoDbClient.builder().overrideConfiguration(o -> o.retryStrategy(
                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(10)
                        .backoffStrategy(quick)
                        .throttlingBackoffStrategy(quick)
                        .circuitBreakerEnabled(false)
                        .build()));
    }
}

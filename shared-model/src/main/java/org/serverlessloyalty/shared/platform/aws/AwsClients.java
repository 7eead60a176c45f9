package org.serverlessloyalty.shared.platform.aws;

import java.net.URI;
import java.time.Duration;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds SDK clients the way a Lambda function should: region and credentials from the
 * environment (no profile files, no IMDS probing), the url-connection HTTP client, and an endpoint
 * override only when configuration names one (the local stack and tests).
 */
public final class AwsClients {

    /** Optional endpoint override for DynamoDB; unset on AWS. */
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), DYNAMODB_ENDPOINT).build();
    }

    public static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, String endpointVariable) {
        builder.region(Region.of(LambdaEnvironment.get("AWS_REGION").orElse("us-east-1")))
                .credentialsProvider(credentials());
        LambdaEnvironment.get(endpointVariable).map(URI::create).ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient());
        }
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(Duration.ofSeconds(2))
                .apiCallTimeout(Duration.ofSeconds(6))
                .build());
        return builder;
    }

    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Lambda gives credentials as environment variables, or, for SnapStart functions, through the
     * container credentials endpoint. The local stack passes them through {@link LambdaEnvironment}.
     */
    static AwsCredentialsProvider credentials() {
        var accessKey = LambdaEnvironment.get("AWS_ACCESS_KEY_ID");
        var secretKey = LambdaEnvironment.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() && secretKey.isPresent()) {
            var sessionToken = LambdaEnvironment.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(sessionToken.isPresent()
                    ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), sessionToken.get())
                    : AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
        }
        return AwsCredentialsProviderChain.of(
                EnvironmentVariableCredentialsProvider.create(),
                ContainerCredentialsProvider.builder().build());
    }
}

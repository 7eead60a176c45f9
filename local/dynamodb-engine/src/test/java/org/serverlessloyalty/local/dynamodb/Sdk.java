package org.serverlessloyalty.local.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds the unmodified AWS SDK v2 client the way an application would, and short-hands for attribute values. */
final class Sdk {

    private Sdk() {
    }

    static DynamoDbClient client(URI endpoint, String region, String accessKey, String secretKey) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .build();
    }

    static DynamoDbClient client(URI endpoint) {
        return client(endpoint, "eu-west-1", "local", "local");
    }

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    static AttributeValue n(String v) {
        return AttributeValue.builder().n(v).build();
    }

    static AttributeValue n(long v) {
        return n(Long.toString(v));
    }

    static AttributeValue b(byte... v) {
        return AttributeValue.builder().b(SdkBytes.fromByteArray(v)).build();
    }

    static AttributeValue bool(boolean v) {
        return AttributeValue.builder().bool(v).build();
    }

    static AttributeValue nul() {
        return AttributeValue.builder().nul(true).build();
    }

    static AttributeValue ss(String... v) {
        return AttributeValue.builder().ss(v).build();
    }

    static AttributeValue ns(String... v) {
        return AttributeValue.builder().ns(v).build();
    }

    static AttributeValue l(AttributeValue... v) {
        return AttributeValue.builder().l(v).build();
    }

    static AttributeValue m(Map<String, AttributeValue> v) {
        return AttributeValue.builder().m(v).build();
    }

    /** An attribute map from alternating names and values. */
    static Map<String, AttributeValue> item(Object... kv) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (AttributeValue) kv[i + 1]);
        }
        return m;
    }
}

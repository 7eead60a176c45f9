package org.serverlessloyalty.tests.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start baseline: what the SDK alone costs in the same fresh JVM, with the same deployable
 * jar on the classpath. It builds a {@link DynamoDbClient} with the settings {@code AwsClients} uses
 * (url-connection client, its timeouts, region and static credentials from the environment, the
 * endpoint override), parses the event file as the Lambda runtime would, and does one consistent
 * {@code GetItem} of the code item. Nothing of ours runs.
 *
 * <p>Runs in the child JVM with the jar and this class only: JDK and jar classes, nothing else.
 *
 * <pre>java -cp giftcode-validate-lambda.jar:&lt;dir&gt; ...BareSdkProbe &lt;event.json&gt; &lt;pk&gt; &lt;sk&gt;</pre>
 */
public final class BareSdkProbe {

    public static final String MARKER = "@@bare-sdk-probe ";

    private BareSdkProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainMs = System.currentTimeMillis();
        var builder = DynamoDbClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(2))
                        .apiCallTimeout(Duration.ofSeconds(6))
                        .build());
        String endpoint = System.getenv("DYNAMODB_ENDPOINT");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        DynamoDbClient dynamoDb = builder.build();
        long constructedMs = System.currentTimeMillis();

        long invokeStartMs = System.currentTimeMillis();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        JsonNode tree = json.readTree(new File(args[0]));
        APIGatewayV2HTTPEvent event = json.treeToValue(tree, APIGatewayV2HTTPEvent.class);
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(System.getenv("TABLE_NAME"))
                .key(Map.of("pk", AttributeValue.fromS(args[1]), "sk", AttributeValue.fromS(args[2])))
                .consistentRead(true)).item();
        long answeredMs = System.currentTimeMillis();
        long cpuMs = processCpuMillis();

        ObjectNode line = json.createObjectNode();
        line.put("jvmStartMs", ManagementFactory.getRuntimeMXBean().getStartTime());
        line.put("mainMs", mainMs);
        line.put("constructedMs", constructedMs);
        line.put("invokeStartMs", invokeStartMs);
        line.put("answeredMs", answeredMs);
        line.put("cpuMs", cpuMs);
        line.put("routeKey", event.getRouteKey());
        line.put("found", item != null && !item.isEmpty());
        System.out.println(MARKER + json.writeValueAsString(line));
        System.out.flush();
    }

    /** As {@code LambdaJarInvoker.processCpuMillis}: this process's CPU time so far, from /proc/self/stat. */
    private static long processCpuMillis() {
        try {
            String stat = new String(Files.readAllBytes(Path.of("/proc/self/stat")), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

package org.serverlessloyalty.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.local.dynamodb.Sdk.item;
import static org.serverlessloyalty.local.dynamodb.Sdk.n;
import static org.serverlessloyalty.local.dynamodb.Sdk.s;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Measures a GetItem three ways and prints the medians: through the real SDK (what an application sees),
 * as a bare HTTP/1.1 keep-alive round trip (the server's full cost: JDK HttpServer + engine), and inside the
 * engine alone (JSON in, lookup, JSON out). The SDK's url-connection client adds about 1 ms per call by
 * itself: HttpURLConnection probes every reused keep-alive connection with a 1 ms read timeout.
 * The asserted bounds are loose so a busy CI machine passes, but they catch gross regressions such as
 * the 40 ms Nagle / delayed-ACK stall.
 */
class GetItemLatencyIT {

    private static final int CALLS = 10_000;
    private static final int WARMUP = 2_000;

    @Test
    void getItemLatency() throws Exception {
        try (LocalDynamoDb engine = LocalDynamoDb.start(0, null); DynamoDbClient ddb = Sdk.client(engine.endpoint())) {
            ddb.createTable(t -> t.tableName("bench")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            for (int i = 0; i < 200; i++) {
                int idx = i;
                ddb.putItem(r -> r.tableName("bench").item(item("pk", s("code-" + idx), "uses", n(idx), "limit", n(100),
                        "campaign", s("spring-sale"), "status", s("ACTIVE"))));
            }
            Map<String, AttributeValue> key = item("pk", s("code-150"));
            double sdk = medianMicros(() -> {
                if (ddb.getItem(r -> r.tableName("bench").key(key)).item().isEmpty()) {
                    throw new AssertionError("item missing");
                }
            });

            String body = "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"code-150\"}}}";
            double http;
            try (RawHttp raw = new RawHttp(engine, body)) {
                http = medianMicros(raw::getItem);
            }

            ObjectMapper json = new ObjectMapper();
            byte[] request = body.getBytes(StandardCharsets.UTF_8);
            double server = medianMicros(() -> {
                if (json.writeValueAsBytes(engine.engine().handle("GetItem", json.readTree(request), "us-east-1")).length < 10) {
                    throw new AssertionError("empty response");
                }
            });

            System.out.printf(Locale.ROOT, "GetItem median over %d calls: AWS SDK v2 (url-connection client) %.0f us, "
                    + "raw HTTP keep-alive %.0f us, engine only %.1f us%n", CALLS, sdk, http, server);
            assertThat(server).as("engine-only median, microseconds").isLessThan(1_000);
            assertThat(http).as("raw HTTP median, microseconds").isLessThan(5_000);
            assertThat(sdk).as("SDK median, microseconds").isLessThan(20_000);
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static double medianMicros(Call call) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        long[] times = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long t0 = System.nanoTime();
            call.run();
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times[CALLS / 2] / 1000.0;
    }

    /** A minimal HTTP/1.1 keep-alive client writing each request in one segment. */
    private static final class RawHttp implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] request;

        RawHttp(LocalDynamoDb engine, String body) throws IOException {
            socket = new Socket("127.0.0.1", engine.endpoint().getPort());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            request = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.GetItem\r\n"
                    + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " + b.length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8);
        }

        void getItem() throws IOException {
            out.write(request);
            out.flush();
            int length = -1;
            String status = null;
            StringBuilder line = new StringBuilder();
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new EOFException();
                }
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                String l = line.toString().trim();
                line.setLength(0);
                if (status == null) {
                    status = l;
                }
                if (l.isEmpty()) {
                    break;
                }
                if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(l.substring("content-length:".length()).trim());
                }
            }
            if (!status.contains(" 200 ") || in.readNBytes(length).length != length) {
                throw new AssertionError("bad response: " + status);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

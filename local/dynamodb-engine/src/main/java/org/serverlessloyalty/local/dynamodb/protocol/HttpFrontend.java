package org.serverlessloyalty.local.dynamodb.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.serverlessloyalty.local.dynamodb.engine.Engine;
import org.serverlessloyalty.local.dynamodb.error.ApiException;

/**
 * The DynamoDB JSON 1.0 wire protocol over HTTP: {@code POST /} with {@code X-Amz-Target: DynamoDB_20120810.<Op>}
 * and a JSON body; answers 200 with the JSON result, or 400/500 with
 * {@code {"__type":"com.amazonaws.dynamodb.v20120810#<Code>","message":"..."}}. Requests are not
 * authenticated: any credentials and any region work (the region only shows up in ARNs).
 */
public final class HttpFrontend implements HttpHandler {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String DEFAULT_REGION = "us-east-1";
    private static final System.Logger LOG = System.getLogger(HttpFrontend.class.getName());

    private final Engine engine;
    private final ObjectMapper json = new ObjectMapper();
    private final String requestIdPrefix;
    private final AtomicLong requestCounter = new AtomicLong();

    public HttpFrontend(Engine engine) {
        this.engine = engine;
        this.requestIdPrefix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36).toUpperCase();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                byte[] body = ("healthy: dynamodb." + DEFAULT_REGION + ".amazonaws.com ").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                send(exchange, 200, body);
                return;
            }
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            int status;
            byte[] responseBody;
            try {
                responseBody = json.writeValueAsBytes(dispatch(exchange.getRequestHeaders(), requestBody));
                status = 200;
            } catch (ApiException e) {
                status = e.status();
                responseBody = errorBody(e);
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(System.Logger.Level.ERROR, "Local DynamoDB failed to process a request", e);
                ApiException internal = ApiException.internal("Internal server error: " + e);
                status = internal.status();
                responseBody = errorBody(internal);
            }
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", CONTENT_TYPE);
            headers.set("x-amzn-RequestId", requestIdPrefix + requestCounter.incrementAndGet());
            CRC32 crc = new CRC32();
            crc.update(responseBody);
            headers.set("x-amz-crc32", Long.toString(crc.getValue()));
            send(exchange, status, responseBody);
        } finally {
            exchange.close();
        }
    }

    private ObjectNode dispatch(Headers headers, byte[] body) {
        String target = headers.getFirst("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw ApiException.unknownOperation(target == null ? "(missing X-Amz-Target header)" : target);
        }
        String operation = target.substring(TARGET_PREFIX.length());
        if (!engine.supports(operation)) {
            throw ApiException.unknownOperation(operation);
        }
        JsonNode request;
        try {
            request = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.serialization("Start of structure or map found where not expected: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.serialization(e.getMessage());
        }
        return engine.handle(operation, request, region(headers.getFirst("Authorization")));
    }

    /** The region from the SigV4 credential scope ({@code Credential=AKID/date/region/service/aws4_request}). */
    static String region(String authorization) {
        if (authorization == null) {
            return DEFAULT_REGION;
        }
        int i = authorization.indexOf("Credential=");
        if (i < 0) {
            return DEFAULT_REGION;
        }
        String[] scope = authorization.substring(i + "Credential=".length()).split("[/,\\s]", 5);
        return scope.length >= 3 && !scope[2].isEmpty() ? scope[2] : DEFAULT_REGION;
    }

    private byte[] errorBody(ApiException e) {
        ObjectNode body = json.createObjectNode();
        body.put("__type", e.type());
        body.put(e.messageMember(), e.getMessage());
        for (Map.Entry<String, Object> x : e.extra().entrySet()) {
            body.set(x.getKey(), json.valueToTree(x.getValue()));
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

package org.serverlessloyalty.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.serverlessloyalty.local.StackLog;
import org.serverlessloyalty.local.lambda.LocalFunction;

/**
 * The HTTP API on 127.0.0.1: the JDK's {@link HttpServer} with a thread pool. Each request is matched
 * against the template's routes, turned into the payload 2.0 event, handed to the route's function, and
 * its {@link APIGatewayV2HTTPResponse} written back. What API Gateway itself answers is kept: 404
 * {@code {"message":"Not Found"}} for no route, 413 above 10 MB, 500 {@code {"message":"Internal Server
 * Error"}} when the function throws or returns no valid response; and every response carries
 * {@code apigw-requestid}.
 */
public final class ApiGatewayServer implements AutoCloseable {

    /** API Gateway's payload limit. */
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
    private static final int THREADS = 32;

    private final HttpServer server;
    private final URI baseUri;
    private ExecutorService executor;
    private RouteTable routes;
    private Map<String, LocalFunction> functions;
    private String accountId;
    private String apiId;
    private boolean accessLog;
    private ApiDocs docs;

    private ApiGatewayServer(HttpServer server) {
        this.server = server;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Binds the port now (0 = any free one) so its URL is known before the functions are loaded. */
    public static ApiGatewayServer bind(int port) {
        try {
            return new ApiGatewayServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); choose another with --port", e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Also serves the local stack's own pages (ApiDocs) where no route matches; call before {@link #start}. */
    public void serveDocs(ApiDocs docs) {
        this.docs = docs;
    }

    /** Starts serving: {@code functions} by logical id, as the routes name them. */
    public void start(RouteTable routes, Map<String, LocalFunction> functions, String accountId, String apiId,
                      boolean accessLog) {
        this.routes = routes;
        this.functions = Map.copyOf(functions);
        this.accountId = accountId;
        this.apiId = apiId;
        this.accessLog = accessLog;
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "local-api-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String target = "-";
        int status = 500;
        try (exchange) {
            exchange.getResponseHeaders().set("apigw-requestid", requestId);
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                status = 413;
                writeMessage(exchange, 413, "Request Entity Too Large");
                return;
            }
            var match = routes.match(method, rawPath);
            if (match.isEmpty() && docs != null && ApiDocs.serves(method, rawPath)) {
                target = "local docs";
                status = docs.serve(exchange, rawPath);
                return;
            }
            if (match.isEmpty()) {
                status = 404;
                writeMessage(exchange, 404, "Not Found");
                return;
            }
            LocalFunction function = functions.get(match.get().route().functionLogicalId());
            target = function.name();
            APIGatewayV2HTTPEvent event = ApiGatewayEvents.event(toIncoming(exchange, body), match.get(), requestId,
                    Instant.now(), accountId, apiId);
            APIGatewayV2HTTPResponse response;
            try {
                response = function.invoke(event, requestId);
            } catch (RuntimeException | Error e) {
                StackLog.error(function.name() + " failed on " + method + " " + rawPath + " (request " + requestId + ")", e);
                status = 500;
                writeMessage(exchange, 500, "Internal Server Error");
                return;
            }
            status = write(exchange, response, function.name());
        } catch (IOException e) {
            StackLog.warn("Could not answer " + method + " " + rawPath + ": " + e.getMessage());
        } finally {
            if (accessLog) {
                StackLog.info(String.format("%s %s -> %d %s %d ms", method, rawPath, status, target,
                        (System.nanoTime() - started) / 1_000_000));
            }
        }
    }

    private static IncomingRequest toIncoming(HttpExchange exchange, byte[] body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        InetSocketAddress remote = exchange.getRemoteAddress();
        return new IncomingRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body,
                remote == null ? "127.0.0.1" : remote.getAddress().getHostAddress(),
                exchange.getProtocol(), exchange.getRequestHeaders().getFirst("Host"));
    }

    /** The whole body, or null past {@link #MAX_REQUEST_BYTES}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
    }

    private static int write(HttpExchange exchange, APIGatewayV2HTTPResponse response, String function) throws IOException {
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            StackLog.warn(function + " returned no valid response (statusCode "
                    + (response == null ? "missing" : response.getStatusCode()) + "); API Gateway answers 500");
            writeMessage(exchange, 500, "Internal Server Error");
            return 500;
        }
        var headers = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (value != null) {
                    headers.set(name, value);
                }
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.add("Set-Cookie", cookie));
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        send(exchange, response.getStatusCode(), body);
        return response.getStatusCode();
    }

    private static void writeMessage(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = status == 204 || status == 304 || status < 200 || exchange.getRequestMethod().equals("HEAD");
        if (noBody || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops accepting requests and lets the ones in flight finish (up to a second). */
    @Override
    public void close() {
        server.stop(executor == null ? 0 : 1);
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}

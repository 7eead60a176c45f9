package org.serverlessloyalty.tests.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's coupon-creation endpoint on 127.0.0.1 (JDK HttpServer): records every request and answers 500 to the
 * first {@code failuresPerId} requests of each {@code webhook-id}, then 200.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String webhookId, String timestamp, String signature, String contentType, String body,
                    long receivedAtMillis, int answered) {
    }

    private final HttpServer server;
    private final int failuresPerId;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

    private WebhookReceiver(int port, int failuresPerId) {
        this.failuresPerId = failuresPerId;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/coupons", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            int n = seen.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger()).incrementAndGet();
            int status = n <= failuresPerId ? 500 : 200;
            received.add(new Received(id, headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"),
                    headers.getFirst("content-type"), body, System.currentTimeMillis(), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    static WebhookReceiver start(int failuresPerId) {
        return new WebhookReceiver(0, failuresPerId);
    }

    static WebhookReceiver startOn(int port, int failuresPerId) {
        return new WebhookReceiver(port, failuresPerId);
    }

    /** A loopback port nothing listens on (until {@link #startOn} binds it). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/coupons";
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port + "/coupons";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests answered 200, one per webhook-id (the receiver's deduplication). */
    Map<String, Received> delivered() {
        Map<String, Received> byId = new ConcurrentHashMap<>();
        received.stream().filter(r -> r.answered() == 200).forEach(r -> byId.putIfAbsent(r.webhookId(), r));
        return byId;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

package org.serverlessloyalty.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.webhooks.testing.ScriptedServer;
import org.serverlessloyalty.webhooks.testing.TlsReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender over real sockets on 127.0.0.1, with a test resolver standing in for DNS: what it refuses before any
 * connection, that it connects to the address it checked, that TLS verifies the URL's name, and the generic reasons
 * it records.
 */
class HttpWebhookSenderIT {

    private static final boolean ON_AWS = false;
    private static final boolean LOCAL_STACK = true;
    private static final Map<String, String> HEADERS = headers();
    private static final String BODY = "{\"code\":\"SUMMER10\"}";

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("webhook-id", "msg_1");
        headers.put("webhook-timestamp", "1795611600");
        headers.put("webhook-signature", "v1,abc=");
        return headers;
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A resolver that knows a few names, like a zone file, and counts its lookups. */
    private static final class Zone implements HostResolver {
        private final Map<String, List<InetAddress>> names = new LinkedHashMap<>();
        private final List<String> lookups = new ArrayList<>();

        Zone with(String name, String... addresses) {
            names.put(name, List.of(addresses).stream().map(HttpWebhookSenderIT::ip).toList());
            return this;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            lookups.add(host);
            List<InetAddress> found = names.get(host);
            if (found == null) {
                throw new UnknownHostException(host);
            }
            return found;
        }
    }

    private static HttpWebhookSender sender(boolean loopbackAllowed, HostResolver resolver) {
        return new HttpWebhookSender(1000, 1000, loopbackAllowed, resolver,
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedOnAwsWithoutAConnection() {
        try (var listener = new ScriptedServer.Listener()) {
            var zone = new Zone().with("hooks.shop.example", "127.0.0.1");

            var result = sender(ON_AWS, zone).post("https://hooks.shop.example:" + listener.port() + "/coupons",
                    HEADERS, BODY);

            assertThat(result).isEqualTo(new WebhookSender.Result(0, "address not allowed", true));
            assertThat(zone.lookups).containsExactly("hooks.shop.example");
            assertThat(listener.connectionAttempted()).isFalse();
        }
    }

    @Test
    void aNameWithOneInternalAddressAmongOthersIsRefusedWhicheverComesFirst() {
        try (var listener = new ScriptedServer.Listener()) {
            String url = "https://hooks.shop.example:" + listener.port() + "/coupons";
            for (var zone : List.of(new Zone().with("hooks.shop.example", "127.0.0.1", "10.1.2.3"),
                    new Zone().with("hooks.shop.example", "127.0.0.1", "169.254.169.254"),
                    new Zone().with("hooks.shop.example", "127.0.0.1", "::ffff:192.168.0.10"),
                    new Zone().with("hooks.shop.example", "127.0.0.1", "fd00:ec2::254"))) {
                // even where loopback itself is allowed, the private address condemns the name
                assertThat(sender(LOCAL_STACK, zone).post(url, HEADERS, BODY).refused()).isTrue();
            }
            assertThat(listener.connectionAttempted()).isFalse();
        }
        var publicThenMetadata = new Zone().with("hooks.shop.example", "93.184.216.34", "169.254.169.254");
        assertThat(sender(ON_AWS, publicThenMetadata).post("https://hooks.shop.example/c", HEADERS, BODY))
                .isEqualTo(WebhookSender.Result.refusedAddress());
    }

    @Test
    void internalLiteralsAndPlainHttpAreRefusedWithoutALookup() {
        var zone = new Zone();
        for (String url : List.of("https://169.254.169.254/latest/meta-data/", "https://2852039166/",
                "https://[::ffff:a9fe:a9fe]/", "https://10.0.0.8/", "http://127.0.0.1:9001/2018-06-01/runtime",
                "http://shop.example/coupons", "https://localhost/x")) {
            assertThat(sender(ON_AWS, zone).post(url, HEADERS, BODY)).as(url)
                    .isEqualTo(WebhookSender.Result.refusedAddress());
        }
        assertThat(zone.lookups).isEmpty();
    }

    @Test
    void itConnectsToTheAddressItCheckedAndResolvesOnlyOnce() {
        try (var server = ScriptedServer.answering("HTTP/1.1 204 No Content\r\ncontent-length: 0\r\n\r\n")) {
            // A rebinding resolver: the checked answer first, the metadata service on every later lookup.
            AtomicInteger lookups = new AtomicInteger();
            HostResolver rebinding = host -> lookups.incrementAndGet() == 1
                    ? List.of(ip("127.0.0.1")) : List.of(ip("169.254.169.254"));

            var result = sender(LOCAL_STACK, rebinding).post("http://hooks.localhost:" + server.port()
                    + "/cibler/coupons?v=2", HEADERS, BODY);

            assertThat(result).isEqualTo(new WebhookSender.Result(204, null));
            assertThat(lookups).hasValue(1);
            String request = server.requests().get(0);
            assertThat(request).startsWith("POST /cibler/coupons?v=2 HTTP/1.1\r\n")
                    .contains("\r\nhost: hooks.localhost:" + server.port() + "\r\n")
                    .contains("\r\ncontent-type: application/json\r\n", "\r\nwebhook-id: msg_1\r\n",
                            "\r\nwebhook-signature: v1,abc=\r\n", "\r\ncontent-length: " + BODY.length() + "\r\n")
                    .endsWith("\r\n\r\n" + BODY);
        }
    }

    @Test
    void tlsUsesTheUrlsNameForSniAndTheCertificateWhileConnectingToTheCheckedAddress() {
        try (var receiver = new TlsReceiver("hooks.shop.example")) {
            var zone = new Zone().with("hooks.shop.example", "127.0.0.1");
            var sender = new HttpWebhookSender(1000, 2000, LOCAL_STACK, zone, receiver.clientTls());

            var result = sender.post("https://hooks.shop.example:" + receiver.port() + "/coupons", HEADERS, BODY);

            assertThat(result).isEqualTo(new WebhookSender.Result(200, null));
            assertThat(receiver.received()).singleElement().satisfies(r -> {
                assertThat(r.sni()).isEqualTo("hooks.shop.example");
                assertThat(r.host()).isEqualTo("hooks.shop.example:" + receiver.port());
                assertThat(r.path()).isEqualTo("/coupons");
                assertThat(r.webhookId()).isEqualTo("msg_1");
                assertThat(r.body()).isEqualTo(BODY);
            });
        }
    }

    @Test
    void aCertificateForAnotherNameFailsTheHandshakeAndNothingIsPosted() {
        try (var receiver = new TlsReceiver("hooks.shop.example")) {
            var zone = new Zone().with("evil.example", "127.0.0.1");
            var sender = new HttpWebhookSender(1000, 2000, LOCAL_STACK, zone, receiver.clientTls());

            var result = sender.post("https://evil.example:" + receiver.port() + "/coupons", HEADERS, BODY);

            assertThat(result).isEqualTo(new WebhookSender.Result(0, "TLS handshake failed"));
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void aRedirectIsAnAnswerAndIsNotFollowed() {
        try (var server = ScriptedServer.answering("HTTP/1.1 307 Temporary Redirect\r\n"
                + "location: http://169.254.169.254/latest/meta-data/\r\ncontent-length: 0\r\n\r\n")) {
            var result = sender(LOCAL_STACK, new Zone()).post("http://127.0.0.1:" + server.port() + "/c", HEADERS,
                    BODY);

            assertThat(result).isEqualTo(new WebhookSender.Result(307, "HTTP 307"));
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void anInterimContinueIsSkippedForTheFinalStatus() {
        try (var server = ScriptedServer.answering("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 500 Oops\r\n"
                + "content-length: 0\r\n\r\n")) {
            assertThat(sender(LOCAL_STACK, new Zone()).post("http://127.0.0.1:" + server.port() + "/c", HEADERS, BODY))
                    .isEqualTo(new WebhookSender.Result(500, "HTTP 500"));
        }
    }

    @Test
    void failuresAreRecordedAsGenericReasonsWithoutHostsOrAddresses() {
        List<WebhookSender.Result> results = new ArrayList<>();
        int closedPort;
        try (var listener = new ScriptedServer.Listener()) {
            closedPort = listener.port();
        }
        results.add(sender(LOCAL_STACK, new Zone()).post("http://127.0.0.1:" + closedPort + "/c", HEADERS, BODY));
        results.add(sender(ON_AWS, new Zone()).post("https://unknown.shop.example/c", HEADERS, BODY));
        try (var silent = ScriptedServer.silent()) {
            long started = System.nanoTime();
            results.add(new HttpWebhookSender(1000, 300, LOCAL_STACK, new Zone(),
                    (SSLSocketFactory) SSLSocketFactory.getDefault())
                    .post("http://127.0.0.1:" + silent.port() + "/c", HEADERS, BODY));
            assertThat((System.nanoTime() - started) / 1_000_000).as("read timeout").isBetween(250L, 5_000L);
        }
        try (var garbage = ScriptedServer.answering("SSH-2.0-OpenSSH_9.6\r\n")) {
            results.add(sender(LOCAL_STACK, new Zone()).post("http://127.0.0.1:" + garbage.port() + "/c", HEADERS,
                    BODY));
        }
        try (var closing = ScriptedServer.answering("")) {
            results.add(sender(LOCAL_STACK, new Zone()).post("http://127.0.0.1:" + closing.port() + "/c", HEADERS,
                    BODY));
        }

        assertThat(results).extracting(WebhookSender.Result::error).containsExactly("connection refused",
                "host not found", "timeout", "invalid HTTP response", "invalid HTTP response");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.statusCode()).isZero();
            assertThat(r.refused()).isFalse();
        });
    }
}

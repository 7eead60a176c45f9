package org.serverlessloyalty.webhooks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.serverlessloyalty.shared.webhook.rules.WebhookAddresses;
import org.serverlessloyalty.shared.webhook.rules.WebhookUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * {@link WebhookSender} that resolves the host itself, checks every address it resolves to
 * ({@link WebhookAddresses}) and connects to the checked address, so a DNS answer that changes between the check and
 * the connection (DNS rebinding) cannot send the POST anywhere else. TLS keeps the original host name for SNI and
 * certificate verification. One HTTP/1.1 request per connection ({@code Connection: close}); only the status line
 * is read, so a redirect is an answer like any other non-2xx, never followed.
 *
 * <p>The JDK's HTTP clients resolve the host themselves and offer no hook between resolution and connection (the
 * resolver SPI of JDK 18 is JVM-wide and absent from Java 17); a socket connected here and wrapped in TLS by
 * {@link SSLSocketFactory#createSocket(Socket, String, int, boolean)} is the plain way to connect to an address chosen
 * beforehand while still verifying the name.
 */
public final class HttpWebhookSender implements WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(HttpWebhookSender.class);
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers this sender writes itself. */
    private static final Set<String> OWN_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding");
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADER_LINES = 200;
    private static final int MAX_INTERIM_RESPONSES = 5;

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final boolean loopbackAllowed;
    private final HostResolver resolver;
    private final SSLSocketFactory tls;

    /**
     * The system resolver and trust store.
     *
     * @param loopbackAllowed only while the local stack runs: its receivers listen on 127.0.0.1
     */
    public HttpWebhookSender(int connectTimeoutMillis, int readTimeoutMillis, boolean loopbackAllowed) {
        this(connectTimeoutMillis, readTimeoutMillis, loopbackAllowed, HostResolver.SYSTEM,
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    public HttpWebhookSender(int connectTimeoutMillis, int readTimeoutMillis, boolean loopbackAllowed,
                             HostResolver resolver, SSLSocketFactory tls) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
        this.loopbackAllowed = loopbackAllowed;
        this.resolver = resolver;
        this.tls = tls;
    }

    @Override
    public Result post(String url, Map<String, String> headers, String body) {
        var parsed = WebhookUrls.parse(url, loopbackAllowed);
        if (parsed.problem() != null) {
            // Configured before the rules existed, or written around the admin API.
            LOG.warn("Webhook URL refused at send time", entry("problem", parsed.problem()));
            return Result.refusedAddress();
        }
        WebhookUrls.Target target = parsed.target();
        InetAddress address;
        if (target.literal() != null) {
            address = target.literal();
        } else {
            List<InetAddress> addresses;
            try {
                addresses = resolver.resolve(target.name());
            } catch (UnknownHostException e) {
                return failed("host not found", target, e);
            }
            if (addresses.isEmpty()) {
                return failed("host not found", target, null);
            }
            for (InetAddress candidate : addresses) {
                // Every address, not only the one used: a name with one internal address is refused as a whole.
                if (!WebhookAddresses.allowed(candidate, loopbackAllowed)
                        || !target.https() && !WebhookAddresses.isLoopback(candidate)) {
                    LOG.warn("Webhook host resolves to an address not allowed; nothing sent",
                            entry("host", target.name()), entry("address", candidate.getHostAddress()));
                    return Result.refusedAddress();
                }
            }
            address = addresses.get(0);
        }
        try {
            return exchange(target, address, headers, body.getBytes(StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            return failed("timeout", target, e);
        } catch (ConnectException e) {
            return failed("connection refused", target, e);
        } catch (SSLHandshakeException e) {
            return failed("TLS handshake failed", target, e);
        } catch (SSLException e) {
            return failed("TLS error", target, e);
        } catch (ProtocolException | EOFException e) {
            return failed("invalid HTTP response", target, e);
        } catch (IOException | IllegalArgumentException e) {
            return failed("connection failed", target, e);
        }
    }

    /** The generic reason is what the admin sees ({@code lastError}); the detail stays in the function's log. */
    private static Result failed(String reason, WebhookUrls.Target target, Exception detail) {
        LOG.info("Webhook POST failed", entry("host", target.hostHeader()), entry("reason", reason),
                entry("detail", detail == null ? "" : detail.toString()));
        return new Result(0, reason);
    }

    private Result exchange(WebhookUrls.Target target, InetAddress address, Map<String, String> headers, byte[] body)
            throws IOException {
        byte[] head = requestHead(target, headers, body.length);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, target.port()), connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            Socket channel = target.https() ? tls(socket, target, address) : socket;
            try (channel) {
                OutputStream out = channel.getOutputStream();
                out.write(head);
                out.write(body);
                out.flush();
                int status = readStatus(new Reader(channel, readTimeoutMillis));
                return new Result(status, status >= 200 && status < 300 ? null : "HTTP " + status);
            }
        }
    }

    /** TLS over the connected socket: SNI and certificate verification on the URL's host, not the address. */
    private Socket tls(Socket socket, WebhookUrls.Target target, InetAddress address) throws IOException {
        String host = target.name() != null ? target.name() : address.getHostAddress();
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, target.port(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (target.name() != null) {
            parameters.setServerNames(List.of(new SNIHostName(target.name())));
        }
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static byte[] requestHead(WebhookUrls.Target target, Map<String, String> headers, int length) {
        StringBuilder head = new StringBuilder()
                .append("POST ").append(target.requestTarget()).append(" HTTP/1.1\r\n")
                .append("host: ").append(target.hostHeader()).append("\r\n");
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches() || OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                    || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException("Header " + name + " cannot be sent as given");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        head.append("content-length: ").append(length).append("\r\n")
                .append("connection: close\r\n")
                .append("user-agent: serverless-loyalty-webhook\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The final status code; interim 1xx answers (100 Continue sent unasked) are skipped. */
    private static int readStatus(Reader in) throws IOException {
        for (int interim = 0; ; interim++) {
            Matcher line = STATUS_LINE.matcher(in.line());
            if (!line.matches()) {
                throw new ProtocolException("Not an HTTP/1.x status line");
            }
            int status = Integer.parseInt(line.group(1));
            if (status >= 200 || status == 101 || interim >= MAX_INTERIM_RESPONSES) {
                return status;
            }
            for (int n = 0; !in.line().isEmpty(); n++) {
                if (n >= MAX_HEADER_LINES) {
                    throw new ProtocolException("Too many header lines");
                }
            }
        }
    }

    /** Reads lines within one deadline for the whole response: a receiver trickling bytes cannot hold it longer. */
    private static final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final byte[] buffer = new byte[4096];
        private int position;
        private int limit;

        Reader(Socket socket, int timeoutMillis) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        }

        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (position == limit) {
                    fill();
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                if (line.length() >= MAX_LINE) {
                    throw new ProtocolException("Line too long");
                }
                line.append((char) (b & 0xFF));
            }
        }

        private void fill() throws IOException {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                throw new SocketTimeoutException("Response not read within the read timeout");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
            int n = in.read(buffer);
            if (n < 0) {
                throw new EOFException("Connection closed before the response");
            }
            position = 0;
            limit = n;
        }
    }
}

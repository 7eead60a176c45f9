package org.serverlessloyalty.webhooks.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTPS receiver on 127.0.0.1 whose certificate names one host (a fresh self-signed one, made with the JDK's
 * keytool), recording each request with the SNI name the client asked for and its Host header. {@link #clientTls()}
 * trusts that certificate and nothing else.
 */
public final class TlsReceiver implements AutoCloseable {

    private static final char[] PASSWORD = "changeit".toCharArray();

    public record Received(String sni, String host, String path, String webhookId, String body) {
    }

    private final HttpsServer server;
    private final SSLContext serverContext;
    private final KeyStore keyStore;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public TlsReceiver(String certifiedHost) {
        try {
            keyStore = selfSigned(certifiedHost);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, PASSWORD);
            serverContext = SSLContext.getInstance("TLS");
            serverContext.init(keys.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var session = (ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession();
            String sni = session.getRequestedServerNames().stream()
                    .filter(n -> n instanceof SNIHostName).map(n -> ((SNIHostName) n).getAsciiName())
                    .findFirst().orElse(null);
            received.add(new Received(sni, exchange.getRequestHeaders().getFirst("host"),
                    exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("webhook-id"), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** A client TLS factory that trusts this receiver's certificate only. */
    public SSLSocketFactory clientTls() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, trust.getTrustManagers(), null);
            return client.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore selfSigned(String host) throws IOException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("tls-receiver");
        Path file = dir.resolve("receiver.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "receiver",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + host, "-ext", "SAN=dns:" + host,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        Files.delete(file);
        Files.delete(dir);
        return store;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

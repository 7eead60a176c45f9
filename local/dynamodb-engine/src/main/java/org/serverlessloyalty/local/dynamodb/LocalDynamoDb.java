package org.serverlessloyalty.local.dynamodb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.serverlessloyalty.local.dynamodb.engine.Engine;
import org.serverlessloyalty.local.dynamodb.protocol.HttpFrontend;

/**
 * An in-process DynamoDB: an HTTP server on 127.0.0.1 speaking DynamoDB's JSON 1.0 wire protocol, so the
 * unmodified AWS SDK {@code DynamoDbClient} (with {@code endpointOverride(endpoint())}, any static
 * credentials, any region) works against it.
 *
 * <pre>{@code
 * try (LocalDynamoDb ddb = LocalDynamoDb.start(0, null)) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(ddb.endpoint())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
 *             .build();
 * }
 * }</pre>
 */
public final class LocalDynamoDb implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY Nagle + delayed ACK add ~40 ms.
        // Read once when the JDK's HttpServer first loads, so it must be set before any HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Tuning for tests; the public {@link #start(int, Path)} uses {@link #DEFAULTS}. */
    record Options(int threads, long ttlSweepMillis, long syncMillis) {
    }

    static final Options DEFAULTS = new Options(16, 5_000, 10);

    private static final System.Logger LOG = System.getLogger(LocalDynamoDb.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final Engine engine;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalDynamoDb(HttpServer server, ExecutorService executor, Engine engine) {
        this.server = server;
        this.executor = executor;
        this.engine = engine;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Binds 127.0.0.1:port (0 = any free port). {@code dataDir} null = in memory; otherwise tables and items
     * persist there across restarts (only one engine may use a directory at a time).
     */
    public static LocalDynamoDb start(int port, Path dataDir) {
        return start(port, dataDir, DEFAULTS, FaultPolicy.none());
    }

    /**
     * As {@link #start(int, Path)}, with a fault mode on from the first request: DynamoDB's transaction conflicts,
     * throttling, internal errors and latency, as {@code faults} says. {@link #faultPolicy(FaultPolicy)} changes it later.
     */
    public static LocalDynamoDb start(int port, Path dataDir, FaultPolicy faults) {
        return start(port, dataDir, DEFAULTS, faults);
    }

    static LocalDynamoDb start(int port, Path dataDir, Options options) {
        return start(port, dataDir, options, FaultPolicy.none());
    }

    static LocalDynamoDb start(int port, Path dataDir, Options options, FaultPolicy faults) {
        Engine engine = new Engine(dataDir, options.ttlSweepMillis(), options.syncMillis(), faults);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "local-dynamodb-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            executor.shutdownNow();
            engine.close();
            throw new UncheckedIOException("Cannot bind 127.0.0.1:" + port, e);
        }
        server.createContext("/", new HttpFrontend(engine));
        server.setExecutor(executor);
        server.start();
        LocalDynamoDb db = new LocalDynamoDb(server, executor, engine);
        db.warnIfResponsesStall();
        return db;
    }

    /**
     * The JDK reads {@code sun.net.httpserver.nodelay} once, when its first HttpServer is created. If another
     * HttpServer in this JVM came first (or the property was set to false), every response stalls ~40 ms.
     * A few keep-alive requests on one connection reveal it; we log a warning rather than fail.
     */
    private void warnIfResponsesStall() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.getPort())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(2_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < 6; i++) {
                long t0 = System.nanoTime();
                out.write(request);
                out.flush();
                readResponse(in);
                if (i >= 3) {
                    fastest = Math.min(fastest, System.nanoTime() - t0);
                }
            }
            if (fastest > TimeUnit.MILLISECONDS.toNanos(20)) {
                LOG.log(System.Logger.Level.WARNING, "LocalDynamoDb responses take " + fastest / 1_000_000
                        + " ms: TCP_NODELAY is off for the JDK HttpServer in this JVM. Start LocalDynamoDb before any other "
                        + "com.sun.net.httpserver.HttpServer, or run with -Dsun.net.httpserver.nodelay=true.");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "LocalDynamoDb start-up latency check skipped", e);
        }
    }

    private static void readResponse(InputStream in) throws IOException {
        int contentLength = 0;
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            String header = line.toString().trim();
            line.setLength(0);
            if (header.isEmpty()) {
                break;
            }
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                contentLength = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.readNBytes(contentLength);
    }

    /** The base URI of the server, e.g. {@code http://127.0.0.1:54321}. */
    public URI endpoint() {
        return endpoint;
    }

    Engine engine() {
        return engine;
    }

    /**
     * Switches the fault mode of the running engine, e.g. on for one test and {@link FaultPolicy#none()} after it.
     * Requests already running keep the policy they started with; the draw sequences restart from the seed.
     * The counters are not reset (see {@link #resetFaultCounts()}).
     */
    public void faultPolicy(FaultPolicy policy) {
        engine.faults().policy(policy);
    }

    /** The current fault mode ({@link FaultPolicy#none()} unless one was set). */
    public FaultPolicy faultPolicy() {
        return engine.faults().policy();
    }

    /** What the engine counted since it started or since {@link #resetFaultCounts()}: requests and injected faults. */
    public FaultCounts faultCounts() {
        return engine.faults().counts();
    }

    /** Sets every counter of {@link #faultCounts()} back to zero. */
    public void resetFaultCounts() {
        engine.faults().resetCounts();
    }

    /** Stops the server and flushes persistence. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        engine.close();
    }

    @Override
    public String toString() {
        return "LocalDynamoDb[" + endpoint + "]";
    }
}

package org.serverlessloyalty.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.serverlessloyalty.local.dynamodb.FaultPolicy;
import org.serverlessloyalty.local.dynamodb.LocalDynamoDb;
import org.serverlessloyalty.local.http.ApiDocs;
import org.serverlessloyalty.local.http.ApiGatewayServer;
import org.serverlessloyalty.local.http.RouteTable;
import org.serverlessloyalty.local.lambda.FunctionEnvironment;
import org.serverlessloyalty.local.lambda.LocalFunction;
import org.serverlessloyalty.local.s3.LocalS3;
import org.serverlessloyalty.local.seed.DemoSeeder;
import org.serverlessloyalty.local.seed.DemoStore;
import org.serverlessloyalty.local.sqs.ElasticMq;
import org.serverlessloyalty.local.sqs.QueueProvisioner;
import org.serverlessloyalty.local.schedule.ScheduleRunner;
import org.serverlessloyalty.local.sqs.SqsPoller;
import org.serverlessloyalty.local.table.TableProvisioner;
import org.serverlessloyalty.local.template.FunctionDef;
import org.serverlessloyalty.local.template.LocalAccount;
import org.serverlessloyalty.local.template.ScheduleDef;
import org.serverlessloyalty.local.template.SqsEventSourceDef;
import org.serverlessloyalty.local.template.StackModel;
import org.serverlessloyalty.local.template.Template;
import org.serverlessloyalty.local.template.TemplateException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * template.yaml running on one machine: the in-process DynamoDB with the template's tables, ElasticMQ with
 * its queues, every function's handler behind an API Gateway emulation on 127.0.0.1, and SQS pollers for
 * its SQS event sources. {@link Main} is the command line; tests start it in-process:
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().port(0).adminKey("k"))) {
 *     HttpRequest.newBuilder(stack.baseUri().resolve("/api/healthcheck")) ...
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    static {
        // The JDK HTTP server writes headers and body separately; without TCP_NODELAY every response waits
        // ~40 ms for a delayed ACK. Read once, when HttpServer first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public static final String ADMIN_KEY_FILE = "admin-key";
    private static final String LOCK_FILE = ".lock";

    private final Options options;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<SqsPoller> pollers = new ArrayList<>();
    private final List<ScheduleRunner> schedules = new ArrayList<>();
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, String> queueUrls = new LinkedHashMap<>();

    private String templateSource;
    private Path templateFile;
    private FileChannel lockChannel;
    private FileLock lock;
    private String adminKey;
    private ApiGatewayServer api;
    private LocalDynamoDb dynamoDbEngine;
    private ElasticMq sqsEngine;
    private LocalS3 s3Engine;
    private SdkHttpClient httpClient;
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;
    private StackModel model;
    private RouteTable routes;
    private DemoStore demoStore;

    private LocalStack(Options options) {
        this.options = options;
    }

    /** Starts everything; on failure stops what had started and throws. */
    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void boot() {
        Template template = loadTemplate();
        Path dataDir = options.dataDir();
        if (dataDir != null) {
            lockDataDir(dataDir);
        }
        adminKey = resolveAdminKey(dataDir);

        api = ApiGatewayServer.bind(options.port());
        api.serveDocs(ApiDocs.locate(templateFile));
        dynamoDbEngine = LocalDynamoDb.start(options.dynamoDbPort(), dataDir == null ? null : dataDir.resolve("dynamodb"));
        sqsEngine = ElasticMq.start(options.sqsPort(), LocalAccount.REGION, LocalAccount.ACCOUNT_ID,
                dataDir == null ? null : dataDir.resolve("sqs"));
        LocalAccount account = LocalAccount.of(sqsEngine.endpoint(), api.baseUri());

        model = StackModel.resolve(template, options.parameters(), account);
        model.warnings().forEach(StackLog::warn);

        httpClient = UrlConnectionHttpClient.create();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                FunctionEnvironment.ACCESS_KEY_ID, FunctionEnvironment.SECRET_ACCESS_KEY));
        dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoDbEngine.endpoint()).region(Region.of(account.region()))
                .credentialsProvider(credentials).httpClient(httpClient).build();
        sqs = SqsClient.builder().endpointOverride(sqsEngine.endpoint()).region(Region.of(account.region()))
                .credentialsProvider(credentials).httpClient(httpClient).build();

        model.tables().forEach(table -> TableProvisioner.ensure(dynamoDb, table));
        queueUrls.putAll(QueueProvisioner.createAll(sqs, model.queues()));

        Map<String, String> localEndpoints = new LinkedHashMap<>(Map.of(
                "DYNAMODB_ENDPOINT", dynamoDbEngine.endpoint().toString(),
                "SQS_ENDPOINT", sqsEngine.endpoint().toString(),
                "ADMIN_API_KEY", adminKey));
        // issue 11 (media): the template's buckets, in an in-process S3, only when the template declares one.
        if (!model.buckets().isEmpty()) {
            s3Engine = LocalS3.start(0, FunctionEnvironment.ACCESS_KEY_ID, FunctionEnvironment.SECRET_ACCESS_KEY,
                    dataDir == null ? null : dataDir.resolve("s3"));
            model.buckets().forEach(bucket -> s3Engine.ensureBucket(bucket.bucketName()));
            localEndpoints.put("S3_ENDPOINT", s3Engine.endpoint().toString());
        }
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(LocalStack.class.getClassLoader());
        for (FunctionDef function : model.functions()) {
            var environment = FunctionEnvironment.of(function, account, localEndpoints, options.environment());
            functions.put(function.logicalId(), LocalFunction.load(function, environment, account, loader));
        }

        routes = new RouteTable(model.routes());
        api.start(routes, functions, account.accountId(), account.apiId(), options.accessLog());

        for (SqsEventSourceDef source : model.sqsEventSources()) {
            if (!source.enabled()) {
                StackLog.info(source.functionLogicalId() + "." + source.eventName() + " is disabled (Enabled: false)");
                continue;
            }
            SqsPoller poller = new SqsPoller(source, queueUrls.get(source.queueLogicalId()),
                    functions.get(source.functionLogicalId()), sqs, account.region());
            pollers.add(poller);
            poller.start();
        }
        for (ScheduleDef schedule : model.schedules()) {
            if (!schedule.enabled()) {
                StackLog.info(schedule.functionLogicalId() + "." + schedule.eventName() + " is disabled");
                continue;
            }
            ScheduleRunner runner = new ScheduleRunner(schedule, functions.get(schedule.functionLogicalId()),
                    account.accountId(), account.region());
            schedules.add(runner);
            runner.start();
        }
        if (!model.ignoredResources().isEmpty()) {
            StackLog.info("Not emulated (no local effect): " + String.join(", ", model.ignoredResources()));
        }
        if (options.seedDemo()) {
            demoStore = new DemoSeeder(api.baseUri(), adminKey).seed(dataDir);
        }
        // Only now: the stack's own start-up (tables, demo seeding) must not fail on an injected conflict.
        if (!options.dynamoDbFaults().isNone()) {
            dynamoDbEngine.faultPolicy(options.dynamoDbFaults());
            StackLog.warn("DynamoDB fault mode is on: " + options.dynamoDbFaults());
        }
    }

    private Template loadTemplate() {
        if (options.templatePath() != null) {
            if (!Files.isRegularFile(options.templatePath())) {
                throw new TemplateException("Template " + options.templatePath() + " does not exist");
            }
            templateFile = options.templatePath().toAbsolutePath().normalize();
            templateSource = templateFile.toString();
            return Template.read(options.templatePath());
        }
        Optional<Path> onDisk = Template.findUpwards(Path.of(""));
        if (onDisk.isPresent()) {
            templateFile = onDisk.get();
            templateSource = onDisk.get().toString();
            return Template.read(onDisk.get());
        }
        Template bundled = Template.bundled().orElseThrow(() -> new TemplateException(
                "No template.yaml in " + Path.of("").toAbsolutePath() + " or its parents, and none in the jar; use --template"));
        templateSource = bundled.source();
        return bundled;
    }

    private void lockDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            lockChannel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("Another local stack is using " + dataDir + "; stop it or choose another --data-dir");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use data directory " + dataDir, e);
        }
    }

    /** The given key; else the one remembered in the data directory; else a new random one (remembered there). */
    private String resolveAdminKey(Path dataDir) {
        if (options.adminKey() != null && !options.adminKey().isBlank()) {
            return options.adminKey();
        }
        Path file = dataDir == null ? null : dataDir.resolve(ADMIN_KEY_FILE);
        try {
            if (file != null && Files.isRegularFile(file)) {
                String remembered = Files.readString(file).strip();
                if (!remembered.isEmpty()) {
                    return remembered;
                }
            }
            String generated = "local-admin-" + UUID.randomUUID().toString().replace("-", "");
            if (file != null) {
                Files.writeString(file, generated + "\n");
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    // ---- What tests and the banner read ---------------------------------------------------------------------

    /** The API's base URL, e.g. {@code http://127.0.0.1:3000}. */
    public URI baseUri() {
        return api.baseUri();
    }

    public String adminKey() {
        return adminKey;
    }

    /** The seeded demo store; empty when seeding was turned off. */
    public Optional<DemoStore> demoStore() {
        return Optional.ofNullable(demoStore);
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEngine.endpoint();
    }

    /** The in-process DynamoDB, e.g. to switch its fault mode per test and read its fault counts. */
    public LocalDynamoDb dynamoDbEngine() {
        return dynamoDbEngine;
    }

    public URI sqsEndpoint() {
        return sqsEngine.endpoint();
    }

    /** issue 11 (media): the in-process S3 holding the template's buckets; empty when the template has none. */
    public Optional<LocalS3> s3Engine() {
        return Optional.ofNullable(s3Engine);
    }

    /** The URL of a template queue, by logical id. */
    public String queueUrl(String logicalId) {
        String url = queueUrls.get(logicalId);
        if (url == null) {
            throw new IllegalArgumentException("No queue " + logicalId + " in the template; queues: " + queueUrls.keySet());
        }
        return url;
    }

    /** The local name of a template table, by logical id. */
    public String tableName(String logicalId) {
        return model.table(logicalId).orElseThrow(() -> new IllegalArgumentException("No table " + logicalId)).tableName();
    }

    /** The resolved template. */
    public StackModel model() {
        return model;
    }

    /** Where the template was read from. */
    public String templateSource() {
        return templateSource;
    }

    /** The stack's own DynamoDB client (same credentials and region as the functions). */
    public DynamoDbClient dynamoDbClient() {
        return dynamoDb;
    }

    /** The stack's own SQS client. */
    public SqsClient sqsClient() {
        return sqs;
    }

    /** Invokes a function directly, as {@code aws lambda invoke} would, with its environment and a context. */
    public <R> R invoke(String functionLogicalId, Object event) {
        LocalFunction function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("No function " + functionLogicalId + "; functions: " + functions.keySet());
        }
        return function.invoke(event, UUID.randomUUID().toString());
    }

    /** The schedule runners, one per enabled rate schedule. */
    public List<ScheduleRunner> schedules() {
        return List.copyOf(schedules);
    }

    /** The SQS pollers, one per enabled SQS event source. */
    public List<SqsPoller> pollers() {
        return List.copyOf(pollers);
    }

    /** What {@link Main} prints once the stack is up. */
    public String banner() {
        return Banner.render(this, routes.routes(), options.dataDir());
    }

    /** Blocks until {@link #close()} has run (Main waits here for Ctrl-C). */
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops in dependency order: the API (in-flight requests finish), the pollers (a running batch finishes),
     * ElasticMQ, then DynamoDB, which flushes the data directory. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            quietly("HTTP API", api);
            schedules.forEach(s -> quietly("schedule", s));
            pollers.forEach(p -> quietly("SQS poller", p));
            quietly("SQS client", sqs);
            quietly("DynamoDB client", dynamoDb);
            quietly("HTTP client", httpClient);
            quietly("ElasticMQ", sqsEngine);
            quietly("S3", s3Engine);
            quietly("DynamoDB", dynamoDbEngine);
            if (lock != null) {
                try {
                    lock.release();
                } catch (IOException e) {
                    // released when the channel closes
                }
            }
            quietly("data directory lock", lockChannel);
        } finally {
            stopped.countDown();
        }
    }

    private static void quietly(String what, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            StackLog.warn("Stopping " + what + ": " + e);
        }
    }

    /**
     * How to start the stack. Immutable; each method returns a changed copy:
     * {@code Options.defaults().port(0).templatePath(path).adminKey("k").seedDemo(false)}.
     */
    public static final class Options {

        private int port = 3000;
        private Path templatePath;
        private Path dataDir;
        private String adminKey;
        private Map<String, String> parameters = Map.of();
        private Map<String, String> environment = Map.of();
        private boolean seedDemo = true;
        private int dynamoDbPort;
        private int sqsPort;
        private boolean accessLog = true;
        private FaultPolicy dynamoDbFaults = FaultPolicy.none();

        private Options() {
        }

        public static Options defaults() {
            return new Options();
        }

        private Options copy() {
            Options copy = new Options();
            copy.port = port;
            copy.templatePath = templatePath;
            copy.dataDir = dataDir;
            copy.adminKey = adminKey;
            copy.parameters = parameters;
            copy.environment = environment;
            copy.seedDemo = seedDemo;
            copy.dynamoDbPort = dynamoDbPort;
            copy.sqsPort = sqsPort;
            copy.accessLog = accessLog;
            copy.dynamoDbFaults = dynamoDbFaults;
            return copy;
        }

        /** The API port on 127.0.0.1; 0 = any free port. Default 3000. */
        public Options port(int value) {
            Options copy = copy();
            copy.port = value;
            return copy;
        }

        /** The template; null (default) = template.yaml in the working directory or a parent, else the bundled one. */
        public Options templatePath(Path value) {
            Options copy = copy();
            copy.templatePath = value;
            return copy;
        }

        /**
         * Keep DynamoDB data, queued messages, the generated admin key and the demo store's keys here (they survive a
         * crash); null (default) = in memory.
         */
        public Options dataDir(Path value) {
            Options copy = copy();
            copy.dataDir = value;
            return copy;
        }

        /** The admin key; null (default) = remembered in the data directory, else generated. */
        public Options adminKey(String value) {
            Options copy = copy();
            copy.adminKey = value;
            return copy;
        }

        /** Template parameter values instead of their Default. */
        public Options parameters(Map<String, String> value) {
            Options copy = copy();
            copy.parameters = Map.copyOf(value);
            return copy;
        }

        /** Extra environment variables for every function, applied last. */
        public Options environment(Map<String, String> value) {
            Options copy = copy();
            copy.environment = Map.copyOf(value);
            return copy;
        }

        /** Create the demo store and sample codes on a fresh start. Default true. */
        public Options seedDemo(boolean value) {
            Options copy = copy();
            copy.seedDemo = value;
            return copy;
        }

        /** The local DynamoDB port; 0 (default) = any free port. */
        public Options dynamoDbPort(int value) {
            Options copy = copy();
            copy.dynamoDbPort = value;
            return copy;
        }

        /** The local SQS port; 0 (default) = any free port. */
        public Options sqsPort(int value) {
            Options copy = copy();
            copy.sqsPort = value;
            return copy;
        }

        /** One stderr line per API request. Default true. */
        public Options accessLog(boolean value) {
            Options copy = copy();
            copy.accessLog = value;
            return copy;
        }

        /**
         * The local DynamoDB's fault mode (transaction conflicts, throttling, internal errors, latency), switched on
         * once the stack is up. Default {@link FaultPolicy#none()}.
         */
        public Options dynamoDbFaults(FaultPolicy value) {
            Options copy = copy();
            copy.dynamoDbFaults = value == null ? FaultPolicy.none() : value;
            return copy;
        }

        public int port() {
            return port;
        }

        public Path templatePath() {
            return templatePath;
        }

        public Path dataDir() {
            return dataDir;
        }

        public String adminKey() {
            return adminKey;
        }

        public Map<String, String> parameters() {
            return parameters;
        }

        public Map<String, String> environment() {
            return environment;
        }

        public boolean seedDemo() {
            return seedDemo;
        }

        public int dynamoDbPort() {
            return dynamoDbPort;
        }

        public int sqsPort() {
            return sqsPort;
        }

        public boolean accessLog() {
            return accessLog;
        }

        public FaultPolicy dynamoDbFaults() {
            return dynamoDbFaults;
        }
    }
}

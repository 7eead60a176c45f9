package org.serverlessloyalty.tests.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.admin.AdminHandler;
import org.serverlessloyalty.giftcode.validate.GiftCodeValidateHandler;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeKeys;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.service.CodeValidation;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.tests.lambdajar.ChildJvm;
import org.serverlessloyalty.tests.lambdajar.DeployableFunctions.Deployable;
import org.serverlessloyalty.tests.lambdajar.DeployableFunctions;
import org.serverlessloyalty.tests.lambdajar.EventFiles;
import org.serverlessloyalty.tests.lambdajar.LambdaJarInvoker;
import org.serverlessloyalty.tests.template.CloudFormationYaml;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Figures for {@code POST /api/giftCodes/validate/{customerId}}, printed as a table (and written to
 * {@code tests/target/benchmarks/giftcode-validate.txt}) next to the aims they are held to:
 * warm latency against the raw SDK call, DynamoDB round trips and read capacity per validate, a
 * cold-start proxy in a fresh JVM, and the deployable jars' sizes.
 *
 * <p>A measurement, not a test of speed: nothing asserts on time (a slow machine must not fail the
 * build). It fails only when a measured path is broken (a validate that does not answer
 * {@code canUse: true}, an item not found): a figure for a broken path is worthless.
 *
 * <pre>mvn -B -q -Pbenchmark -DskipTests -pl tests -am verify</pre>
 */
class GiftCodeValidateBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 5_000);
    private static final int CALLS = Integer.getInteger("benchmark.calls", 20_000);
    /** Calls per series before switching to the next: interleaving spreads machine noise over all series. */
    private static final int BLOCK = 500;
    private static final int CAPACITY_CALLS = 1_000;
    private static final int COLD_RUNS = Integer.getInteger("benchmark.coldRuns", 11);
    private static final Duration COLD_TIMEOUT = Duration.ofSeconds(60);

    private static final double AIM_OVERHEAD = 1.20;
    private static final long MIB = 1024L * 1024;
    private static final long AIM_JAR_BYTES = 10 * MIB;

    /** The admin key the files of events/admin carry. */
    private static final String ADMIN_KEY = "local-admin-key";
    /** Codes created next to the event's code, sent as {@code appliedCodes}. */
    private static final List<String> APPLIED = List.of("WELCOME5", "FREESHIP");

    private final Path out = Path.of("target", "benchmarks").toAbsolutePath();
    private final Path functionsStdout = out.resolve("functions-stdout.log");
    private final ReportText report = new ReportText();
    private final List<String[]> aims = new ArrayList<>();

    @Test
    void printsTheGiftCodeValidationFigures() throws IOException {
        Files.createDirectories(out);
        // Every validate prints one EMF metric line (PowertoolsBusinessMetrics); on Lambda stdout is a
        // pipe to the log agent. Here the functions' stdout goes to a file, one write per line as
        // System.out does, and the report to the console at the end.
        PrintStream console = System.out;
        try (PrintStream functionsOut = new PrintStream(new BufferedOutputStream(
                new FileOutputStream(functionsStdout.toFile()), 8192), true, StandardCharsets.UTF_8)) {
            System.setOut(functionsOut);
            Fixture fixture = Fixture.seed();
            header();
            warmLatency(fixture);
            roundTripsAndCapacity(fixture);
            coldStart(fixture);
            jarSizes();
            aimsTable();
        } finally {
            // Also when a path broke: the figures measured before it are printed with the failure.
            System.setOut(console);
            String text = report.text();
            Files.writeString(out.resolve("giftcode-validate.txt"), text, StandardCharsets.UTF_8);
            System.out.print(text);
            System.out.flush();
        }
    }

    // ---------------------------------------------------------------- fixture

    /** A table seeded through the admin handler with the real events: the store and the event's code. */
    private record Fixture(LocalTable table, Deployable validate, Map<String, String> env, StoreCode store,
                           CodeValue code, String customerGuid, ObjectNode simpleEvent, ObjectNode batchEvent) {

        static Fixture seed() {
            LocalTable table = LocalTable.create();
            Deployable admin = DeployableFunctions.byFolder("admin");
            Deployable validate = DeployableFunctions.byFolder("giftcode-validate");
            AdminHandler adminHandler = LambdaEnvironment.runWith(
                    admin.lambdaEnvironment(table, Map.of("ADMIN_API_KEY", ADMIN_KEY)), AdminHandler::new);

            ObjectNode createStore = EventFiles.load("admin", "CreateStore.json");
            JsonNode store = expect(adminHandler.handleRequest(EventFiles.toEvent(createStore), null), 201);
            StoreCode storeCode = new StoreCode(store.get("code").asText());

            ObjectNode createCodes = EventFiles.load("admin", "CreateGiftCodes.json");
            ObjectNode codesBody = EventFiles.body(createCodes);
            ArrayNode codes = (ArrayNode) codesBody.get("codes");
            ObjectNode eventCode = (ObjectNode) codes.get(0);
            for (String applied : APPLIED) {
                codes.add(eventCode.deepCopy().put("code", applied));
            }
            JsonNode created = expect(adminHandler.handleRequest(EventFiles.toEvent(EventFiles.body(createCodes, codesBody)), null), 201);
            require(created.get("created").asInt() == 1 + APPLIED.size(), "codes not created: " + created);

            ObjectNode validateEvent = EventFiles.header(EventFiles.load("giftcode-validate", "Validate.json"),
                    "x-api-key", store.get("apiKey").asText());
            require(storeCode.value().equals(validateEvent.path("pathParameters").path("customerId").asText()),
                    "Validate.json must target the store CreateStore.json creates");
            ObjectNode body = EventFiles.body(validateEvent);
            CodeValue code = CodeValue.of(body.get("code").asText());
            require(code.value().equals(eventCode.get("code").asText()),
                    "Validate.json must validate the code CreateGiftCodes.json creates");
            String guid = body.get("customerGuid").asText();

            ObjectNode simple = body.deepCopy();
            simple.remove(List.of("customerGuid", "appliedCodes"));
            ObjectNode batch = body.deepCopy();
            ArrayNode applied = batch.putArray("appliedCodes");
            APPLIED.forEach(applied::add);
            return new Fixture(table, validate, validate.lambdaEnvironment(table, Map.of()), storeCode, code, guid,
                    EventFiles.body(validateEvent, simple), EventFiles.body(validateEvent, batch));
        }

        GetItemRequest getItem() {
            return GetItemRequest.builder().tableName(table.name()).key(GiftCodeKeys.code(store, code)).consistentRead(true).build();
        }

        /** The keys the customerGuid + appliedCodes validate reads: the code, the customer's uses, the applied codes. */
        BatchGetItemRequest batchGetItem() {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            keys.add(GiftCodeKeys.code(store, code));
            keys.add(GiftCodeKeys.customerUses(store, code, customerGuid));
            APPLIED.forEach(c -> keys.add(GiftCodeKeys.code(store, CodeValue.of(c))));
            return BatchGetItemRequest.builder()
                    .requestItems(Map.of(table.name(), KeysAndAttributes.builder()
                            .keys(keys).consistentRead(true).build()))
                    .build();
        }
    }

    private static JsonNode expect(APIGatewayV2HTTPResponse response, int status) {
        require(response.getStatusCode() == status, "expected " + status + ", got " + response.getStatusCode()
                + ": " + response.getBody());
        return EventFiles.parse(response.getBody());
    }

    private static void expectUsable(APIGatewayV2HTTPResponse response, String what) {
        JsonNode body = expect(response, 200);
        require(body.path("canUse").asBoolean(false), what + " did not answer canUse: true: " + body);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError("Benchmark path broken: " + message);
        }
    }

    // ---------------------------------------------------------------- sections

    private void header() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        List<String> jvmFlags = runtime.getInputArguments().stream().filter(a -> a.startsWith("-X")).toList();
        report.line("serverless-loyalty benchmark: gift-code validation (POST /api/giftCodes/validate/{customerId})");
        report.line("date        %s", ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        report.line("JDK         %s %s (%s)", System.getProperty("java.vm.name"), Runtime.version(), System.getProperty("java.vendor"));
        report.line("machine     %d CPUs, %s %s", Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"));
        report.line("this JVM    %s", String.join(" ", jvmFlags));
        report.line("child JVMs  %s (+ JAVA_TOOL_OPTIONS from template.yaml)", String.join(" ", ChildJvm.LAMBDA_JVM_FLAGS));
        report.line("DynamoDB    in-process engine (local/dynamodb-engine) on 127.0.0.1, same JVM as the warm measurements");
        report.line("metrics     AWS_EMF_ENVIRONMENT=%s", String.valueOf(System.getenv("AWS_EMF_ENVIRONMENT")));
    }

    private void warmLatency(Fixture f) throws IOException {
        GiftCodeValidateHandler handler = LambdaEnvironment.runWith(f.env(), GiftCodeValidateHandler::new);
        DynamoDbClient raw = LambdaEnvironment.runWith(f.env(), AwsClients::dynamoDb);
        Context context = new LambdaJarInvoker.MinimalContext("benchmark");
        APIGatewayV2HTTPEvent simple = EventFiles.toEvent(f.simpleEvent());
        APIGatewayV2HTTPEvent batch = EventFiles.toEvent(f.batchEvent());
        GetItemRequest getItem = f.getItem();
        BatchGetItemRequest batchGet = f.batchGetItem();

        expectUsable(handler.handleRequest(simple, context), "validate");
        expectUsable(handler.handleRequest(batch, context), "validate with customerGuid + appliedCodes");
        require(!raw.getItem(getItem).item().isEmpty(), "GetItem found no code item");
        require(raw.batchGetItem(batchGet).responses().get(f.table().name()).size() == 1 + APPLIED.size(),
                "BatchGetItem did not find the code and the applied codes");

        // The same logic without Powertools: ports constructor, BusinessMetrics.NONE, no Lambda context
        // (so no logging context either). The gap to the handler above is what Powertools costs.
        FunctionConfig config = LambdaEnvironment.runWith(f.env(), FunctionConfig::fromEnvironment);
        GiftCodeValidateHandler bare = new GiftCodeValidateHandler(
                new StoreAccess(new DynamoDbStoreRepository(raw, config.tableName()), config.storeCacheTtl(), Clock.systemUTC()),
                new CodeValidation(new DynamoDbGiftCodeRepository(raw, config.tableName()), Clock.systemUTC()),
                BusinessMetrics.NONE);
        expectUsable(bare.handleRequest(simple, null), "validate (ports constructor)");

        List<BooleanSupplier> series = List.of(
                () -> handler.handleRequest(simple, context).getStatusCode() == 200,
                () -> !raw.getItem(getItem).item().isEmpty(),
                () -> handler.handleRequest(batch, context).getStatusCode() == 200,
                () -> raw.batchGetItem(batchGet).hasResponses(),
                () -> bare.handleRequest(simple, null).getStatusCode() == 200);

        long emfBefore = validationMetricLines();
        long[][] nanos = measure(series);
        long emfLines = validationMetricLines() - emfBefore;
        int validates = 2 * (WARM_UP + CALLS);

        Latency validateSimple = Latency.ofNanos(nanos[0]);
        Latency getItemLatency = Latency.ofNanos(nanos[1]);
        Latency validateBatch = Latency.ofNanos(nanos[2]);
        Latency batchGetLatency = Latency.ofNanos(nanos[3]);
        Latency withoutPowertools = Latency.ofNanos(nanos[4]);

        report.section("Warm latency: in-process calls, %,d measured after %,d warm-up each, interleaved in blocks of %d (microseconds)",
                CALLS, WARM_UP, BLOCK);
        report.line("%-58s %9s %9s %9s %9s", "", "p50", "p90", "p99", "max");
        latencyRow("validate, simple path (handler, no-arg constructor)", validateSimple);
        latencyRow("raw SDK GetItem of the same code item", getItemLatency);
        ratioRow("  handler / GetItem", validateSimple, getItemLatency);
        latencyRow(ReportText.fmt("validate, customerGuid + %d appliedCodes (handler)", APPLIED.size()), validateBatch);
        latencyRow(ReportText.fmt("raw SDK BatchGetItem of the same %d keys", 2 + APPLIED.size()), batchGetLatency);
        ratioRow("  handler / BatchGetItem", validateBatch, batchGetLatency);
        report.line("%-58s %9.1f %9s %9.1f", "  our code per validate (handler - GetItem, p50 and p99)",
                validateSimple.p50() - getItemLatency.p50(), "", validateSimple.p99() - getItemLatency.p99());
        latencyRow("validate, simple path, without Powertools (see below)", withoutPowertools);
        report.line("%-58s %9.1f %9s %9.1f", "  Powertools logging context + EMF line (handler - this)",
                validateSimple.p50() - withoutPowertools.p50(), "", validateSimple.p99() - withoutPowertools.p99());
        report.line("without Powertools = ports constructor on the same client, BusinessMetrics.NONE, no Lambda Context.");
        report.line("stdout: %.2f EMF metric report.line(s) per validate (%,d lines for %,d validates)",
                emfLines / (double) validates, emfLines, validates);

        aim(ReportText.fmt("warm p50: validate <= %.2f x raw GetItem", AIM_OVERHEAD), validateSimple.p50() / getItemLatency.p50());
        aim(ReportText.fmt("warm p99: validate <= %.2f x raw GetItem", AIM_OVERHEAD), validateSimple.p99() / getItemLatency.p99());
        aim(ReportText.fmt("warm p50: customerGuid validate <= %.2f x BatchGetItem", AIM_OVERHEAD),
                validateBatch.p50() / batchGetLatency.p50());
        aim(ReportText.fmt("warm p99: customerGuid validate <= %.2f x BatchGetItem", AIM_OVERHEAD),
                validateBatch.p99() / batchGetLatency.p99());
    }

    private long validationMetricLines() throws IOException {
        System.out.flush();
        try (Stream<String> lines = Files.lines(functionsStdout)) {
            return lines.filter(l -> l.contains("\"CodeValidations\"")).count();
        }
    }

    /** Warms each series, then measures them in turn, {@link #BLOCK} calls at a time. */
    private static long[][] measure(List<BooleanSupplier> series) {
        for (BooleanSupplier call : series) {
            for (int i = 0; i < WARM_UP; i++) {
                require(call.getAsBoolean(), "a warm-up call failed");
            }
        }
        long[][] nanos = new long[series.size()][CALLS];
        int failures = 0;
        for (int from = 0; from < CALLS; from += BLOCK) {
            for (int s = 0; s < series.size(); s++) {
                BooleanSupplier call = series.get(s);
                long[] times = nanos[s];
                for (int i = from; i < Math.min(CALLS, from + BLOCK); i++) {
                    long start = System.nanoTime();
                    boolean ok = call.getAsBoolean();
                    times[i] = System.nanoTime() - start;
                    if (!ok) {
                        failures++;
                    }
                }
            }
        }
        require(failures == 0, failures + " measured calls failed");
        return nanos;
    }

    private void roundTripsAndCapacity(Fixture f) {
        CapacityRecorder recorder = new CapacityRecorder();
        DynamoDbClient counted = LambdaEnvironment.runWith(f.env(), () -> {
            var builder = AwsClients.configure(DynamoDbClient.builder(), AwsClients.DYNAMODB_ENDPOINT);
            builder.overrideConfiguration(builder.overrideConfiguration().toBuilder().addExecutionInterceptor(recorder).build());
            return builder.build();
        });
        FunctionConfig config = LambdaEnvironment.runWith(f.env(), FunctionConfig::fromEnvironment);
        Supplier<GiftCodeValidateHandler> withPorts = () -> new GiftCodeValidateHandler(
                new StoreAccess(new DynamoDbStoreRepository(counted, config.tableName()), config.storeCacheTtl(), Clock.systemUTC()),
                new CodeValidation(new DynamoDbGiftCodeRepository(counted, config.tableName()), Clock.systemUTC()),
                BusinessMetrics.NONE);
        Context context = new LambdaJarInvoker.MinimalContext("benchmark-capacity");

        report.section("DynamoDB per validate: every call counted, ReturnConsumedCapacity=TOTAL (ports constructor, store cache %ds)",
                config.storeCacheTtl().toSeconds());
        report.line("%-44s %-12s %7s %6s  %s", "", "", "calls", "RCU", "operations");
        double steadyWorst = 0;
        for (var path : List.of(Map.entry("simple path", f.simpleEvent()),
                Map.entry("customerGuid + appliedCodes", f.batchEvent()))) {
            APIGatewayV2HTTPEvent event = EventFiles.toEvent(path.getValue());
            GiftCodeValidateHandler handler = withPorts.get();
            recorder.drain();
            expectUsable(handler.handleRequest(event, context), "validate (" + path.getKey() + ")");
            List<CapacityRecorder.Call> first = recorder.drain();
            for (int i = 0; i < CAPACITY_CALLS; i++) {
                require(handler.handleRequest(event, context).getStatusCode() == 200, "validate (" + path.getKey() + ")");
            }
            List<CapacityRecorder.Call> steady = recorder.drain();
            double steadyCalls = steady.size() / (double) CAPACITY_CALLS;
            steadyWorst = Math.max(steadyWorst, steadyCalls);
            report.line("%-44s %-12s %7.2f %6.2f  %s", path.getKey(), "first call", (double) first.size(), units(first),
                    CapacityRecorder.describe(first, 1));
            report.line("%-44s %-12s %7.2f %6.2f  %s", "", "steady state", steadyCalls, units(steady) / CAPACITY_CALLS,
                    CapacityRecorder.describe(steady, CAPACITY_CALLS));
        }
        report.line("steady state = the mean over %,d validates after the first, store settings cached", CAPACITY_CALLS);
        aims.add(new String[] {"DynamoDB round trips per validate, steady state = 1", ReportText.fmt("%.2f", steadyWorst),
                steadyWorst <= 1.0 ? "MET" : "MISSED"});
    }

    private static double units(List<CapacityRecorder.Call> calls) {
        return calls.stream().mapToDouble(CapacityRecorder.Call::capacityUnits).sum();
    }

    private record ColdRun(double spawnToAnswerMs, double jvmToMainMs, double initMs, double firstCallMs,
                           double jvmToAnswerMs, double cpuMs) {

        static ColdRun of(ChildJvm.Line marker, JsonNode times) {
            long jvm = times.get("jvmStartMs").asLong();
            return new ColdRun(marker.nanosAfterSpawn() / 1e6,
                    times.get("mainMs").asLong() - jvm,
                    times.get("constructedMs").asLong() - times.get("mainMs").asLong(),
                    times.get("answeredMs").asLong() - times.get("invokeStartMs").asLong(),
                    times.get("answeredMs").asLong() - jvm,
                    times.get("cpuMs").asLong());
        }
    }

    private void coldStart(Fixture f) {
        Path jar = f.validate().requireJar();
        Path event = EventFiles.write(f.simpleEvent(), out.resolve("cold-start-validate-event.json"));
        Map<String, AttributeValue> key = GiftCodeKeys.code(f.store(), f.code());
        List<String> handlerArgs = List.of(f.validate().handlerClass(), event.toString());
        List<String> bareArgs = List.of(event.toString(), key.get(TableKeys.PK).s(), key.get(TableKeys.SK).s());

        List<ColdRun> handlerRuns = new ArrayList<>();
        List<ColdRun> bareRuns = new ArrayList<>();
        // One unrecorded run of each first: the first JVM start of a jar pays for reading it from disk.
        for (int i = -1; i < COLD_RUNS; i++) {
            ColdRun handler = coldHandler(jar, handlerArgs, f.env());
            ColdRun bare = coldBare(jar, bareArgs, f.env());
            if (i >= 0) {
                handlerRuns.add(handler);
                bareRuns.add(bare);
            }
        }
        ColdRun h = medians(handlerRuns);
        ColdRun b = medians(bareRuns);
        report.section("Cold-start proxy: fresh JVM, classpath = %s + one probe class, template environment; median of %d runs (ms)",
                jar.getFileName(), COLD_RUNS);
        report.line("%-34s %12s %10s %10s %10s %12s %12s", "", "spawn->answer", "JVM->main", "init", "1st call", "JVM->answer",
                "CPU used");
        report.line("%-34s %12s %10s %10s %10s %12s %12s", "", "(parent)", "", "", "", "(child)", "(child)");
        coldRow("validate handler (no-arg ctor)", h);
        coldRow("bare SDK: build client + GetItem", b);
        report.line("%-34s %12.2f %10s %10s %10s %12.2f %12.2f", "  handler / bare", h.spawnToAnswerMs() / b.spawnToAnswerMs(),
                "", "", "", h.jvmToAnswerMs() / b.jvmToAnswerMs(), h.cpuMs() / b.cpuMs());
        report.line("%-34s %12.0f %10s %10.0f %10.0f %12.0f %12.0f", "  our code adds", h.spawnToAnswerMs() - b.spawnToAnswerMs(),
                "", h.initMs() - b.initMs(), h.firstCallMs() - b.firstCallMs(), h.jvmToAnswerMs() - b.jvmToAnswerMs(),
                h.cpuMs() - b.cpuMs());
        report.line("init = main -> handler constructed (bare: client built); 1st call = parse the event file + handleRequest");
        report.line("(bare: parse + GetItem); CPU used = user+sys of the child, all threads, when it answered (10 ms steps).");
        report.line("Each column is its own median. Runs, spawn->answer: handler %s; bare %s",
                handlerRuns.stream().map(r -> ReportText.fmt("%.0f", r.spawnToAnswerMs())).toList(),
                bareRuns.stream().map(r -> ReportText.fmt("%.0f", r.spawnToAnswerMs())).toList());
        aim(ReportText.fmt("cold start (spawn -> first answer) <= %.2f x bare SDK", AIM_OVERHEAD),
                h.spawnToAnswerMs() / b.spawnToAnswerMs());
        aim(ReportText.fmt("cold start, CPU used to first answer <= %.2f x bare SDK", AIM_OVERHEAD), h.cpuMs() / b.cpuMs());
    }

    private static ColdRun coldHandler(Path jar, List<String> args, Map<String, String> env) {
        ChildJvm.Run run = ChildJvm.run(jar, LambdaJarInvoker.class, args, env, COLD_TIMEOUT);
        ChildJvm.Line marker = run.firstLineStartingWith(LambdaJarInvoker.MARKER)
                .orElseThrow(() -> new AssertionError("Benchmark path broken: no answer\n" + run.transcript()));
        JsonNode answer = EventFiles.parse(marker.text().substring(LambdaJarInvoker.MARKER.length()));
        JsonNode response = answer.get("response");
        require(run.exitCode() == 0 && response.get("statusCode").asInt() == 200
                && EventFiles.parse(response.get("body").asText()).path("canUse").asBoolean(false),
                "the validate jar did not answer canUse: true\n" + run.transcript());
        return ColdRun.of(marker, answer);
    }

    private static ColdRun coldBare(Path jar, List<String> args, Map<String, String> env) {
        ChildJvm.Run run = ChildJvm.run(jar, BareSdkProbe.class, args, env, COLD_TIMEOUT);
        ChildJvm.Line marker = run.firstLineStartingWith(BareSdkProbe.MARKER)
                .orElseThrow(() -> new AssertionError("Benchmark path broken: no answer\n" + run.transcript()));
        JsonNode answer = EventFiles.parse(marker.text().substring(BareSdkProbe.MARKER.length()));
        require(run.exitCode() == 0 && answer.path("found").asBoolean(false),
                "the bare SDK probe did not find the code item\n" + run.transcript());
        return ColdRun.of(marker, answer);
    }

    private static ColdRun medians(List<ColdRun> runs) {
        return new ColdRun(
                Latency.median(runs.stream().mapToDouble(ColdRun::spawnToAnswerMs).toArray()),
                Latency.median(runs.stream().mapToDouble(ColdRun::jvmToMainMs).toArray()),
                Latency.median(runs.stream().mapToDouble(ColdRun::initMs).toArray()),
                Latency.median(runs.stream().mapToDouble(ColdRun::firstCallMs).toArray()),
                Latency.median(runs.stream().mapToDouble(ColdRun::jvmToAnswerMs).toArray()),
                Latency.median(runs.stream().mapToDouble(ColdRun::cpuMs).toArray()));
    }

    private void jarSizes() throws IOException {
        report.section("Deployable jars (functions/*/target/*-lambda.jar), aim <= %d MB (1 MB = 1,048,576 bytes)", AIM_JAR_BYTES / MIB);
        Path functions = CloudFormationYaml.repositoryRoot().resolve("functions");
        List<Path> jars;
        try (Stream<Path> modules = Files.list(functions)) {
            jars = modules.map(m -> m.resolve("target").resolve(m.getFileName() + "-lambda.jar"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        for (Path jar : jars) {
            long bytes = Files.size(jar);
            String verdict = bytes <= AIM_JAR_BYTES ? "MET" : "MISSED";
            report.line("%-40s %,14d bytes %8.2f MB  %s", jar.getFileName(), bytes, bytes / (double) MIB, verdict);
            aims.add(new String[] {jar.getFileName() + " <= 10 MB", ReportText.fmt("%.2f MB", bytes / (double) MIB), verdict});
        }
        DeployableFunctions.fromTemplate().stream().filter(f -> !Files.isRegularFile(f.jar()))
                .collect(Collectors.groupingBy(Deployable::jar, TreeMap::new,
                        Collectors.mapping(Deployable::logicalId, Collectors.joining(", "))))
                .forEach((jar, ids) -> report.line("%-40s not built, not measured (%s)", jar.getFileName(), ids));
        for (Path jar : jars) {
            List<JarComposition.Part> parts = JarComposition.of(jar);
            long total = parts.stream().mapToLong(JarComposition.Part::compressedBytes).sum();
            report.line("");
            report.line("%s: %,d entries, %,d bytes compressed content, %,d bytes of zip headers and directory.",
                    jar.getFileName(), parts.stream().mapToInt(JarComposition.Part::entries).sum(), total,
                    Files.size(jar) - total);
            report.line("Biggest parts by compressed size:");
            parts.stream().limit(12).forEach(p -> report.line("  %-52s %,11d %5.1f %%  %,6d entries", p.origin(),
                    p.compressedBytes(), 100.0 * p.compressedBytes() / total, p.entries()));
        }
    }

    private void aimsTable() {
        report.section("Aims");
        for (String[] aim : aims) {
            report.line("%-58s %10s  %s", aim[0], aim[1], aim[2]);
        }
    }

    // ---------------------------------------------------------------- formatting

    private void aim(String name, double ratio) {
        aims.add(new String[] {name, ReportText.fmt("%.2f x", ratio), ratio <= AIM_OVERHEAD ? "MET" : "MISSED"});
    }

    private void latencyRow(String name, Latency l) {
        report.line("%-58s %9.1f %9.1f %9.1f %9.1f", name, l.p50(), l.p90(), l.p99(), l.max());
    }

    private void ratioRow(String name, Latency ours, Latency sdk) {
        report.line("%-58s %8.2fx %9s %8.2fx", name, ours.p50() / sdk.p50(), "", ours.p99() / sdk.p99());
    }

    private void coldRow(String name, ColdRun r) {
        report.line("%-34s %12.0f %10.0f %10.0f %10.0f %12.0f %12.0f", name, r.spawnToAnswerMs(), r.jvmToMainMs(), r.initMs(),
                r.firstCallMs(), r.jvmToAnswerMs(), r.cpuMs());
    }

}

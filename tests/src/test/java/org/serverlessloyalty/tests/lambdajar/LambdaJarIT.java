package org.serverlessloyalty.tests.lambdajar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.tests.contract.OpenApiContract;
import org.serverlessloyalty.tests.lambdajar.DeployableFunctions.Deployable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each function's deployable (shaded) jar, run as Lambda runs it: a fresh JVM with the Lambda flags,
 * a classpath of that jar alone (plus {@link LambdaJarInvoker}), the handler class and variables
 * template.yaml gives, fed the real events of {@code events/} against the in-process DynamoDB of this
 * JVM. The thin-jar tests cannot see what shading breaks: service loader entries, the Log4j plugin
 * cache (JSON layout, Powertools resolvers), SLF4J binding, Jackson modules.
 */
class LambdaJarIT {

    /** The admin key the files of events/admin carry. */
    private static final String ADMIN_KEY = "local-admin-key";
    private static final Duration PER_JVM = Duration.ofSeconds(45);
    /** What the JVM prints because Lambda's JAVA_TOOL_OPTIONS (template Globals) is set: expected, not a problem. */
    private static final String JAVA_TOOL_OPTIONS_NOTICE = "Picked up JAVA_TOOL_OPTIONS";

    /** The functions (CodeUri folders) the gift-code journey runs end to end. */
    private static final Set<String> JOURNEY = Set.of("admin", "giftcode-validate");

    private static LocalTable table;

    @TempDir
    Path events;

    @BeforeAll
    static void table() {
        table = LocalTable.create();
    }

    @Test
    void theDeployableJarsStartAndServeTheGiftCodeJourney() {
        Deployable admin = DeployableFunctions.byFolder("admin");
        Invocations adminRun = invoke(admin, Map.of("ADMIN_API_KEY", ADMIN_KEY), List.of(
                write("CreateStore.json", EventFiles.load("admin", "CreateStore.json")),
                write("CreateGiftCodes.json", EventFiles.load("admin", "CreateGiftCodes.json")),
                write("HealthCheck.json", EventFiles.load("admin", "HealthCheck.json")),
                write("ListStores-noKey.json", EventFiles.header(EventFiles.load("admin", "ListStores.json"), "authorization", null)),
                write("ConsoleFile.json", EventFiles.load("admin", "ConsoleFile.json"))));

        assertThat(adminRun.status(0)).as(adminRun.transcript()).isEqualTo(201);
        String storeKey = adminRun.body(0).get("apiKey").asText();
        assertThat(storeKey).startsWith("sl_demo_");
        assertThat(adminRun.status(1)).as(adminRun.transcript()).isEqualTo(201);
        assertThat(adminRun.body(1).get("created").asInt()).isEqualTo(1);
        assertThat(adminRun.status(2)).as("healthcheck: " + adminRun.transcript()).isEqualTo(204);
        assertThat(adminRun.status(3)).as(adminRun.transcript()).isEqualTo(401);
        // The console's files travel in the deployed jar (issue 12).
        assertThat(adminRun.status(4)).as(adminRun.transcript()).isEqualTo(200);
        assertThat(adminRun.text(4)).contains("import ");
        adminRun.assertStructuredOutput("admin", "GiftCodesCreated");

        Deployable validate = DeployableFunctions.byFolder("giftcode-validate");
        ObjectNode validateEvent = EventFiles.load("giftcode-validate", "Validate.json");
        Invocations validateRun = invoke(validate, Map.of(), List.of(
                write("Validate.json", EventFiles.header(validateEvent, "x-api-key", storeKey)),
                write("Validate-wrongKey.json", EventFiles.header(validateEvent, "x-api-key", "sl_demo_notthekey"))));

        assertThat(validateRun.status(0)).as(validateRun.transcript()).isEqualTo(200);
        assertThat(validateRun.body(0).get("canUse").asBoolean()).as(validateRun.transcript()).isTrue();
        assertThat(validateRun.body(0).get("reason").isNull()).isTrue();
        assertThat(validateRun.status(1)).as(validateRun.transcript()).isEqualTo(401);
        validateRun.assertStructuredOutput("giftcode-validate", "CodeValidations");
    }

    /** Functions the journey above does not cover: their jar starts and builds the handler the template names. */
    @Test
    void theDeployableJarsCarryNeitherNettyNorAnApacheHttpClient() throws Exception {
        for (Deployable function : DeployableFunctions.fromTemplate()) {
            try (var jar = new java.util.zip.ZipFile(function.requireJar().toFile())) {
                var heavy = jar.stream().map(java.util.zip.ZipEntry::getName)
                        .filter(n -> n.startsWith("io/netty/") || n.startsWith("org/apache/http/")
                                || n.startsWith("org/apache/hc/"))
                        .limit(3).toList();
                org.assertj.core.api.Assertions.assertThat(heavy).as(function.logicalId() + " uses url-connection").isEmpty();
            }
        }
    }

    @Test
    void everyOtherFunctionOfTheTemplateBuildsItsHandlerFromItsJar() {
        for (Deployable function : DeployableFunctions.fromTemplate()) {
            if (JOURNEY.contains(function.folder())) {
                continue;
            }
            ChildJvm.Run run = ChildJvm.run(function.requireJar(), LambdaJarInvoker.class, List.of(function.handlerClass()),
                    function.lambdaEnvironment(table, Map.of()), PER_JVM);
            assertThat(run.exitCode()).as(function.logicalId() + "\n" + run.transcript()).isZero();
            assertThat(run.linesStartingWith(LambdaJarInvoker.CONSTRUCTED)).as(run.transcript()).hasSize(1);
            structuredOutput(run);
        }
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path write(String name, ObjectNode event) {
        return EventFiles.write(event, events.resolve(name));
    }

    private static Invocations invoke(Deployable function, Map<String, String> extra, List<Path> eventFiles) {
        List<String> args = new ArrayList<>();
        args.add(function.handlerClass());
        eventFiles.forEach(f -> args.add(f.toString()));
        Map<String, String> env = function.lambdaEnvironment(table, extra);
        ChildJvm.Run run = ChildJvm.run(function.requireJar(), LambdaJarInvoker.class, args, env, PER_JVM);
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        List<JsonNode> answers = run.linesStartingWith(LambdaJarInvoker.MARKER).stream().map(EventFiles::parse).toList();
        assertThat(answers).as(run.transcript()).hasSize(eventFiles.size());
        for (int i = 0; i < eventFiles.size(); i++) {
            String[] route = EventFiles.parse(read(eventFiles.get(i))).get("routeKey").asText().split(" ", 2);
            JsonNode response = answers.get(i).get("response");
            OpenApiContract.assertResponseMatches(route[0], route[1], response.get("statusCode").asInt(),
                    response.path("body").isTextual() ? response.get("body").asText() : null);
        }
        return new Invocations(run, answers, env.get("POWERTOOLS_SERVICE_NAME"));
    }

    private record Invocations(ChildJvm.Run run, List<JsonNode> answers, String service) {

        int status(int index) {
            return answers.get(index).get("response").get("statusCode").asInt();
        }

        String text(int index) {
            return answers.get(index).get("response").get("body").asText();
        }

        JsonNode body(int index) {
            return EventFiles.parse(answers.get(index).get("response").get("body").asText());
        }

        String transcript() {
            return run.transcript();
        }

        /**
         * Every line the function printed is a JSON object: a log event with level and message (the
         * Powertools layout, with the template's service name), or an Embedded Metric Format record
         * (Lambda turns those into CloudWatch metrics). Nothing on stderr: a missing Log4j plugin or
         * SLF4J provider in the jar shows up there.
         */
        void assertStructuredOutput(String expectedService, String expectedMetric) {
            List<JsonNode> lines = structuredOutput(run);
            List<JsonNode> logs = lines.stream().filter(l -> !l.has("_aws")).toList();
            List<JsonNode> metrics = lines.stream().filter(l -> l.has("_aws")).toList();
            assertThat(logs).as("log lines of " + transcript()).isNotEmpty().allSatisfy(log -> {
                assertThat(log.path("level").asText()).as(log.toString()).isNotBlank();
                assertThat(log.path("message").asText()).as(log.toString()).isNotBlank();
            });
            assertThat(logs).as("the refused request's log line").anySatisfy(log -> {
                assertThat(log.get("level").asText()).isEqualTo("INFO");
                assertThat(log.get("message").asText()).isEqualTo("Request refused");
                assertThat(log.path("status").asInt()).isEqualTo(401);
                assertThat(log.path("service").asText()).isEqualTo(service).isEqualTo(expectedService);
                assertThat(log.path("function_request_id").asText()).isNotBlank();
            });
            assertThat(metrics).as("metrics of " + transcript()).anySatisfy(emf -> {
                JsonNode directive = emf.get("_aws").get("CloudWatchMetrics").get(0);
                assertThat(directive.get("Namespace").asText()).isEqualTo("ServerlessLoyalty");
                assertThat(directive.get("Metrics").get(0).get("Name").asText()).isEqualTo(expectedMetric);
            });
        }
    }

    /**
     * Every line the function printed, as JSON objects (failing on any other line), and nothing on
     * stderr but the JVM's JAVA_TOOL_OPTIONS notice: a missing Log4j plugin, SLF4J provider or
     * service file in the jar shows up there.
     */
    private static List<JsonNode> structuredOutput(ChildJvm.Run run) {
        List<JsonNode> lines = new ArrayList<>();
        for (ChildJvm.Line line : run.stdout()) {
            if (line.text().startsWith(LambdaJarInvoker.MARKER) || line.text().startsWith(LambdaJarInvoker.CONSTRUCTED)) {
                continue;
            }
            JsonNode json;
            try {
                json = EventFiles.parse(line.text());
            } catch (RuntimeException e) {
                throw new AssertionError("Not a JSON line: " + line.text() + "\n" + run.transcript(), e);
            }
            assertThat(json.isObject()).as(line.text()).isTrue();
            lines.add(json);
        }
        assertThat(run.stderr()).as("stderr of " + run.transcript())
                .allSatisfy(line -> assertThat(line).startsWith(JAVA_TOOL_OPTIONS_NOTICE));
        return lines;
    }
}

package org.serverlessloyalty.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.lambda.FunctionEnvironment;
import org.serverlessloyalty.local.lambda.LocalFunction;
import org.serverlessloyalty.local.template.FunctionDef;
import org.serverlessloyalty.local.template.LocalAccount;
import org.serverlessloyalty.local.template.ScheduleDef;

class ScheduleRunnerTest {

    private static final LocalAccount ACCOUNT = LocalAccount.of(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2"));

    private static LocalFunction probe(ScheduleDef schedule) {
        FunctionDef definition = new FunctionDef("TidyFunction", "TidyFunction", ScheduledProbeHandler.class.getName(),
                "handleRequest", "java21", 29, 1024, Map.of(), List.of(), List.of(), List.of(schedule));
        Map<String, String> env = FunctionEnvironment.of(definition, ACCOUNT, Map.of(), Map.of());
        return LocalFunction.load(definition, env, ACCOUNT, ScheduleRunnerTest.class.getClassLoader());
    }

    @Test
    void invokesTheFunctionWithAnEventBridgeScheduledEventOnEveryTick() throws Exception {
        ScheduleDef schedule = new ScheduleDef("TidyFunction", "Tidy", "rate(1 minute)", Duration.ofMinutes(1), true);
        ScheduledProbeHandler.EVENTS.clear();
        try (ScheduleRunner runner = new ScheduleRunner(schedule, probe(schedule), ACCOUNT.accountId(), ACCOUNT.region())) {
            runner.start(Duration.ofMillis(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (runner.successfulRuns() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(runner.successfulRuns()).isEqualTo(1);
        }
        Map<String, Object> event = ScheduledProbeHandler.EVENTS.poll();
        assertThat(event).containsEntry("detail-type", "Scheduled Event").containsEntry("source", "aws.events")
                .containsEntry("account", ACCOUNT.accountId()).containsEntry("region", ACCOUNT.region())
                .containsKeys("id", "time", "resources", "detail");
    }

    @Test
    void aFailedRunIsReportedAndTheScheduleGoesOn() {
        ScheduleDef schedule = new ScheduleDef("TidyFunction", "Tidy", "rate(1 minute)", Duration.ofMinutes(1), true);
        ScheduledProbeHandler.FAIL.set(true);
        try (ScheduleRunner runner = new ScheduleRunner(schedule, probe(schedule), ACCOUNT.accountId(), ACCOUNT.region())) {
            runner.runOnce();
            assertThat(runner.successfulRuns()).isZero();
            ScheduledProbeHandler.FAIL.set(false);
            runner.runOnce();
            assertThat(runner.successfulRuns()).isEqualTo(1);
        } finally {
            ScheduledProbeHandler.FAIL.set(false);
        }
    }
}

package org.serverlessloyalty.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.dynamodb.FaultPolicy;

class MainTest {

    @Test
    void defaultsToPort3000WithTheDemoAndNoDataDirectory() {
        LocalStack.Options options = Main.parse(new String[0], null);
        assertThat(options.port()).isEqualTo(3000);
        assertThat(options.seedDemo()).isTrue();
        assertThat(options.dataDir()).isNull();
        assertThat(options.templatePath()).isNull();
        assertThat(options.adminKey()).isNull();
        assertThat(options.accessLog()).isTrue();
        assertThat(options.dynamoDbFaults()).isEqualTo(FaultPolicy.none());
    }

    @Test
    void readsTheDynamoDbFaultSpec() {
        LocalStack.Options options = Main.parse(new String[] {
                "--dynamodb-faults", "conflict=0.1,throttle=0.05,internal=0.01,latency=5-20,seed=42"}, null);
        assertThat(options.dynamoDbFaults()).isEqualTo(FaultPolicy.none().conflictRate(0.1).throttleRate(0.05)
                .internalErrorRate(0.01).latencyMillis(5, 20).seed(42));
        assertThat(Main.parse(new String[] {"--dynamodb-faults=overlap"}, null).dynamoDbFaults().overlapConflicts()).isTrue();
        assertThatThrownBy(() -> Main.parse(new String[] {"--dynamodb-faults", "throttle=lots"}, null))
                .hasMessageContaining("--dynamodb-faults: ").hasMessageContaining("throttle must be a rate between 0 and 1");
    }

    @Test
    void readsEveryFlag() {
        LocalStack.Options options = Main.parse(new String[] {
                "--port", "0", "--template", "t.yaml", "--data-dir=data", "--admin-key", "secret",
                "--parameter", "LogLevel=DEBUG", "--parameter=StoreCacheSeconds=0", "--env", "A=1=2", "--no-demo",
                "--dynamodb-port", "8000", "--sqs-port", "9324", "--quiet"}, "from-env");
        assertThat(options.port()).isZero();
        assertThat(options.templatePath()).isEqualTo(Path.of("t.yaml"));
        assertThat(options.dataDir()).isEqualTo(Path.of("data"));
        assertThat(options.adminKey()).isEqualTo("secret");
        assertThat(options.parameters()).containsEntry("LogLevel", "DEBUG").containsEntry("StoreCacheSeconds", "0");
        assertThat(options.environment()).containsEntry("A", "1=2");
        assertThat(options.seedDemo()).isFalse();
        assertThat(options.dynamoDbPort()).isEqualTo(8000);
        assertThat(options.sqsPort()).isEqualTo(9324);
        assertThat(options.accessLog()).isFalse();
    }

    @Test
    void takesTheAdminKeyFromTheEnvironmentUnlessAFlagGivesOne() {
        assertThat(Main.parse(new String[0], "from-env").adminKey()).isEqualTo("from-env");
        assertThat(Main.parse(new String[] {"--admin-key", "flag"}, "from-env").adminKey()).isEqualTo("flag");
    }

    @Test
    void rejectsBadFlags() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--bogus", "x"}, null)).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> Main.parse(new String[] {"--bogus"}, null)).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port"}, null)).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "http"}, null)).hasMessageContaining("port number");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "70000"}, null)).hasMessageContaining("port number");
        assertThatThrownBy(() -> Main.parse(new String[] {"--env", "NOEQUALS"}, null)).hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> Main.parse(new String[] {"stray"}, null)).hasMessageContaining("unexpected argument stray");
        assertThatThrownBy(() -> Main.parse(new String[] {"--admin-key", " "}, null)).hasMessageContaining("must not be empty");
    }

    @Test
    void helpListsEveryFlag() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--help"}, null)).isInstanceOf(Main.HelpRequested.class);
        assertThat(Main.USAGE).contains("--port", "--template", "--data-dir", "--admin-key", "--parameter", "--env",
                "--no-demo", "--dynamodb-port", "--sqs-port", "--dynamodb-faults", "--quiet", "--help");
    }
}

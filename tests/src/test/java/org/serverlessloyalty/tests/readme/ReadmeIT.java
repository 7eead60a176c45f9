package org.serverlessloyalty.tests.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * README.md, followed literally: every {@code bash} block, in order, in one bash shell, against a fresh local stack
 * started as a reader starts it (demo store included, any free port), with {@code API} and {@code ADMIN} set from
 * what the stack printed. Every {@code curl} must answer the status the README documents, and the fields the README
 * shows (see {@link ReadmeScript} for the convention). Needs bash and curl; talks only to 127.0.0.1.
 */
class ReadmeIT {

    private static final long TIMEOUT_SECONDS = 300;

    @Test
    void everyReadmeExampleAnswersWhatTheReadmeSays(@TempDir Path work) throws Exception {
        Path root = CloudFormationYaml.repositoryRoot();
        String readme = Files.readString(root.resolve("README.md"));
        requireCommand("bash");
        requireCommand("curl");

        try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().port(0).accessLog(false)
                .templatePath(root.resolve("template.yaml")))) {
            String api = stack.baseUri().toString().replaceAll("/$", "");
            ReadmeScript script = ReadmeScript.parse(readme, api, stack.adminKey());
            assertThat(script.steps()).as("curl examples found in README.md").hasSizeGreaterThan(10);

            Path state = Files.createDirectories(work.resolve("answers"));
            Path file = Files.writeString(work.resolve("readme.sh"), script.bash(state.toString()));
            Path output = work.resolve("output.txt");
            Process bash = new ProcessBuilder("bash", file.toString()).directory(root.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!bash.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                bash.destroyForcibly().waitFor();
                throw new AssertionError("The README's examples did not finish within " + TIMEOUT_SECONDS + " s:\n"
                        + Files.readString(output));
            }

            List<String> failures = new ArrayList<>();
            StringBuilder report = new StringBuilder("README.md examples against ").append(api).append('\n');
            for (ReadmeScript.Step step : script.steps()) {
                String name = String.format("%04d", step.number());
                Path status = state.resolve(name + ".status");
                if (!Files.exists(status)) {
                    failures.add("line " + step.line() + ": not reached: " + firstLine(step.command()));
                    continue;
                }
                String actual = Files.readString(status).strip();
                String body = Files.exists(state.resolve(name + ".body")) ? Files.readString(state.resolve(name + ".body")) : "";
                report.append(String.format("  line %-4d %s (README: %d)  %s%n", step.line(), actual,
                        step.expectedStatus(), firstLine(step.command())));
                if (!actual.equals(Integer.toString(step.expectedStatus()))) {
                    failures.add("line " + step.line() + ": answered " + actual + ", the README says "
                            + step.expectedStatus() + ": " + firstLine(step.command()) + "\n    answer: " + shorten(body));
                    continue; // the fields of a wrong answer are noise
                }
                for (ExpectedAnswer expected : step.expectations()) {
                    List<String> mismatches = expected.mismatches(body);
                    if (!mismatches.isEmpty()) {
                        failures.add("line " + expected.line() + " (answer of line " + step.line() + "): "
                                + String.join("; ", mismatches) + "\n    answer: " + shorten(body));
                    }
                }
            }
            report.append("Skipped (fenced ```bash ").append(ReadmeScript.SKIP_MARKER).append("):\n");
            script.skipped().forEach(s -> report.append(String.format("  line %-4d %s%n", s.line(), s.firstLine())));
            System.out.print(report);

            int exit = bash.exitValue();
            String transcript = tail(Files.readString(output));
            assertThat(failures).as("%s%nbash exit %d, the end of its output:%n%s", report, exit, transcript).isEmpty();
            assertThat(exit).as("bash exit; the end of its output:%n%s", transcript).isZero();
        }
    }

    private static String shorten(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= 400 ? line : line.substring(0, 400) + "...";
    }

    /** The last lines of the script's output, each shortened (a generated-codes answer is 20 kB). */
    private static String tail(String output) {
        List<String> lines = output.lines().map(ReadmeIT::shorten).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String firstLine(String command) {
        return command.lines().findFirst().orElse("").strip();
    }

    private static void requireCommand(String name) throws Exception {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + name).redirectErrorStream(true).start();
        assertThat(which.waitFor()).as("%s is needed to run the README's examples", name).isZero();
    }
}

package org.serverlessloyalty.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaded {@code loyalty-local.jar} running in its own JVM, as a user starts it, so a test can kill it for
 * real: {@link #kill()} is {@code kill -9} (no shutdown hook, nothing flushed). Stdout and stderr go to files, so
 * the functions' logs never block the child on a full pipe.
 */
final class StackProcess implements AutoCloseable {

    private static final Pattern API_LINE = Pattern.compile("(?m)^\\s+API\\s+(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern STORE_KEY_LINE = Pattern.compile("(?m)^\\s+Store API key\\s+(\\S+)");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final String banner;

    private StackProcess(Process process, Path stdout, Path stderr, String banner) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.banner = banner;
    }

    /** The shaded jar, built by {@code package} before failsafe runs. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("loyalty.local.jar", "target/loyalty-local.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("mvn package builds the executable jar; not found: " + jar);
        }
        return jar;
    }

    /** Starts {@code java -jar loyalty-local.jar --port 0 --quiet <args>} in {@code workDir} and waits for its banner. */
    static StackProcess start(Path workDir, String name, List<String> args) throws IOException, InterruptedException {
        Path out = workDir.resolve(name + "-stdout.txt");
        Path err = workDir.resolve(name + "-stderr.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString(), "--port", "0", "--quiet"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(out) ? Files.readString(out) : "";
            if (text.contains("Ctrl-C stops the stack.")) {
                return new StackProcess(process, out, err, text);
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("The stack did not print its banner; stderr:\n" + read(err) + "\nstdout:\n" + read(out));
    }

    URI api() {
        return URI.create(group(API_LINE));
    }

    String storeApiKey() {
        return group(STORE_KEY_LINE);
    }

    String banner() {
        return banner;
    }

    String stderr() {
        return read(stderr);
    }

    /** {@code kill -9}: the JVM gets no chance to run a shutdown hook or flush anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the stack did not die on SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private String group(Pattern pattern) {
        Matcher matcher = pattern.matcher(banner);
        if (!matcher.find()) {
            throw new AssertionError("No " + pattern + " in the banner:\n" + banner);
        }
        return matcher.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

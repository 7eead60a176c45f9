package org.serverlessloyalty.tests.lambdajar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class in a fresh JVM the way Lambda runs a function: the Lambda JVM flags, a
 * classpath of the deployable jar plus that one main class, and only the environment given (the
 * parent's variables do not leak in, except {@code PATH}).
 */
public final class ChildJvm {

    /** What Lambda's Java runtime starts the JVM with (C1 only, serial GC, class data sharing). */
    public static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    /** One stdout line and when the parent read it, in nanoseconds after the spawn. */
    public record Line(long nanosAfterSpawn, String text) {
    }

    public record Run(List<String> command, int exitCode, List<Line> stdout, List<String> stderr, long spawnEpochMs) {

        public Optional<Line> firstLineStartingWith(String prefix) {
            return stdout.stream().filter(l -> l.text().startsWith(prefix)).findFirst();
        }

        public List<String> linesStartingWith(String prefix) {
            return stdout.stream().map(Line::text).filter(t -> t.startsWith(prefix))
                    .map(t -> t.substring(prefix.length())).toList();
        }

        /** Everything the child printed, for failure messages. */
        public String transcript() {
            StringBuilder text = new StringBuilder(String.join(" ", command)).append("\nexit ").append(exitCode)
                    .append("\n--- stdout\n");
            stdout.forEach(l -> text.append(l.text()).append('\n'));
            text.append("--- stderr\n");
            stderr.forEach(l -> text.append(l).append('\n'));
            return text.toString();
        }
    }

    private ChildJvm() {
    }

    public static Run run(Path jar, Class<?> main, List<String> args, Map<String, String> environment, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.add("-cp");
        command.add(jar.toAbsolutePath() + java.io.File.pathSeparator + isolatedClassDir(main));
        command.add(main.getName());
        command.addAll(args);

        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        Optional.ofNullable(System.getenv("PATH")).ifPresent(path -> builder.environment().put("PATH", path));
        builder.environment().putAll(environment);

        List<Line> stdout = Collections.synchronizedList(new ArrayList<>());
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        long spawnEpochMs = System.currentTimeMillis();
        long spawnNanos = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
        Thread out = pump(process.getInputStream(), text -> stdout.add(new Line(System.nanoTime() - spawnNanos, text)));
        Thread err = pump(process.getErrorStream(), stderr::add);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                out.join(1_000);
                err.join(1_000);
                throw new AssertionError("The child JVM did not finish within " + timeout + "\n"
                        + new Run(command, -1, List.copyOf(stdout), List.copyOf(stderr), spawnEpochMs).transcript());
            }
            out.join();
            err.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Run(command, process.exitValue(), List.copyOf(stdout), List.copyOf(stderr), spawnEpochMs);
    }

    private static Thread pump(InputStream stream, java.util.function.Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                sink.accept("<<read failed: " + e + ">>");
            }
        }, "child-jvm-pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * A directory holding {@code main}'s class files alone (with its nested classes), so the child
     * cannot load anything else from test-classes: whatever it needs must come from the jar.
     */
    public static Path isolatedClassDir(Class<?> main) {
        try {
            Path classes = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
            String packagePath = main.getPackageName().replace('.', '/');
            Path target = classes.getParent().resolve("isolated-mains").resolve(main.getSimpleName());
            Path packageDir = Files.createDirectories(target.resolve(packagePath));
            try (Stream<Path> stale = Files.list(packageDir)) {
                for (Path file : stale.toList()) {
                    Files.delete(file);
                }
            }
            String simple = main.getSimpleName();
            try (Stream<Path> files = Files.list(classes.resolve(packagePath))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.equals(simple + ".class") || name.startsWith(simple + "$")) {
                        Files.copy(file, packageDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

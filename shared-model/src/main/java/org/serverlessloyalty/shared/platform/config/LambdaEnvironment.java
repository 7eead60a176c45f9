package org.serverlessloyalty.shared.platform.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The function's environment variables, as template.yaml sets them.
 *
 * <p>On Lambda this is {@link System#getenv()}. The local stack runs every function of the
 * template in one JVM, where each function needs its own variables: it wraps handler
 * construction and every invocation in {@link #runWith}, so handler code reads its configuration
 * the same way in both places.
 */
public final class LambdaEnvironment {

    private static final InheritableThreadLocal<Map<String, String>> OVERRIDE = new InheritableThreadLocal<>();

    private LambdaEnvironment() {
    }

    public static Optional<String> get(String name) {
        Map<String, String> scoped = OVERRIDE.get();
        String value = scoped != null ? scoped.get(name) : System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public static String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException(
                "Environment variable " + name + " is not set; template.yaml declares it for this function"));
    }

    /**
     * The variable that says a function runs on a developer's machine, not on AWS: the local stack sets it, as SAM
     * CLI's local invoke does. Lambda never sets it, and template.yaml must not (TemplateTest).
     */
    public static final String LOCAL_FLAG = "AWS_SAM_LOCAL";

    /** True only where the local stack (or {@code sam local}) runs the function. */
    public static boolean isLocal() {
        return get(LOCAL_FLAG).filter("true"::equalsIgnoreCase).isPresent();
    }

    public static int intValue(String name, int defaultValue) {
        return get(name).map(Integer::parseInt).orElse(defaultValue);
    }

    /** Runs {@code work} with {@code environment} as the only visible variables (local stack and tests). */
    public static <T> T runWith(Map<String, String> environment, Supplier<T> work) {
        Map<String, String> previous = OVERRIDE.get();
        OVERRIDE.set(Map.copyOf(environment));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }
}

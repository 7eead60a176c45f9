package org.serverlessloyalty.local.dynamodb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of real DynamoDB's failures the engine injects, and how often: transaction conflicts, throttling, internal
 * server errors and added latency. Immutable; every method returns a changed copy:
 *
 * <pre>{@code
 * FaultPolicy.none().seed(42).conflictRate(0.1).throttleRate(0.05).internalErrorRate(0.01).latencyMillis(5, 20)
 * FaultPolicy.parse("conflict=0.1,throttle=0.05,internal=0.01,latency=5-20,seed=42")   // the same
 * }</pre>
 *
 * <p>Rates are probabilities per request, in [0, 1]. Each request draws at most one failure: the four failure rates
 * split one draw ({@code internal}, then {@code throttle}, then {@code tx-throttle}, then {@code conflict}), so each
 * kind happens at exactly its rate among the requests it applies to, and together they may not exceed 1. Latency is
 * drawn separately and comes on top. Draws are a pure function of the seed, the operation name and how many requests
 * of that operation came since the policy was set, so one seed gives the same faults for the same sequence of requests.
 *
 * <p>Faults apply only to the data-plane operations ({@link #DATA_OPERATIONS}), never to table management, so a
 * stack can still create its tables; {@link #operations(String...)} narrows them further.
 * {@link #overlapConflicts(boolean) Overlap conflicts} are not random and not narrowed by the operations.
 */
public final class FaultPolicy {

    /** The operations faults can apply to (and that the engine counts in {@link FaultCounts}). */
    public static final Set<String> DATA_OPERATIONS = Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query",
            "Scan", "BatchGetItem", "BatchWriteItem", "TransactWriteItems", "TransactGetItems");

    /** The operations that answer TransactionCanceledException, and so can get the transaction-only faults. */
    public static final Set<String> TRANSACTION_OPERATIONS = Set.of("TransactWriteItems", "TransactGetItems");

    private static final FaultPolicy NONE = new FaultPolicy();
    private static final long MAX_LATENCY_MILLIS = 60_000;

    private long seed;
    private double conflictRate;
    private boolean overlapConflicts;
    private double throttleRate;
    private double transactionThrottleRate;
    private double internalErrorRate;
    private long latencyMinMillis;
    private long latencyMaxMillis;
    private double latencyRate = 1.0;
    private Set<String> operations = DATA_OPERATIONS;

    private FaultPolicy() {
    }

    /** No faults: the engine's default. */
    public static FaultPolicy none() {
        return NONE;
    }

    private FaultPolicy copy() {
        FaultPolicy c = new FaultPolicy();
        c.seed = seed;
        c.conflictRate = conflictRate;
        c.overlapConflicts = overlapConflicts;
        c.throttleRate = throttleRate;
        c.transactionThrottleRate = transactionThrottleRate;
        c.internalErrorRate = internalErrorRate;
        c.latencyMinMillis = latencyMinMillis;
        c.latencyMaxMillis = latencyMaxMillis;
        c.latencyRate = latencyRate;
        c.operations = operations;
        return c;
    }

    /** The seed of every random draw. Default 0. */
    public FaultPolicy seed(long value) {
        FaultPolicy c = copy();
        c.seed = value;
        return c;
    }

    /**
     * The share of TransactWriteItems and TransactGetItems cancelled with {@code TransactionConflict} on one action
     * ({@link FaultKind#TRANSACTION_CONFLICT}), as if another transaction held that item. Real overlap is rare in
     * tests, so this is how a test gets conflicts at a known rate.
     */
    public FaultPolicy conflictRate(double value) {
        FaultPolicy c = copy();
        c.conflictRate = rate("conflict", value);
        return c.checked();
    }

    /**
     * Whether a request that touches an item an in-flight TransactWriteItems holds fails as on AWS
     * ({@link FaultKind#OVERLAP_CONFLICT}). A TransactWriteItems holds its items from when it is parsed until it has
     * committed, including any added latency and any wait for the engine's write lock; the later request loses.
     */
    public FaultPolicy overlapConflicts(boolean value) {
        FaultPolicy c = copy();
        c.overlapConflicts = value;
        return c;
    }

    /** The share of requests throttled ({@link FaultKind#THROTTLING}); the SDK retries these itself. */
    public FaultPolicy throttleRate(double value) {
        FaultPolicy c = copy();
        c.throttleRate = rate("throttle", value);
        return c.checked();
    }

    /** The share of transactions cancelled because one action was throttled ({@link FaultKind#TRANSACTION_THROTTLING}). */
    public FaultPolicy transactionThrottleRate(double value) {
        FaultPolicy c = copy();
        c.transactionThrottleRate = rate("tx-throttle", value);
        return c.checked();
    }

    /** The share of requests answered HTTP 500 InternalServerError before doing anything ({@link FaultKind#INTERNAL_ERROR}). */
    public FaultPolicy internalErrorRate(double value) {
        FaultPolicy c = copy();
        c.internalErrorRate = rate("internal", value);
        return c.checked();
    }

    /** Adds a delay drawn uniformly from [min, max] ms to each request (see {@link #latencyRate(double)}). */
    public FaultPolicy latencyMillis(long min, long max) {
        if (min < 0 || max < min || max > MAX_LATENCY_MILLIS) {
            throw new IllegalArgumentException("latency must be MIN-MAX milliseconds with 0 <= MIN <= MAX <= "
                    + MAX_LATENCY_MILLIS + ", not " + min + "-" + max);
        }
        FaultPolicy c = copy();
        c.latencyMinMillis = min;
        c.latencyMaxMillis = max;
        return c;
    }

    /** The share of requests that get the added latency. Default 1 (every request). */
    public FaultPolicy latencyRate(double value) {
        FaultPolicy c = copy();
        c.latencyRate = rate("latency-rate", value);
        return c;
    }

    /** Restricts the random faults and the latency to these operations (default: every one of {@link #DATA_OPERATIONS}). */
    public FaultPolicy operations(String... names) {
        return operations(Arrays.asList(names));
    }

    /** Restricts the random faults and the latency to these operations (default: every one of {@link #DATA_OPERATIONS}). */
    public FaultPolicy operations(Collection<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("ops must name at least one operation");
        }
        for (String name : names) {
            if (!DATA_OPERATIONS.contains(name)) {
                throw new IllegalArgumentException("ops: " + name + " is not one of " + new TreeSet<>(DATA_OPERATIONS));
            }
        }
        FaultPolicy c = copy();
        c.operations = Set.copyOf(names);
        return c;
    }

    public long seed() {
        return seed;
    }

    public double conflictRate() {
        return conflictRate;
    }

    public boolean overlapConflicts() {
        return overlapConflicts;
    }

    public double throttleRate() {
        return throttleRate;
    }

    public double transactionThrottleRate() {
        return transactionThrottleRate;
    }

    public double internalErrorRate() {
        return internalErrorRate;
    }

    public long latencyMinMillis() {
        return latencyMinMillis;
    }

    public long latencyMaxMillis() {
        return latencyMaxMillis;
    }

    public double latencyRate() {
        return latencyRate;
    }

    public Set<String> operations() {
        return operations;
    }

    /** Whether the random faults and the latency apply to this operation. */
    public boolean appliesTo(String operation) {
        return operations.contains(operation);
    }

    /** True when this policy injects nothing at all. */
    public boolean isNone() {
        return !overlapConflicts && conflictRate == 0 && throttleRate == 0 && transactionThrottleRate == 0
                && internalErrorRate == 0 && (latencyMaxMillis == 0 || latencyRate == 0);
    }

    private static double rate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a rate between 0 and 1, not " + value);
        }
        return value;
    }

    private FaultPolicy checked() {
        double sum = conflictRate + throttleRate + transactionThrottleRate + internalErrorRate;
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("conflict + throttle + tx-throttle + internal must not exceed 1, but is " + sum);
        }
        return this;
    }

    /**
     * Reads the flag form, comma-separated {@code key=value} pairs:
     * {@code conflict=R}, {@code throttle=R}, {@code tx-throttle=R}, {@code internal=R} (rates 0-1),
     * {@code overlap} (or {@code overlap=on|off}), {@code latency=MS} or {@code latency=MIN-MAX},
     * {@code latency-rate=R}, {@code seed=N}, {@code ops=Op1+Op2}. {@code none}, {@code off} or an empty string:
     * no faults. Throws IllegalArgumentException naming every bad pair.
     */
    public static FaultPolicy parse(String spec) {
        FaultPolicy p = NONE;
        if (spec == null) {
            return p;
        }
        List<String> errors = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String pair = raw.trim();
            if (pair.isEmpty() || pair.equalsIgnoreCase("none") || pair.equalsIgnoreCase("off")) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : pair.substring(eq + 1).trim();
            try {
                p = apply(p, key, value);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("bad DynamoDB fault spec '" + spec + "': " + String.join("; ", errors));
        }
        return p;
    }

    private static FaultPolicy apply(FaultPolicy p, String key, String value) {
        if (key.equals("overlap")) {
            if (value == null || value.equalsIgnoreCase("on") || value.equalsIgnoreCase("true")) {
                return p.overlapConflicts(true);
            }
            if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")) {
                return p.overlapConflicts(false);
            }
            throw new IllegalArgumentException("overlap takes on or off, not " + value);
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(key + " needs a value (" + key + "=...)");
        }
        switch (key) {
            case "conflict": return p.conflictRate(number(key, value));
            case "throttle": return p.throttleRate(number(key, value));
            case "tx-throttle": return p.transactionThrottleRate(number(key, value));
            case "internal": return p.internalErrorRate(number(key, value));
            case "latency-rate": return p.latencyRate(number(key, value));
            case "seed":
                try {
                    return p.seed(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("seed must be a whole number, not " + value);
                }
            case "latency": {
                int dash = value.indexOf('-');
                try {
                    long min = Long.parseLong(dash < 0 ? value : value.substring(0, dash).trim());
                    long max = dash < 0 ? min : Long.parseLong(value.substring(dash + 1).trim());
                    return p.latencyMillis(min, max);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("latency must be MS or MIN-MAX milliseconds, not " + value);
                }
            }
            case "ops": return p.operations(Arrays.stream(value.split("\\+")).map(String::trim).toList());
            default:
                throw new IllegalArgumentException("unknown key " + key + " (known: conflict, overlap, throttle, "
                        + "tx-throttle, internal, latency, latency-rate, seed, ops)");
        }
    }

    private static double number(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a rate between 0 and 1, not " + value);
        }
    }

    /** The flag form ({@link #parse} reads it back to an equal policy); {@code none} when nothing is injected. */
    @Override
    public String toString() {
        if (equals(NONE)) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (conflictRate > 0) {
            parts.add("conflict=" + conflictRate);
        }
        if (overlapConflicts) {
            parts.add("overlap");
        }
        if (throttleRate > 0) {
            parts.add("throttle=" + throttleRate);
        }
        if (transactionThrottleRate > 0) {
            parts.add("tx-throttle=" + transactionThrottleRate);
        }
        if (internalErrorRate > 0) {
            parts.add("internal=" + internalErrorRate);
        }
        if (latencyMaxMillis > 0) {
            parts.add("latency=" + (latencyMinMillis == latencyMaxMillis ? "" + latencyMinMillis
                    : latencyMinMillis + "-" + latencyMaxMillis));
        }
        if (latencyRate != 1.0) {
            parts.add("latency-rate=" + latencyRate);
        }
        parts.add("seed=" + seed);
        if (!operations.equals(DATA_OPERATIONS)) {
            parts.add("ops=" + String.join("+", new TreeSet<>(operations)));
        }
        return String.join(",", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultPolicy p && seed == p.seed && conflictRate == p.conflictRate
                && overlapConflicts == p.overlapConflicts && throttleRate == p.throttleRate
                && transactionThrottleRate == p.transactionThrottleRate && internalErrorRate == p.internalErrorRate
                && latencyMinMillis == p.latencyMinMillis && latencyMaxMillis == p.latencyMaxMillis
                && latencyRate == p.latencyRate && operations.equals(p.operations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, conflictRate, overlapConflicts, throttleRate, transactionThrottleRate,
                internalErrorRate, latencyMinMillis, latencyMaxMillis, latencyRate, operations);
    }
}

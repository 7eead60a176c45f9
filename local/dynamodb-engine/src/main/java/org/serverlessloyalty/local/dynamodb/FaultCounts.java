package org.serverlessloyalty.local.dynamodb;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A snapshot of what the engine counted since it started (or since {@link LocalDynamoDb#resetFaultCounts()}): the
 * requests of each data-plane operation, i.e. the SDK's attempts including its retries, and the faults injected per
 * kind and operation. Each THROTTLING or INTERNAL_ERROR the SDK recovered from cost exactly one retry, so a report
 * can say how many retries each fault caused.
 */
public final class FaultCounts {

    private final Map<String, Long> requests;
    private final Map<FaultKind, Map<String, Long>> injected;
    private final Map<String, Long> delayed;
    private final long addedLatencyMillis;

    public FaultCounts(Map<String, Long> requests, Map<FaultKind, Map<String, Long>> injected, Map<String, Long> delayed,
                       long addedLatencyMillis) {
        this.requests = Collections.unmodifiableMap(new TreeMap<>(requests));
        EnumMap<FaultKind, Map<String, Long>> copy = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            copy.put(kind, Collections.unmodifiableMap(new TreeMap<>(injected.getOrDefault(kind, Map.of()))));
        }
        this.injected = Collections.unmodifiableMap(copy);
        this.delayed = Collections.unmodifiableMap(new TreeMap<>(delayed));
        this.addedLatencyMillis = addedLatencyMillis;
    }

    /** Requests (attempts) of one operation. */
    public long requests(String operation) {
        return requests.getOrDefault(operation, 0L);
    }

    /** Requests (attempts) of every data-plane operation. */
    public long requests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests per operation name. */
    public Map<String, Long> requestsByOperation() {
        return requests;
    }

    /** Faults of one kind injected into one operation. */
    public long injected(FaultKind kind, String operation) {
        return injected.get(kind).getOrDefault(operation, 0L);
    }

    /** Faults of one kind, all operations. */
    public long injected(FaultKind kind) {
        return injected.get(kind).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every injected failure (latency is not a failure). */
    public long injected() {
        long sum = 0;
        for (FaultKind kind : FaultKind.values()) {
            sum += injected(kind);
        }
        return sum;
    }

    /** Faults per kind, then per operation. */
    public Map<FaultKind, Map<String, Long>> injectedByKind() {
        return injected;
    }

    /** Requests of one operation that got added latency. */
    public long delayed(String operation) {
        return delayed.getOrDefault(operation, 0L);
    }

    /** Requests that got added latency. */
    public long delayed() {
        return delayed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The latency added to all requests together, in milliseconds. */
    public long addedLatencyMillis() {
        return addedLatencyMillis;
    }

    /** What happened between an earlier snapshot and this one. */
    public FaultCounts minus(FaultCounts earlier) {
        Map<FaultKind, Map<String, Long>> kinds = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            kinds.put(kind, subtract(injected.get(kind), earlier.injected.get(kind)));
        }
        return new FaultCounts(subtract(requests, earlier.requests), kinds, subtract(delayed, earlier.delayed),
                addedLatencyMillis - earlier.addedLatencyMillis);
    }

    private static Map<String, Long> subtract(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new TreeMap<>();
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            long v = a.getOrDefault(k, 0L) - b.getOrDefault(k, 0L);
            if (v != 0) {
                out.put(k, v);
            }
        }
        return out;
    }

    /**
     * One line per operation for a test report, e.g.
     * {@code TransactWriteItems: 130 requests, TRANSACTION_CONFLICT 9, THROTTLING 4, delayed 130}, then the total
     * {@code added latency: 1625 ms}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        TreeSet<String> ops = new TreeSet<>(requests.keySet());
        injected.values().forEach(m -> ops.addAll(m.keySet()));
        ops.addAll(delayed.keySet());
        for (String op : ops) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(op).append(": ").append(requests(op)).append(" requests");
            for (FaultKind kind : FaultKind.values()) {
                long n = injected(kind, op);
                if (n != 0) {
                    sb.append(", ").append(kind).append(' ').append(n);
                }
            }
            if (delayed(op) != 0) {
                sb.append(", delayed ").append(delayed(op));
            }
        }
        if (addedLatencyMillis != 0) {
            sb.append(sb.length() > 0 ? "\n" : "").append("added latency: ").append(addedLatencyMillis).append(" ms");
        }
        return sb.length() == 0 ? "no requests" : sb.toString();
    }
}

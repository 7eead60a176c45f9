package org.serverlessloyalty.local.dynamodb.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.serverlessloyalty.local.dynamodb.FaultCounts;
import org.serverlessloyalty.local.dynamodb.FaultKind;
import org.serverlessloyalty.local.dynamodb.FaultPolicy;
import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.table.PrimaryKey;

/**
 * The engine's fault mode at run time: the current {@link FaultPolicy} (replaceable while requests run), the
 * per-request draws, the items in-flight transactions hold (for overlap conflicts), and the counters.
 *
 * <p>The engine itself serialises every write under one lock, so it has no conflicts of its own; overlap is modelled
 * by letting each TransactWriteItems hold its items from the moment it is parsed until it has committed, which spans
 * its added latency and its wait for the write lock, the window in which AWS would also see two transactions overlap.
 */
public final class Faults {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** An item of a table, as held by an in-flight transaction. */
    record ItemRef(String table, PrimaryKey key) {
    }

    /** What the engine knows about the table a throttled request names. */
    record Target(String table, String index, boolean onDemand) {

        /** The table's billing mode, read under the read lock; an unknown table counts as on-demand. */
        static Target of(Database db, String table, String index) {
            if (table == null) {
                return null;
            }
            var lock = db.readLock();
            lock.lock();
            try {
                var t = db.tableOrNull(table);
                return new Target(table, index, t == null || t.def().billingMode().equals("PAY_PER_REQUEST"));
            } finally {
                lock.unlock();
            }
        }
    }

    private static final class Active {
        final FaultPolicy policy;
        final ConcurrentHashMap<String, AtomicLong> sequences = new ConcurrentHashMap<>();

        Active(FaultPolicy policy) {
            this.policy = policy;
        }
    }

    private volatile Active active = new Active(FaultPolicy.none());
    private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<FaultKind, ConcurrentHashMap<String, LongAdder>> injected = new EnumMap<>(FaultKind.class);
    private final ConcurrentHashMap<String, LongAdder> delayed = new ConcurrentHashMap<>();
    private final LongAdder addedLatencyMillis = new LongAdder();
    private final ConcurrentHashMap<ItemRef, Object> held = new ConcurrentHashMap<>();

    public Faults(FaultPolicy initial) {
        for (FaultKind kind : FaultKind.values()) {
            injected.put(kind, new ConcurrentHashMap<>());
        }
        policy(initial);
    }

    /** Replaces the policy; requests already past their draw keep the old one. Restarts the draw sequences. */
    public void policy(FaultPolicy policy) {
        active = new Active(policy == null ? FaultPolicy.none() : policy);
    }

    public FaultPolicy policy() {
        return active.policy;
    }

    public FaultCounts counts() {
        Map<FaultKind, Map<String, Long>> kinds = new EnumMap<>(FaultKind.class);
        injected.forEach((kind, byOp) -> kinds.put(kind, snapshot(byOp)));
        return new FaultCounts(snapshot(requests), kinds, snapshot(delayed), addedLatencyMillis.sum());
    }

    public void resetCounts() {
        requests.clear();
        injected.values().forEach(Map::clear);
        delayed.clear();
        addedLatencyMillis.reset();
    }

    private static Map<String, Long> snapshot(ConcurrentHashMap<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((op, n) -> {
            long v = n.sum();
            if (v != 0) {
                out.put(op, v);
            }
        });
        return out;
    }

    private static void increment(ConcurrentHashMap<String, LongAdder> counters, String operation) {
        counters.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    void count(FaultKind kind, String operation) {
        increment(injected.get(kind), operation);
    }

    // ------------------------------------------------------------------ draws

    /** Counts the request and draws its fault and latency. Every data-plane request comes through here once. */
    Decision decide(String operation) {
        if (!FaultPolicy.DATA_OPERATIONS.contains(operation)) {
            return Decision.NONE;
        }
        increment(requests, operation);
        Active a = active;
        FaultPolicy p = a.policy;
        if (p.isNone()) {
            return Decision.NONE;
        }
        if (!p.appliesTo(operation)) {
            return new Decision(this, operation, null, 0, 0, p.overlapConflicts());
        }
        long n = a.sequences.computeIfAbsent(operation, k -> new AtomicLong()).getAndIncrement();
        // A pure function of (seed, operation, n): the same seed gives the same faults to the same request sequence,
        // whatever other operations are interleaved and whichever thread serves the request.
        SplittableRandom random = new SplittableRandom(mix(mix(p.seed() ^ operation.hashCode()) + n));
        double failure = random.nextDouble();
        double latencyDraw = random.nextDouble();
        double latencySize = random.nextDouble();
        double pick = random.nextDouble();

        boolean transactional = FaultPolicy.TRANSACTION_OPERATIONS.contains(operation);
        FaultKind kind = null;
        double bound = p.internalErrorRate();
        if (failure < bound) {
            kind = FaultKind.INTERNAL_ERROR;
        } else if (failure < (bound += p.throttleRate())) {
            kind = FaultKind.THROTTLING;
        } else if (failure < (bound += p.transactionThrottleRate())) {
            kind = transactional ? FaultKind.TRANSACTION_THROTTLING : null;
        } else if (failure < bound + p.conflictRate()) {
            kind = transactional ? FaultKind.TRANSACTION_CONFLICT : null;
        }
        long latency = 0;
        if (p.latencyMaxMillis() > 0 && latencyDraw < p.latencyRate()) {
            long span = p.latencyMaxMillis() - p.latencyMinMillis();
            latency = p.latencyMinMillis() + Math.min(span, (long) (latencySize * (span + 1)));
        }
        return new Decision(this, operation, kind, latency, pick, p.overlapConflicts());
    }

    /** SplitMix64's finaliser: spreads nearby inputs (seed 1, 2, 3; request 7, 8) over unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ overlap

    /** The items of an in-flight transaction, held until {@link #release}. */
    static final class Hold {
        private final Object owner = new Object();
        private final List<ItemRef> items = new ArrayList<>();
    }

    /**
     * Holds every item for an in-flight transaction, or, when another transaction holds any of them, holds none and
     * returns the indexes (in {@code items}) of those already held.
     */
    List<Integer> hold(Hold hold, List<ItemRef> items) {
        List<Integer> conflicts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (held.putIfAbsent(items.get(i), hold.owner) == null) {
                hold.items.add(items.get(i));
            } else {
                conflicts.add(i);
            }
        }
        if (!conflicts.isEmpty()) {
            release(hold);
        }
        return conflicts;
    }

    void release(Hold hold) {
        for (ItemRef item : hold.items) {
            held.remove(item, hold.owner);
        }
        hold.items.clear();
    }

    /** The indexes of the items an in-flight transaction holds. */
    List<Integer> heldAmong(List<ItemRef> items) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (held.containsKey(items.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /** A transaction cancelled with {@code code} for the actions at {@code failing} and None for the rest. */
    static ApiException cancellation(int size, List<Integer> failing, String code, String message) {
        ArrayNode reasons = NODES.arrayNode();
        List<String> codes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ObjectNode reason = reasons.addObject();
            if (failing.contains(i)) {
                reason.put("Code", code);
                reason.put("Message", message);
                codes.add(code);
            } else {
                reason.put("Code", "None");
                codes.add("None");
            }
        }
        return ApiException.transactionCanceled(codes, reasons);
    }

    // ------------------------------------------------------------------ one request's draw

    /** The faults drawn for one request. */
    static final class Decision {

        static final Decision NONE = new Decision(null, null, null, 0, 0, false);

        private final Faults faults;
        final String operation;
        final FaultKind kind;
        final long latencyMillis;
        final double pick;
        final boolean overlap;

        Decision(Faults faults, String operation, FaultKind kind, long latencyMillis, double pick, boolean overlap) {
            this.faults = faults;
            this.operation = operation;
            this.kind = kind;
            this.latencyMillis = latencyMillis;
            this.pick = pick;
            this.overlap = overlap;
        }

        /** Sleeps the added latency, if any. */
        void delay() {
            if (latencyMillis <= 0) {
                return;
            }
            increment(faults.delayed, operation);
            faults.addedLatencyMillis.add(latencyMillis);
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Throws the drawn failure, if any, in DynamoDB's shape. {@code actions} is the number of actions of a
         * transaction (0 otherwise); {@code target} the table (and index) the request names, null if none is known.
         */
        void fail(int actions, Target target, String region) {
            if (kind == null) {
                return;
            }
            boolean onDemand = target == null || target.onDemand();
            switch (kind) {
                case INTERNAL_ERROR -> {
                    faults.count(kind, operation);
                    throw ApiException.internal("Internal server error");
                }
                case THROTTLING -> {
                    faults.count(kind, operation);
                    boolean index = target != null && target.index() != null;
                    String resource = target == null ? "arn:aws:dynamodb:" + region + ":" + TableOps.ACCOUNT + ":table/*"
                            : "arn:aws:dynamodb:" + region + ":" + TableOps.ACCOUNT + ":table/" + target.table()
                                    + (index ? "/index/" + target.index() : "");
                    String reason = (index ? "Index" : "Table") + (reads(operation) ? "Read" : "Write")
                            + (onDemand ? "KeyRangeThroughputExceeded" : "ProvisionedThroughputExceeded");
                    throw ApiException.throttling(onDemand, index, reason, resource);
                }
                case TRANSACTION_THROTTLING -> {
                    faults.count(kind, operation);
                    throw cancellation(actions, List.of(picked(actions)),
                            onDemand ? "ThrottlingError" : "ProvisionedThroughputExceeded",
                            ApiException.throttlingMessage(onDemand, false));
                }
                case TRANSACTION_CONFLICT -> {
                    faults.count(kind, operation);
                    throw cancellation(actions, List.of(picked(actions)), "TransactionConflict",
                            ApiException.TRANSACTION_CONFLICT_MESSAGE);
                }
                default -> throw new IllegalStateException("unexpected fault " + kind);
            }
        }

        /** The action a transaction-level fault lands on, drawn with the request's other draws. */
        private int picked(int actions) {
            return Math.min(actions - 1, (int) (pick * actions));
        }

        private static boolean reads(String operation) {
            return switch (operation) {
                case "GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems" -> true;
                default -> false;
            };
        }
    }
}

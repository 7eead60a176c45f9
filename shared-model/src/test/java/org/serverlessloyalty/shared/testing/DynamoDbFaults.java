package org.serverlessloyalty.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Collectors;
import org.serverlessloyalty.local.dynamodb.FaultCounts;
import org.serverlessloyalty.local.dynamodb.FaultKind;
import org.serverlessloyalty.local.dynamodb.FaultPolicy;
import org.serverlessloyalty.local.dynamodb.LocalDynamoDb;

/**
 * The ways a concurrency test runs: without faults, and with the in-process DynamoDB failing as AWS does
 * (local/dynamodb-engine/README.md, "Fault mode"). Every concurrency test runs each way and holds the same
 * invariants; a run reports how many retries each fault caused.
 *
 * <p>Who retries what: a throttled request and a 500 are retried by the SDK (one retry each); a transaction
 * cancelled by a conflict or by throttling inside it ({@code TransactionConflict}, {@code ThrottlingError}) and a
 * single write meeting an overlapping transaction ({@code TransactionConflictException}) come back to the domain
 * service as contention, which reads, plans and executes again ({@code Contention.retry}): one retry each.
 */
public enum DynamoDbFaults {

    NONE("none"),
    /** Random faults on every data operation: conflicts and throttling inside transactions, throttling, 500s. */
    RANDOM("conflict=0.15,tx-throttle=0.1,throttle=0.05,internal=0.05,seed=20261129"),
    /**
     * Real overlaps: a transaction holds its items for a few milliseconds, and whoever touches one of them meanwhile
     * loses, as on AWS; with some throttling and 500s on the writes.
     */
    OVERLAP("overlap,latency=2-6,throttle=0.03,internal=0.03,seed=20261129,ops=TransactWriteItems+PutItem+UpdateItem");

    /** The report file is started afresh by the first run of each test JVM. */
    private static boolean reportStarted;

    private final String spec;

    DynamoDbFaults(String spec) {
        this.spec = spec;
    }

    public FaultPolicy policy() {
        return FaultPolicy.parse(spec);
    }

    public String spec() {
        return spec;
    }

    /** Turns this mode on at once; {@link Run#close} turns faults off again and keeps what happened between. */
    public Run start(LocalDynamoDb engine) {
        return new Run(this, engine);
    }

    /** One stretch of a test under a fault mode, and what the engine counted during it. */
    public static final class Run implements AutoCloseable {

        private final DynamoDbFaults mode;
        private final LocalDynamoDb engine;
        private final FaultCounts before;
        private FaultCounts during;

        private Run(DynamoDbFaults mode, LocalDynamoDb engine) {
            this.mode = mode;
            this.engine = engine;
            this.before = engine.faultCounts();
            engine.faultPolicy(mode.policy());
        }

        @Override
        public void close() {
            if (during == null) {
                engine.faultPolicy(FaultPolicy.none());
                during = engine.faultCounts().minus(before);
            }
        }

        /** What the engine counted while the faults were on (call after {@link #close}). */
        public FaultCounts counts() {
            if (during == null) {
                throw new IllegalStateException("The run is still on");
            }
            return during;
        }

        /** Faults that come back to the domain service as contention: each cost one read-plan-execute retry. */
        public long retriedByTheService() {
            return counts().injected(FaultKind.TRANSACTION_CONFLICT) + counts().injected(FaultKind.TRANSACTION_THROTTLING)
                    + counts().injected(FaultKind.OVERLAP_CONFLICT);
        }

        /** Faults the SDK retries itself: each cost one more attempt of the same request. */
        public long retriedByTheSdk() {
            return counts().injected(FaultKind.THROTTLING) + counts().injected(FaultKind.INTERNAL_ERROR);
        }

        /** The report: how many of each fault, on which operations, and who retried them. */
        public String report(String test) {
            StringBuilder sb = new StringBuilder();
            sb.append(test).append(" [").append(mode).append(": ").append(mode.spec).append("]: ")
                    .append(counts().requests()).append(" DynamoDB requests\n");
            for (FaultKind kind : FaultKind.values()) {
                Map<String, Long> byOperation = counts().injectedByKind().getOrDefault(kind, Map.of());
                long n = byOperation.values().stream().mapToLong(Long::longValue).sum();
                boolean sdk = kind == FaultKind.THROTTLING || kind == FaultKind.INTERNAL_ERROR;
                sb.append(String.format("  %-22s %4d -> %4d retries by %s%s%n", kind, n, n,
                        sdk ? "the SDK" : "the order service (Contention.retry)",
                        byOperation.isEmpty() ? "" : byOperation.entrySet().stream()
                                .filter(e -> e.getValue() != 0)
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ", "  (", ")"))));
            }
            return sb.toString();
        }

        /** Prints the report and appends it to {@code target/dynamodb-fault-retries.txt} of the module under test. */
        public String record(String test) {
            String report = report(test);
            System.out.print(report);
            try {
                Path file = Path.of("target", "dynamodb-fault-retries.txt");
                Files.createDirectories(file.getParent());
                synchronized (DynamoDbFaults.class) {
                    Files.writeString(file, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            reportStarted ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                    reportStarted = true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return report;
        }
    }
}

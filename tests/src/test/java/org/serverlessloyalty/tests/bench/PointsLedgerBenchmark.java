package org.serverlessloyalty.tests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.RequestHash;
import org.serverlessloyalty.shared.platform.idempotency.StoredAnswer;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.CapacityMeter;
import org.serverlessloyalty.shared.testing.LocalTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Figures for the points ledger (issue 9), printed and written to {@code tests/target/benchmarks/points-ledger.txt}:
 * <ul>
 *   <li>the warm latency of a spend through {@link PointsTransfers} and {@link DynamoDbPointsLedger} next to a raw
 *       SDK {@code TransactWriteItems} of the very items that spend writes (same count, same conditions), on the same
 *       in-process engine and client, interleaved call by call;</li>
 *   <li>DynamoDB calls, transaction items and capacity units per add, spend, p2p and status
 *       ({@code ReturnConsumedCapacity=INDEXES} through {@link CapacityMeter});</li>
 *   <li>the spends per second one member's account sustains with 1, 2, 4 and 8 concurrent spenders, all drawing on
 *       the same lot, and how the retries grow.</li>
 * </ul>
 *
 * <p>A measurement, not a test of speed: nothing asserts on time. It fails only when a measured path is broken (a
 * spend refused, a balance other than expected).
 *
 * <pre>mvn -B -q -Pbenchmark -DskipTests -pl tests -am verify -Dit.test=PointsLedgerBenchmark</pre>
 */
class PointsLedgerBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.warmUpSpends", 1_000);
    private static final int PAIRS = Integer.getInteger("benchmark.spends", 3_000);
    private static final int CAPACITY_ACTIONS = Integer.getInteger("benchmark.capacityActions", 50);
    private static final int CONTENTION_SECONDS = Integer.getInteger("benchmark.contentionSeconds", 5);
    private static final List<Integer> SPENDERS = Arrays.stream(System.getProperty("benchmark.spenders", "1,2,4,8")
            .split(",")).map(String::strip).map(Integer::valueOf).toList();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final BigDecimal ONE = BigDecimal.ONE;

    private final Path out = Path.of("target", "benchmarks").toAbsolutePath();
    private final ReportText report = new ReportText();
    private final InMemoryMembers members = new InMemoryMembers();
    private final StoreZone store = new StoreZone(new StoreCode("bench-" + UUID.randomUUID().toString().substring(0, 8)),
            PARIS);
    private LocalTable table;

    @Test
    void printsThePointsLedgerFigures() throws Exception {
        Files.createDirectories(out);
        table = LocalTable.create();
        try {
            header();
            sideBySide();
            capacity();
            contention();
        } finally {
            String text = report.text();
            Files.writeString(out.resolve("points-ledger.txt"), text, StandardCharsets.UTF_8);
            System.out.print(text);
            System.out.flush();
        }
    }

    // ---------------------------------------------------------------- spend next to the raw transaction

    private void sideBySide() {
        TransactionTap tap = new TransactionTap();
        DynamoDbClient plain = client(null);
        DynamoDbClient tapped = client(tap);
        PointsTransfers transfers = transfers(plain);
        String member = member("spender");
        assertDone(transfers.add(store, add(member, "100000000"), Claim.none()));

        // The spend's own transaction, as the adapter sends it: replayed raw with a new spend id each time.
        assertDone(transfers(tapped).spend(store, spend(member), Claim.none()));
        TransactWriteItemsRequest template = tap.last.get();
        QueryRequest accountQuery = tap.lastQuery.get();
        int items = template.transactItems().size();

        long[] spendNanos = new long[PAIRS];
        long[] rawNanos = new long[PAIRS];
        long[] queryNanos = new long[PAIRS];
        long[] bothNanos = new long[PAIRS];
        PointsAccounts accounts = new PointsAccounts(new DynamoDbPointsLedger(plain, table.name(), Clock.systemUTC()),
                Clock.systemUTC());
        for (int i = -WARM_UP; i < PAIRS; i++) {
            long t0 = System.nanoTime();
            assertDone(transfers.spend(store, spend(member), Claim.none()));
            long t1 = System.nanoTime();
            plain.transactWriteItems(withNewSpendId(template));
            long t2 = System.nanoTime();
            accounts.account(store, member);
            long t3 = System.nanoTime();
            plain.query(accountQuery);
            plain.transactWriteItems(withNewSpendId(template));
            long t4 = System.nanoTime();
            if (i >= 0) {
                spendNanos[i] = t1 - t0;
                rawNanos[i] = t2 - t1;
                queryNanos[i] = t3 - t2;
                bothNanos[i] = t4 - t3;
            }
        }
        Percentiles spend = Percentiles.of(spendNanos);
        Percentiles raw = Percentiles.of(rawNanos);
        Percentiles query = Percentiles.of(queryNanos);
        Percentiles both = Percentiles.of(bothNanos);
        BigDecimal expected = new BigDecimal(100_000_000L - 1 - (long) (WARM_UP + PAIRS) * 3);
        assertThat(accounts.status(store, member).points().value()).isEqualByComparingTo(expected);

        report.section("Warm spend next to a raw TransactWriteItems of the same %d items, interleaved, %,d pairs after %,d"
                + " warm-up pairs (ms)", items, PAIRS, WARM_UP);
        report.line("%-58s %8s %8s %8s %8s", "", "p50", "p95", "p99", "max");
        report.line("%-58s %8.3f %8.3f %8.3f %8.3f", "spend (PointsTransfers + DynamoDbPointsLedger)", spend.p50, spend.p95,
                spend.p99, spend.max);
        report.line("%-58s %8.3f %8.3f %8.3f %8.3f", "raw SDK TransactWriteItems, the same items and conditions",
                raw.p50, raw.p95, raw.p99, raw.max);
        report.line("%-58s %8.3f %8.3f %8.3f %8.3f", "  the account Query alone (PointsAccounts.account)", query.p50,
                query.p95, query.p99, query.max);
        report.line("%-58s %8.3f %8.3f %8.3f %8.3f", "raw SDK Query + TransactWriteItems (a spend with a read)",
                both.p50, both.p95, both.p99, both.max);
        report.line("spend p50 / raw TransactWriteItems p50 = %.2f (aim: at most 1.30)", spend.p50 / raw.p50);
        report.line("spend p50 / raw Query + TransactWriteItems p50 = %.2f (a spend that had to read would cost this)",
                spend.p50 / both.p50);
        report.line("One spend, steady state = one TransactWriteItems of %d items, decided on the instance's cached"
                + " account: %s.", items, describe(template));
        report.line("The account Query is sent only for a member not cached, after a refused condition, and before any refusal.");
        report.line("Both on one client (url-connection, the functions' settings) of the in-process engine over loopback;");
        report.line("the member is looked up in memory here (on Lambda: one GetItem of the member, cached per request).");
    }

    // ---------------------------------------------------------------- capacity per action

    private void capacity() {
        CapacityMeter meter = new CapacityMeter();
        DynamoDbClient metered = client(meter);
        PointsTransfers transfers = transfers(metered);
        PointsAccounts accounts = new PointsAccounts(new DynamoDbPointsLedger(metered, table.name(), Clock.systemUTC()),
                Clock.systemUTC());
        Idempotency idempotency = new Idempotency(new DynamoDbIdempotencyStore(metered, table.name()), Clock.systemUTC());

        report.section("DynamoDB per action, ReturnConsumedCapacity=INDEXES, the mean of %d actions each", CAPACITY_ACTIONS);
        report.line("%-44s %6s %6s %7s %7s %7s  %s", "", "calls", "items", "RCU", "WCU", "total", "operations per action");

        List<String> addMembers = new ArrayList<>();
        for (int i = 0; i < CAPACITY_ACTIONS; i++) {
            addMembers.add(member("add-" + i));
        }
        row("add (a new lot)", meter, () -> {
            for (String m : addMembers) {
                assertDone(transfers.add(store, add(m, "100"), Claim.none()));
            }
        });
        row("spend, drawing on one lot", meter, () -> {
            for (String m : addMembers) {
                assertDone(transfers.spend(store, spend(m), Claim.none()));
            }
        });
        List<String> twoLots = new ArrayList<>();
        for (int i = 0; i < CAPACITY_ACTIONS; i++) {
            String m = member("two-" + i);
            assertDone(transfers.add(store, add(m, "1"), Claim.none()));
            assertDone(transfers.add(store, add(m, "100"), Claim.none()));
            twoLots.add(m);
        }
        meter.reset();
        row("spend, drawing on two lots", meter, () -> {
            for (String m : twoLots) {
                assertDone(transfers.spend(store, new SpendPoints(m, new BigDecimal("2"), null, Issuer.ADMIN, null),
                        Claim.none()));
            }
        });
        String receiver = member("receiver");
        meter.reset();
        row("p2p, drawing on one lot (one receiving lot)", meter, () -> {
            for (String m : addMembers) {
                assertDone(transfers.sendAsAdmin(store, m, receiver, ONE, Claim.none()));
            }
        });
        row("status (balance and aggregates)", meter, () -> {
            for (String m : addMembers) {
                accounts.status(store, m);
            }
        });
        AtomicInteger keys = new AtomicInteger();
        row("spend with an Idempotency-Key, first request", meter, () -> {
            for (String m : addMembers) {
                String key = "bench-" + keys.incrementAndGet();
                Idempotency.Result<TransferOutcome> result = idempotency.run(
                        new IdempotencyScope(store.code().value(), "POST /points/transfer/spend"),
                        Optional.of(new IdempotencyKey(key)), RequestHash.of(m, "1"), PointsLedgerBenchmark::render,
                        claim -> transfers.spend(store, spend(m), claim));
                assertThat(result).isInstanceOf(Idempotency.Result.Fresh.class);
            }
        });
        report.line("RCU = Query/GetItem units, WCU = TransactWriteItems/PutItem units, indexes included (transactional");
        report.line("writes count twice on the table, index writes once, as DynamoDB bills them); items = transaction items.");
    }

    private void row(String label, CapacityMeter meter, Runnable actions) {
        meter.reset();
        actions.run();
        List<CapacityMeter.Call> calls = meter.calls();
        double n = CAPACITY_ACTIONS;
        double items = calls.stream().mapToInt(CapacityMeter.Call::items).sum();
        double read = calls.stream().mapToDouble(CapacityMeter.Call::readUnits).sum();
        double write = calls.stream().mapToDouble(CapacityMeter.Call::writeUnits).sum();
        Map<String, Integer> operations = new LinkedHashMap<>();
        calls.forEach(c -> operations.merge(c.operation(), 1, Integer::sum));
        StringBuilder ops = new StringBuilder();
        operations.forEach((op, count) -> ops.append(ops.isEmpty() ? "" : ", ").append(op).append(" x")
                .append(ReportText.fmt("%.2f", count / n)));
        long transactions = calls.stream().filter(c -> c.operation().equals("TransactWriteItems")).count();
        report.line("%-44s %6.2f %6.2f %7.2f %7.2f %7.2f  %s", label, calls.size() / n,
                transactions == 0 ? 0 : items / transactions, read / n, write / n, (read + write) / n, ops);
    }

    // ---------------------------------------------------------------- one account under contention

    private void contention() throws Exception {
        TransactionTap tap = new TransactionTap();
        DynamoDbClient client = client(tap);
        PointsTransfers transfers = transfers(client);
        report.section("One member's account under contention: N spenders, spends of 1 point back to back for %d s, all"
                + " drawing on the same lot", CONTENTION_SECONDS);
        report.line("%-10s %10s %10s %14s %12s %9s %9s %9s", "spenders", "spends", "spends/s", "transactions",
                "conflicted", "p50 ms", "p95 ms", "p99 ms");
        for (int spenders : SPENDERS) {
            String member = member("hot-" + spenders);
            assertDone(transfers.add(store, add(member, "100000000"), Claim.none()));
            for (int i = 0; i < 200; i++) {
                assertDone(transfers.spend(store, spend(member), Claim.none()));
            }
            tap.reset();
            ExecutorService pool = Executors.newFixedThreadPool(spenders);
            CountDownLatch go = new CountDownLatch(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONTENTION_SECONDS);
            List<Future<long[]>> results = new ArrayList<>();
            AtomicLong gaveUp = new AtomicLong();
            for (int s = 0; s < spenders; s++) {
                results.add(pool.submit(() -> {
                    go.await();
                    List<Long> nanos = new ArrayList<>();
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            assertDone(transfers.spend(store, spend(member), Claim.none()));
                            nanos.add(System.nanoTime() - t0);
                        } catch (Contention.ContendedException e) {
                            gaveUp.incrementAndGet();
                        }
                    }
                    return nanos.stream().mapToLong(Long::longValue).toArray();
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : results) {
                all.add(f.get(CONTENTION_SECONDS + 120L, TimeUnit.SECONDS));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            long[] nanos = all.stream().flatMapToLong(Arrays::stream).toArray();
            Percentiles p = Percentiles.of(nanos);
            assertThat(new PointsAccounts(new DynamoDbPointsLedger(client, table.name(), Clock.systemUTC()),
                    Clock.systemUTC()).status(store, member).points().value())
                    .isEqualByComparingTo(new BigDecimal(100_000_000L - 200 - nanos.length));
            report.line("%-10d %10d %10.0f %14d %12d %9.2f %9.2f %9.2f%s", spenders, nanos.length, nanos.length / seconds,
                    tap.calls.get(), tap.failures.get(), p.p50, p.p95, p.p99,
                    gaveUp.get() == 0 ? "" : ReportText.fmt("   (%d gave up after %d attempts)", gaveUp.get(),
                            PointsTransfers.MAX_ATTEMPTS));
        }
        report.line("transactions = TransactWriteItems sent; conflicted = those cancelled (the lot changed since it was");
        report.line("read, or TransactionConflict); each is followed by a new read and decision after a jittered pause.");
        report.line("The lot's condition is available >= :x, not 'unchanged since read': concurrent spends that the lot");
        report.line("covers all commit. The engine applies transactions one at a time and never answers TransactionConflict.");
    }

    // ---------------------------------------------------------------- helpers

    private PointsTransfers transfers(DynamoDbClient client) {
        return new PointsTransfers(new DynamoDbPointsLedger(client, table.name(), Clock.systemUTC()), members,
                s -> PointsSettings.DEFAULTS, Clock.systemUTC());
    }

    private String member(String name) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        members.add(store.code(), id);
        return id;
    }

    private static AddPoints add(String member, String points) {
        return new AddPoints(member, new BigDecimal(points), null, Issuer.ADMIN, null);
    }

    private static SpendPoints spend(String member) {
        return new SpendPoints(member, ONE, null, Issuer.ADMIN, null);
    }

    private static void assertDone(TransferOutcome outcome) {
        assertThat(outcome).isInstanceOf(TransferOutcome.Done.class);
    }

    private static StoredAnswer render(TransferOutcome outcome) {
        return new StoredAnswer(200, outcome instanceof TransferOutcome.Done d
                ? "{\"pointsTransferId\":\"" + d.id() + "\"}" : "{}");
    }

    private DynamoDbClient client(ExecutionInterceptor interceptor) {
        var builder = DynamoDbClient.builder()
                .endpointOverride(table.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create());
        if (interceptor != null) {
            builder.overrideConfiguration(o -> o.addExecutionInterceptor(interceptor));
        }
        return builder.build();
    }

    /** The spend's transaction again, as a new spend: its Put gets a fresh transfer id (key, index key, attribute). */
    private static TransactWriteItemsRequest withNewSpendId(TransactWriteItemsRequest template) {
        String id = TransferId.newAt(java.time.Instant.now()).value();
        List<TransactWriteItem> items = new ArrayList<>();
        for (TransactWriteItem item : template.transactItems()) {
            if (item.put() == null) {
                items.add(item);
                continue;
            }
            Map<String, AttributeValue> put = new HashMap<>(item.put().item());
            put.put("sk", AttributeValue.fromS("PT#S#" + id));
            put.put("gsi1sk", AttributeValue.fromS(id));
            put.put("transferId", AttributeValue.fromS(id));
            Put replaced = item.put().toBuilder().item(put).build();
            items.add(item.toBuilder().put(replaced).build());
        }
        return template.toBuilder().transactItems(items).build();
    }

    private static String describe(TransactWriteItemsRequest request) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (TransactWriteItem item : request.transactItems()) {
            String kind;
            if (item.put() != null) {
                kind = "Put " + item.put().item().get("sk").s().substring(0, 5) + "… (the spend, attribute_not_exists)";
            } else if (item.conditionCheck() != null) {
                kind = "ConditionCheck of the account version (= the version decided on)";
            } else if (item.update() != null && item.update().key().get("sk").s().startsWith("PT#L#")) {
                kind = "Update of the lot (available >= :x, counts at :t)";
            } else {
                kind = "Update of a histogram counter (ADD)";
            }
            kinds.merge(kind, 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder();
        kinds.forEach((k, v) -> text.append(text.isEmpty() ? "" : "; ").append(v).append(" x ").append(k));
        return text.toString();
    }

    /** Records the last TransactWriteItems request, and counts them and those that failed. */
    private static final class TransactionTap implements ExecutionInterceptor {
        final AtomicReference<TransactWriteItemsRequest> last = new AtomicReference<>();
        final AtomicReference<QueryRequest> lastQuery = new AtomicReference<>();
        final AtomicLong calls = new AtomicLong();
        final AtomicLong failures = new AtomicLong();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof TransactWriteItemsRequest t) {
                last.set(t);
                calls.incrementAndGet();
            } else if (request instanceof QueryRequest q) {
                lastQuery.set(q);
            }
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof TransactWriteItemsRequest) {
                failures.incrementAndGet();
            }
        }

        void reset() {
            calls.set(0);
            failures.set(0);
        }
    }

    /** Nearest-rank percentiles, in milliseconds. */
    private record Percentiles(double p50, double p95, double p99, double max) {
        static Percentiles of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Percentiles(ms(rank(sorted, 0.50)), ms(rank(sorted, 0.95)), ms(rank(sorted, 0.99)),
                    ms(sorted[sorted.length - 1]));
        }

        private static long rank(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    private void header() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        List<String> jvmFlags = runtime.getInputArguments().stream().filter(a -> a.startsWith("-X")).toList();
        report.line("serverless-loyalty benchmark: points ledger (issue 9)");
        report.line("date        %s", ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        report.line("JDK         %s %s (%s)", System.getProperty("java.vm.name"), Runtime.version(),
                System.getProperty("java.vendor"));
        report.line("machine     %d CPUs, %s %s, load average %.2f at start", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.line("this JVM    %s", String.join(" ", jvmFlags));
        report.line("engine      the in-process DynamoDB engine (local/dynamodb-engine) in this JVM, over loopback HTTP");
        report.line("settings    Open Loyalty's defaults: expire 90 days after, no lock");
    }
}

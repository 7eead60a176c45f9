package org.serverlessloyalty.tests.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.orders.consumer.OrderConsumerHandler;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbCampaignRepository;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbPurchaseStore;
import org.serverlessloyalty.shared.campaign.port.CouponEvents;
import org.serverlessloyalty.shared.earning.dynamodb.DynamoDbEarningRuleRepository;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelSettings;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.ApplyResult;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.Redemption;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.order.service.MemberEnrolment;
import org.serverlessloyalty.shared.order.service.OrderPoints;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbMemberRepository;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsSettings;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.points.service.PointsSettingsCache;
import org.serverlessloyalty.shared.referral.dynamodb.DynamoDbInvitations;
import org.serverlessloyalty.shared.segment.dynamodb.DynamoDbSegmentRepository;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.shared.testing.OrderLedgers;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionRepository;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionSettings;
import org.serverlessloyalty.shared.transaction.service.LoyaltyServices;
import org.serverlessloyalty.shared.transaction.service.TransactionSettingsCache;
import org.serverlessloyalty.shared.transaction.service.Transactions;
import org.serverlessloyalty.tests.orders.OrderStack;
import org.serverlessloyalty.tests.template.CloudFormationYaml;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Figures for the order pipeline (issue 3), printed as a table and written to
 * {@code tests/target/benchmarks/order-pipeline.txt}:
 * <ul>
 *   <li>orders per second the API accepts (202 once in SQS) with N concurrent HTTP clients posting CibleR
 *       orders to the local stack started from template.yaml, and per second the consumer (run from the
 *       template's SQS event) applies, i.e. until the order queue is empty with every order recorded;</li>
 *   <li>the consumer alone: the same orders put straight on the queue (SendMessageBatch) and applied;</li>
 *   <li>DynamoDB calls and capacity units per applied order ({@code ReturnConsumedCapacity=TOTAL} on every
 *       request), with no code, one code, and the other ledger paths.</li>
 * </ul>
 *
 * <p>A measurement, not a test of speed: nothing asserts on time. It fails only when a measured path is
 * broken (an order not answered 202, an order not applied, a code's usedCount off): a figure for a broken
 * path is worthless.
 *
 * <pre>mvn -B -q -Pbenchmark -DskipTests -pl tests -am verify -Dit.test=OrderPipelineBenchmark</pre>
 */
class OrderPipelineBenchmark {

    private static final int ORDERS = Integer.getInteger("benchmark.orders", 2_000);
    /** Concurrent HTTP clients, one series (no code, one code) per value. */
    private static final List<Integer> CLIENTS = java.util.Arrays.stream(System.getProperty("benchmark.clients", "1,16")
            .split(",")).map(String::strip).map(Integer::valueOf).toList();
    private static final int WARM_UP = Integer.getInteger("benchmark.warmUpOrders", 300);
    private static final int CAPACITY_ORDERS = Integer.getInteger("benchmark.capacityOrders", 300);
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final Path out = Path.of("target", "benchmarks").toAbsolutePath();
    private final ReportText report = new ReportText();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LocalStack stack;
    private OrderLedger reader;
    /** Orders the consumer applied from the queue (HTTP series, warm-up, direct sends). */
    private long appliedThroughQueue;
    private long postedOverHttp;
    private long nextOrderId = 800_000_000_000L + (System.currentTimeMillis() % 1_000_000) * 1_000;

    @Test
    void printsTheOrderPipelineFigures() throws Exception {
        Files.createDirectories(out);
        // The functions print a JSON log line per order and an EMF metric line per order; on Lambda stdout
        // goes to the log agent. Here it goes to a file, and the report to the console at the end.
        PrintStream console = System.out;
        try (PrintStream functionsOut = new PrintStream(new BufferedOutputStream(
                new FileOutputStream(out.resolve("order-functions-stdout.log").toFile()), 8192), true, StandardCharsets.UTF_8)) {
            System.setOut(functionsOut);
            stack = LocalStack.start(LocalStack.Options.defaults()
                    .port(0)
                    .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                    .adminKey("benchmark-admin-key")
                    .seedDemo(false)
                    .accessLog(false));
            try {
                reader = OrderLedgers.onDynamoDb(stack.dynamoDbClient(), stack.tableName("LoyaltyTable"), Clock.systemUTC());
                header();
                throughput();
                functionsOut.flush();
                stdoutPerOrder(out.resolve("order-functions-stdout.log"));
                capacity();
                // issue 10: h10-tx
                earning();
            } finally {
                stack.close();
            }
        } finally {
            System.setOut(console);
            String text = report.text();
            Files.writeString(out.resolve("order-pipeline.txt"), text, StandardCharsets.UTF_8);
            System.out.print(text);
            System.out.flush();
        }
    }

    // ---------------------------------------------------------------- throughput over HTTP

    private record Shop(String code, String apiKey) {
    }

    private record Run(int orders, double acceptSeconds, double applySeconds, Latency post) {

        double acceptedPerSecond() {
            return orders / acceptSeconds;
        }

        double appliedPerSecond() {
            return orders / applySeconds;
        }
    }

    private void throughput() throws Exception {
        Shop shop = createStore("bench-" + Long.toString(System.nanoTime(), 36));
        createCode(shop, "BENCHONE");
        createCode(shop, "WARMUP");

        // Warm-up: the handlers, the engines and the JIT; not measured.
        List<String> warmIds = new ArrayList<>();
        httpRun(shop, WARM_UP, "WARMUP", warmIds, CLIENTS.get(CLIENTS.size() - 1));
        requireUsedCount(shop, "WARMUP", WARM_UP);

        Map<String, Run> runs = new LinkedHashMap<>();
        long withCode = 0;
        for (int clients : CLIENTS) {
            List<String> noCodeIds = new ArrayList<>();
            runs.put(clients + " client" + (clients == 1 ? ", " : "s, ") + "no code", httpRun(shop, ORDERS, null, noCodeIds, clients));
            requireRecorded(shop, noCodeIds, null);

            List<String> oneCodeIds = new ArrayList<>();
            runs.put(clients + " client" + (clients == 1 ? ", " : "s, ") + "one code", httpRun(shop, ORDERS, "BENCHONE", oneCodeIds, clients));
            withCode += ORDERS;
            requireUsedCount(shop, "BENCHONE", withCode);
            requireRecorded(shop, oneCodeIds, "BENCHONE");
        }

        List<String> directIds = new ArrayList<>();
        Run direct = directRun(shop, ORDERS, directIds);
        requireRecorded(shop, directIds, null);

        List<String> singleIds = new ArrayList<>();
        Latency send = singleSends(shop, WARM_UP, singleIds);
        awaitQueueEmpty();
        requireRecorded(shop, singleIds, null);

        report.section("Orders through the local stack: POST /api/campaignBehaviors/order/{customerId}, %,d CibleR orders per series, after %,d warm-up orders",
                ORDERS, WARM_UP);
        report.line("%-36s %11s %11s %11s %9s %9s %9s %9s", "", "accepted/s", "applied/s", "lag (s)", "POST p50", "p90", "p99", "max");
        runs.forEach(this::runRow);
        report.line("%-36s %11s %11.0f %11.1f", "consumer alone (no HTTP), no code", "-", direct.appliedPerSecond(),
                direct.applySeconds() - direct.acceptSeconds());
        report.line("%-36s %11s %11s %11s %9.1f %9.1f %9.1f %9.1f", "raw SendMessageBatch, 1 order", "-", "-", "-",
                send.p50() / 1000, send.p90() / 1000, send.p99() / 1000, send.max() / 1000);
        report.line("accepted/s = orders / time from the first POST to the last 202 (each 202 = the message is in SQS).");
        report.line("applied/s  = orders / time from the first POST until the order queue is empty: every message handed");
        report.line("             to the consumer and deleted after it returned. Then every order is checked in the ledger");
        report.line("             (and the code's usedCount). lag = from the last 202 to the queue empty.");
        report.line("POST latency in ms as the client sees it. Clients post back to back; each order has its own shopper,");
        report.line("so its own message group. One code = the same unlimited code in every order (one hot item).");
        report.line("Consumer alone = the same reports sent to the queue with SendMessageBatch (%,d sent in %.2f s), from", ORDERS,
                direct.acceptSeconds());
        report.line("the first send until the queue is empty. Raw SendMessageBatch = what the API does per order (one");
        report.line("SendMessageBatch of one entry to ElasticMQ), timed alone on the stack's own SQS client, %,d calls.", WARM_UP);
    }

    /** Posts {@code orders} CibleR orders from CLIENTS threads; returns when the queue is empty again. */
    private Run httpRun(Shop shop, int orders, String code, List<String> orderIds, int clientCount) throws InterruptedException {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String orderId = Long.toString(nextOrderId++);
            orderIds.add(orderId);
            bodies.add((code == null
                    ? OrderStack.ciblerBody(shop.apiKey(), orderId, "shopper-" + orderId)
                    : OrderStack.ciblerBody(shop.apiKey(), orderId, "shopper-" + orderId, code)).toString());
        }
        URI uri = stack.baseUri().resolve("/api/campaignBehaviors/order/" + shop.code());
        long[] nanos = new long[orders];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clientCount; c++) {
            Thread client = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < orders && failure.get() == null; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        nanos[i] = System.nanoTime() - t0;
                        if (response.statusCode() != 202) {
                            failure.compareAndSet(null, "order " + i + ": " + response.statusCode() + " " + response.body());
                        }
                    } catch (IOException | InterruptedException e) {
                        failure.compareAndSet(null, "order " + i + ": " + e);
                    }
                }
            }, "order-client-" + c);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        long accepted = System.nanoTime();
        postedOverHttp += orders;
        appliedThroughQueue += orders;
        require(failure.get() == null, "a POST was not accepted: " + failure.get());
        awaitQueueEmpty();
        long applied = System.nanoTime();
        return new Run(orders, seconds(accepted - started), seconds(applied - started), Latency.ofNanos(nanos));
    }

    /** The consumer alone: the same kind of reports sent straight to the order queue, ten per SendMessageBatch. */
    private Run directRun(Shop shop, int orders, List<String> orderIds) {
        String queueUrl = stack.queueUrl("OrderQueue");
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String orderId = Long.toString(nextOrderId++);
            orderIds.add(orderId);
            OrderReport r = report(new StoreCode(shop.code()), orderId, "shopper-" + orderId, OrderStatus.PAID, null);
            entries.add(SendMessageBatchRequestEntry.builder().id("m" + (i % 10))
                    .messageGroupId(shop.code() + "#" + r.customerGuid())
                    .messageDeduplicationId(OrderReportJson.contentHash(r))
                    .messageBody(OrderReportJson.write(r)).build());
        }
        long started = System.nanoTime();
        for (int from = 0; from < entries.size(); from += 10) {
            var chunk = entries.subList(from, Math.min(entries.size(), from + 10));
            var sent = stack.sqsClient().sendMessageBatch(b -> b.queueUrl(queueUrl).entries(chunk));
            require(sent.failed().isEmpty(), "SendMessageBatch refused " + sent.failed());
        }
        long sentAll = System.nanoTime();
        appliedThroughQueue += orders;
        awaitQueueEmpty();
        long applied = System.nanoTime();
        return new Run(orders, seconds(sentAll - started), seconds(applied - started), null);
    }

    /** What the API does for each order, alone: one SendMessageBatch of one message, one after the other. */
    private Latency singleSends(Shop shop, int orders, List<String> orderIds) {
        String queueUrl = stack.queueUrl("OrderQueue");
        long[] nanos = new long[orders];
        for (int i = 0; i < orders; i++) {
            String orderId = Long.toString(nextOrderId++);
            orderIds.add(orderId);
            OrderReport r = report(new StoreCode(shop.code()), orderId, "shopper-" + orderId, OrderStatus.PAID, null);
            SendMessageBatchRequestEntry entry = SendMessageBatchRequestEntry.builder().id("m0")
                    .messageGroupId(shop.code() + "#" + r.customerGuid())
                    .messageDeduplicationId(OrderReportJson.contentHash(r))
                    .messageBody(OrderReportJson.write(r)).build();
            appliedThroughQueue++;
            long t0 = System.nanoTime();
            var sent = stack.sqsClient().sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entry));
            nanos[i] = System.nanoTime() - t0;
            require(sent.failed().isEmpty(), "SendMessageBatch refused " + sent.failed());
        }
        return Latency.ofNanos(nanos);
    }

    /** What the functions printed (Lambda would ship it to CloudWatch Logs), per order. */
    private void stdoutPerOrder(Path log) throws IOException {
        long bytes = Files.size(log);
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        long emf = lines.stream().filter(l -> l.startsWith("{\"_aws\"")).count();
        long applied = lines.stream().filter(l -> l.contains("\"message\":\"Order applied\"")).count();
        require(applied == appliedThroughQueue, applied + " \"Order applied\" log lines for " + appliedThroughQueue + " orders");
        report.line("stdout of the functions: %,d lines, %,d bytes for %,d orders posted and %,d applied: per order posted and",
                lines.size(), bytes, postedOverHttp, appliedThroughQueue);
        report.line("applied about %.1f lines (%.0f bytes): %,d EMF metric lines (OrdersQueued, OrdersApplied), %,d \"Order applied\" log lines.",
                lines.size() / (double) appliedThroughQueue, bytes / (double) appliedThroughQueue, emf, applied);
    }

    private void awaitQueueEmpty() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int zeros = 0;
        while (zeros < 2) {
            Map<QueueAttributeName, String> attributes = stack.sqsClient().getQueueAttributes(b -> b
                    .queueUrl(stack.queueUrl("OrderQueue"))
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            long left = attributes.values().stream().mapToLong(Long::parseLong).sum();
            zeros = left == 0 ? zeros + 1 : 0;
            require(System.nanoTime() < deadline, "the order queue still holds " + left + " messages after " + PATIENCE);
            pause(zeros == 0 ? 20 : 5);
        }
    }

    // ---------------------------------------------------------------- capacity per applied order

    private record Row(String name, int orders, List<CapacityRecorder.Call> calls, Map<String, Integer> failures) {

        double units(java.util.function.Predicate<String> operation) {
            return calls.stream().filter(c -> operation.test(c.operation())).mapToDouble(CapacityRecorder.Call::capacityUnits).sum() / orders;
        }
    }

    private static boolean isRead(String operation) {
        return operation.equals("GetItem") || operation.equals("Query") || operation.equals("BatchGetItem")
                || operation.equals("TransactGetItems") || operation.equals("Scan");
    }

    private void capacity() {
        CapacityRecorder recorder = new CapacityRecorder();
        OrderFailedCalls failed = new OrderFailedCalls();
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(stack.dynamoDbEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder).addExecutionInterceptor(failed))
                .build()) {
            OrderLedger ledger = OrderLedgers.onDynamoDb(client, stack.tableName("LoyaltyTable"), Clock.systemUTC());
            Shop shop = createStore("cap-" + Long.toString(System.nanoTime(), 36));
            StoreCode store = new StoreCode(shop.code());
            createCode(shop, "CAPONE");
            createCode(shop, "CAPLIMIT", Map.of("perCustomerLimit", 1));
            createCode(shop, "CAPGONE", Map.of("numberOfUsage", 1));
            createCode(shop, "CAPWARM");

            // Warm-up on the same client (connections, JIT), not recorded.
            for (int i = 0; i < 50; i++) {
                apply(ledger, report(store, Long.toString(nextOrderId++), "warm-" + i, OrderStatus.PAID, "CAPWARM"), ApplyResult.RECORDED);
            }
            apply(ledger, report(store, Long.toString(nextOrderId++), "first", OrderStatus.PAID, "CAPGONE"), ApplyResult.RECORDED);
            recorder.drain();
            failed.drain();

            List<Row> rows = new ArrayList<>();
            List<OrderReport> paidWithCode = new ArrayList<>();
            rows.add(measure("PAID, no code", recorder, failed, i ->
                    apply(ledger, report(store, id(), "c-" + i, OrderStatus.PAID, null), ApplyResult.RECORDED)));
            rows.add(measure("PAID, one code (APPLIED)", recorder, failed, i -> {
                OrderReport r = report(store, id(), "c-" + i, OrderStatus.PAID, "CAPONE");
                paidWithCode.add(r);
                apply(ledger, r, ApplyResult.RECORDED);
            }));
            rows.add(measure("PAID, one code with perCustomerLimit", recorder, failed, i ->
                    apply(ledger, report(store, id(), "c-" + i, OrderStatus.PAID, "CAPLIMIT"), ApplyResult.RECORDED)));
            List<String> conflicts = new ArrayList<>();
            rows.add(measure("PAID, one code used up (CONFLICT)", recorder, failed, i -> {
                OrderReport r = report(store, id(), "c-" + i, OrderStatus.PAID, "CAPGONE");
                conflicts.add(r.orderId());
                apply(ledger, r, ApplyResult.RECORDED);
            }));
            rows.add(measure("the same PAID order again (UNCHANGED)", recorder, failed, i ->
                    apply(ledger, paidWithCode.get(i), ApplyResult.UNCHANGED)));
            rows.add(measure("CANCELLED after PAID, one code (RELEASED)", recorder, failed, i -> {
                OrderReport paid = paidWithCode.get(i);
                apply(ledger, new OrderReport(paid.store(), paid.orderId(), paid.source(), OrderStatus.CANCELLED,
                        paid.customerGuid(), paid.orderDate(), paid.totalSpent(), paid.taxes(), paid.shippingCost(),
                        paid.discountAmount(), paid.giftCodes(), paid.lines(), paid.attributes()), ApplyResult.RELEASED);
            }));
            requireUsedCount(shop, "CAPONE", 0);
            requireUsedCount(shop, "CAPLIMIT", CAPACITY_ORDERS);
            requireUsedCount(shop, "CAPGONE", 1);
            for (String orderId : conflicts) {
                var redemptions = reader.find(store, orderId).orElseThrow().redemptions();
                require(redemptions.size() == 1 && redemptions.get(0).outcome() == Redemption.Outcome.CONFLICT
                        && "USAGE_EXHAUSTED".equals(String.valueOf(redemptions.get(0).reason())),
                        "order " + orderId + " of the CONFLICT row: " + redemptions);
            }

            report.section("DynamoDB per applied order: OrderApplication.apply on the stack's table, ReturnConsumedCapacity=TOTAL, %d orders per row",
                    CAPACITY_ORDERS);
            report.line("%-42s %7s %7s %7s %8s  %s", "", "calls", "RCU", "WCU", "total", "operations per order");
            for (Row row : rows) {
                double reads = row.units(OrderPipelineBenchmark::isRead);
                double all = row.units(op -> true);
                report.line("%-42s %7.2f %7.2f %7.2f %8.2f  %s", row.name(), row.calls().size() / (double) row.orders(), reads,
                        all - reads, all, CapacityRecorder.describe(row.calls(), row.orders()));
                if (!row.failures().isEmpty()) {
                    StringBuilder text = new StringBuilder();
                    row.failures().forEach((what, count) -> text.append(text.length() == 0 ? "" : ", ").append(what)
                            .append(" x").append(ReportText.fmt("%.2f", count / (double) row.orders())));
                    report.line("%-42s %7s  + failed calls per order, not in the figures: %s", "", "", text);
                }
            }
            report.line("RCU = GetItem/Query units, WCU = TransactWriteItems/PutItem units (transactional writes count twice,");
            report.line("as DynamoDB bills them); items are under 1 KB. Calls that ended in an exception (a cancelled");
            report.line("transaction) return no ConsumedCapacity and are listed apart. CONFLICT row: the code had");
            report.line("numberOfUsage 1, taken before the row; its redemption is recorded as CONFLICT USAGE_EXHAUSTED.");
        }
    }


    // ---------------------------------------------------------------- issue 10: orders earn points

    /**
     * issue 10: h10-tx. The order consumer as its no-arg constructor wires it for points (transactions, the points
     * ledger, members, the earning rules), on {@code client}: shoppers found by their shop id earn the order's
     * reported points (the store's orderPointsSource is {@code reported}, so a lot is written per order).
     */
    private OrderPoints orderPoints(DynamoDbClient client) {
        String table = stack.tableName("LoyaltyTable");
        Clock clock = Clock.systemUTC();
        Duration ttl = Duration.ofSeconds(30);
        // The services the order consumer builds (LoyaltyServices): rules, levels recalculated, events.
        LoyaltyServices loyalty = new LoyaltyServices(new LoyaltyServices.Ports(
                new StoreAccess(new DynamoDbStoreRepository(client, table), ttl, clock),
                new DynamoDbMemberRepository(client, table), new DynamoDbPointsLedger(client, table, clock),
                new PointsSettingsCache(new DynamoDbPointsSettings(client, table), ttl, clock),
                new DynamoDbIdempotencyStore(client, table), new DynamoDbEarningRuleRepository(client, table, clock),
                new DynamoDbInvitations(client, table), new DynamoDbLevelRepository(client, table),
                new DynamoDbLevelSettings(client, table), new DynamoDbSegmentRepository(client, table),
                new DynamoDbTransactionRepository(client, table),
                new TransactionSettingsCache(new DynamoDbTransactionSettings(client, table), ttl, clock), ttl,
                new LoyaltyServices.RewardCampaigns(new DynamoDbCampaignRepository(client, table, clock),
                        new DynamoDbPurchaseStore(client, table, clock), CouponEvents.NONE, BusinessMetrics.NONE)),
                clock);
        MemberDirectory members = loyalty.directory();
        Transactions transactions = loyalty.transactions();
        return new OrderPoints(transactions, new MemberEnrolment(members), clock);
    }

    private String member(Shop shop, String externalId) {
        var registered = new MemberDirectory(new DynamoDbMemberRepository(stack.dynamoDbClient(),
                stack.tableName("LoyaltyTable")), Clock.systemUTC()).register(new StoreCode(shop.code()),
                new MemberProfile("Bench", "Member", null, externalId + "@example.com", null, null, null, null, null,
                        externalId, List.of(), false, false, false), null, java.util.Optional.empty());
        return ((MemberDirectory.Registration.Registered) registered).member().memberId();
    }

    private static OrderReport earningReport(StoreCode store, String orderId, String customer) {
        return new OrderReport(store, orderId, OrderSource.CIBLER, OrderStatus.PAID, customer, null,
                new BigDecimal("150"), new BigDecimal("20"), BigDecimal.ZERO, BigDecimal.ZERO, List.of(), List.of(),
                Map.of("email", customer + "@example.com", "country", "CH / FRA", "environnement", "Prod",
                        "siteId", "13", "cookieId", "CIB1.395406195.1569857337", "points", "15"));
    }

    private static SQSEvent batch(List<OrderReport> reports) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (OrderReport r : reports) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(r.orderId());
            m.setBody(OrderReportJson.write(r));
            m.setAttributes(Map.of("MessageGroupId", r.store().value() + "#" + r.customerGuid(),
                    "ApproximateReceiveCount", "1"));
            messages.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    /** Applies {@code reports} through {@code consumer} in batches of 10, as the SQS event source hands them; s. */
    private static double consume(OrderConsumerHandler consumer, List<OrderReport> reports) {
        long started = System.nanoTime();
        for (int from = 0; from < reports.size(); from += 10) {
            var response = consumer.handleRequest(batch(reports.subList(from, Math.min(reports.size(), from + 10))), null);
            require(response.getBatchItemFailures().isEmpty(), "a batch failed: " + response.getBatchItemFailures());
        }
        return seconds(System.nanoTime() - started);
    }

    private void earning() {
        Shop shop = createStore("earn-" + Long.toString(System.nanoTime(), 36));
        admin("PUT", "/api/store/" + shop.code(), Map.of("orderPointsSource", "reported"), 204);
        StoreCode store = new StoreCode(shop.code());
        int members = CAPACITY_ORDERS + 50;
        List<String> memberIds = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            memberIds.add(member(shop, "m-" + i));
        }

        // Capacity: the consumer's whole work per order (ledger + points), with and without a member.
        CapacityRecorder recorder = new CapacityRecorder();
        OrderFailedCalls failed = new OrderFailedCalls();
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(stack.dynamoDbEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder).addExecutionInterceptor(failed))
                .build()) {
            OrderLedger ledger = OrderLedgers.onDynamoDb(client, stack.tableName("LoyaltyTable"), Clock.systemUTC());
            StoreAccess stores = new StoreAccess(new DynamoDbStoreRepository(client, stack.tableName("LoyaltyTable")),
                    Duration.ofSeconds(30), Clock.systemUTC());
            OrderConsumerHandler withPoints = new OrderConsumerHandler(ledger, BusinessMetrics.NONE,
                    orderPoints(client), stores);
            OrderConsumerHandler withoutPoints = new OrderConsumerHandler(ledger, BusinessMetrics.NONE);
            // Warm-up (connections, JIT, the settings and store caches), not recorded.
            List<OrderReport> warm = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                warm.add(earningReport(store, id(), "m-" + (CAPACITY_ORDERS + i)));
            }
            consume(withPoints, warm);
            recorder.drain();
            failed.drain();

            List<Row> rows = new ArrayList<>();
            rows.add(measure("PAID, earning off (orders only)", recorder, failed, i ->
                    consume(withoutPoints, List.of(earningReport(store, id(), "m-" + i)))));
            rows.add(measure("PAID, earning on, shopper not a member", recorder, failed, i ->
                    consume(withPoints, List.of(earningReport(store, id(), "stranger-" + i)))));
            List<OrderReport> earned = new ArrayList<>();
            rows.add(measure("PAID, earning on, member earns 15 points", recorder, failed, i -> {
                OrderReport r = earningReport(store, id(), "m-" + i);
                earned.add(r);
                consume(withPoints, List.of(r));
            }));
            rows.add(measure("the same PAID order again, earning on", recorder, failed, i ->
                    consume(withPoints, List.of(earned.get(i)))));
            for (int i = 0; i < CAPACITY_ORDERS; i++) {
                var status = new org.serverlessloyalty.shared.points.service.PointsAccounts(
                        new DynamoDbPointsLedger(stack.dynamoDbClient(), stack.tableName("LoyaltyTable"), Clock.systemUTC()),
                        Clock.systemUTC()).status(new StoreZone(store, java.time.ZoneId.of("Europe/Paris")), memberIds.get(i));
                require(status.points().value().compareTo(new BigDecimal("15")) == 0,
                        "member " + i + " has " + status.points() + " points, not 15 once");
            }
            report.section("Orders earn points (issue 10): the order consumer's whole work per order (OrderConsumerHandler, batches of one), %d orders per row",
                    CAPACITY_ORDERS);
            report.line("%-42s %7s %7s %7s %8s  %s", "", "calls", "RCU", "WCU", "total", "operations per order");
            for (Row row : rows) {
                double reads = row.units(OrderPipelineBenchmark::isRead);
                double all = row.units(op -> true);
                report.line("%-42s %7.2f %7.2f %7.2f %8.2f  %s", row.name(), row.calls().size() / (double) row.orders(), reads,
                        all - reads, all, CapacityRecorder.describe(row.calls(), row.orders()));
                if (!row.failures().isEmpty()) {
                    StringBuilder text = new StringBuilder();
                    row.failures().forEach((what, count) -> text.append(text.length() == 0 ? "" : ", ").append(what)
                            .append(" x").append(ReportText.fmt("%.2f", count / (double) row.orders())));
                    report.line("%-42s %7s  + failed calls per order, not in the figures: %s", "", "", text);
                }
            }
            report.line("Every member's balance is checked afterwards: 15 points, once (the replayed row earned nothing).");
        }

        // Throughput in one run: the same consumer code with points off and on, in this JVM, on the stack's table.
        int orders = ORDERS;
        List<String> more = new ArrayList<>();
        for (int i = members; i < members + orders; i++) {
            memberIds.add(member(shop, "m-" + i));
            more.add("m-" + i);
        }
        OrderLedger ledger = OrderLedgers.onDynamoDb(stack.dynamoDbClient(), stack.tableName("LoyaltyTable"), Clock.systemUTC());
        StoreAccess stores = new StoreAccess(new DynamoDbStoreRepository(stack.dynamoDbClient(),
                stack.tableName("LoyaltyTable")), Duration.ofSeconds(30), Clock.systemUTC());
        OrderConsumerHandler off = new OrderConsumerHandler(ledger, BusinessMetrics.NONE);
        OrderConsumerHandler on = new OrderConsumerHandler(ledger, BusinessMetrics.NONE,
                orderPoints(stack.dynamoDbClient()), stores);
        List<OrderReport> offReports = new ArrayList<>();
        List<OrderReport> onReports = new ArrayList<>();
        for (String shopper : more) {
            offReports.add(earningReport(store, id(), shopper));
            onReports.add(earningReport(store, id(), shopper));
        }
        double offSeconds = consume(off, offReports);
        double onSeconds = consume(on, onReports);
        report.line("");
        report.line("Applied per second by the consumer's code in this JVM (no SQS, no HTTP), %,d orders each, every shopper a member:",
                orders);
        report.line("  earning off: %,.0f orders/s    earning on (a transaction and a 15-point lot per order): %,.0f orders/s",
                orders / offSeconds, orders / onSeconds);
    }

    private String id() {
        return Long.toString(nextOrderId++);
    }

    private Row measure(String name, CapacityRecorder recorder, OrderFailedCalls failed, java.util.function.IntConsumer order) {
        for (int i = 0; i < CAPACITY_ORDERS; i++) {
            order.accept(i);
        }
        return new Row(name, CAPACITY_ORDERS, recorder.drain(), failed.drain());
    }

    private static void apply(OrderLedger ledger, OrderReport report, ApplyResult expected) {
        ApplyResult result = ledger.apply(report, OrderReportJson.contentHash(report));
        require(result == expected, "order " + report.orderId() + " gave " + result + ", expected " + expected);
    }

    // ---------------------------------------------------------------- fixture

    private static OrderReport report(StoreCode store, String orderId, String customer, OrderStatus status, String code) {
        return new OrderReport(store, orderId, OrderSource.CIBLER, status, customer,
                null, new BigDecimal("150"), new BigDecimal("20"), BigDecimal.ZERO,
                code == null ? BigDecimal.ZERO : new BigDecimal("30"),
                code == null ? List.of() : List.of(CodeValue.of(code)), List.of(),
                Map.of("email", "shopper@example.com", "country", "CH / FRA", "environnement", "Prod", "siteId", "13",
                        "cookieId", "CIB1.395406195.1569857337"));
    }

    private JsonNode admin(String method, String path, Object body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(stack.baseUri().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + stack.adminKey()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            require(response.statusCode() == expected, method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Shop createStore(String code) {
        JsonNode store = admin("POST", "/api/store", Map.of("code", code, "name", "Benchmark shop", "currency", "EUR",
                "timezone", "Europe/Paris", "locale", "fr"), 201);
        return new Shop(code, store.get("apiKey").asText());
    }

    private void createCode(Shop shop, String code) {
        createCode(shop, code, Map.of());
    }

    private void createCode(Shop shop, String code, Map<String, Object> extra) {
        Map<String, Object> c = new LinkedHashMap<>(Map.of("code", code, "value", 5, "discountType", "VALUE",
                "combinable", true, "expirationDate", "2099-12-31"));
        c.putAll(extra);
        admin("POST", "/api/" + shop.code() + "/admin/giftCodes", Map.of("codes", List.of(c)), 201);
    }

    private void requireUsedCount(Shop shop, String code, long expected) {
        long used = admin("GET", "/api/" + shop.code() + "/admin/giftCodes/" + code, null, 200).path("usedCount").asLong(-1);
        require(used == expected, code + " usedCount is " + used + ", expected " + expected);
    }

    /** Every order is in the ledger, with its code APPLIED when it had one. */
    private void requireRecorded(Shop shop, List<String> orderIds, String code) {
        StoreCode store = new StoreCode(shop.code());
        for (String orderId : orderIds) {
            var order = reader.find(store, orderId);
            require(order.isPresent(), "order " + orderId + " was not applied");
            if (code != null) {
                require(order.get().redemptions().size() == 1
                        && order.get().redemptions().get(0).outcome() == Redemption.Outcome.APPLIED,
                        "order " + orderId + " did not take its code: " + order.get().redemptions());
            }
        }
    }

    // ---------------------------------------------------------------- formatting

    private void header() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        List<String> jvmFlags = runtime.getInputArguments().stream().filter(a -> a.startsWith("-X")).toList();
        report.line("serverless-loyalty benchmark: order pipeline (issue 3)");
        report.line("date        %s", ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        report.line("JDK         %s %s (%s)", System.getProperty("java.vm.name"), Runtime.version(), System.getProperty("java.vendor"));
        report.line("machine     %d CPUs, %s %s, load average %.2f at start", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.line("this JVM    %s", String.join(" ", jvmFlags));
        report.line("stack       LocalStack from template.yaml, in this JVM: API server, OrderTrackingFunction, one SQS poller");
        report.line("            feeding OrderConsumerFunction (BatchSize 10), in-process DynamoDB engine and ElasticMQ");
        report.line("metrics     AWS_EMF_ENVIRONMENT=%s", String.valueOf(System.getenv("AWS_EMF_ENVIRONMENT")));
    }

    private void runRow(String name, Run run) {
        report.line("%-36s %11.0f %11.0f %11.1f %9.1f %9.1f %9.1f %9.1f", name, run.acceptedPerSecond(), run.appliedPerSecond(),
                run.applySeconds() - run.acceptSeconds(),
                run.post().p50() / 1000, run.post().p90() / 1000, run.post().p99() / 1000, run.post().max() / 1000);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError("Benchmark path broken: " + message);
        }
    }
}

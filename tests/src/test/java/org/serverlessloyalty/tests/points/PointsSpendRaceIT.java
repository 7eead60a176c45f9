package org.serverlessloyalty.tests.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.testing.DynamoDbFaults;
import org.serverlessloyalty.tests.e2e.ApiClient;

/**
 * Fifty spends at once over real HTTP on one member, twice what the balance holds (rule P8, section 4 item 1), without
 * and with the DynamoDB engine's faults (on only while the spends run): every spend the balance covers succeeds (a
 * lost race is decided again inside, never answered as a conflict), the others answer 400 "not enough points", the
 * balance is never below zero while they run, and afterwards Σ(ledger) = balance.
 */
class PointsSpendRaceIT {

    private static final int SPENDS = 50;
    private static final BigDecimal BALANCE = new BigDecimal("100");
    private static final BigDecimal EACH = new BigDecimal("4");

    private static PointsStack stack;

    @BeforeAll
    static void start() {
        stack = PointsStack.start();
    }

    @AfterEach
    void faultsOff() {
        stack.faultsOff();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void fiftyParallelSpendsOfTwiceTheBalanceSpendExactlyWhatItCovers(DynamoDbFaults faults) throws Exception {
        PointsStack.Shop shop = stack.shop("race");
        String jane = stack.member(shop, "Jane", "jane@example.com");
        // Two lots, so spends also race across lots (FIFO, rule P8).
        for (String points : new String[] {"60", "40"}) {
            var added = stack.call("POST", "/api/" + shop.code() + "/points/transfer/add", PointsStack.bearer(shop.key()),
                    Json.write(Map.of("transfer", Map.of("customer", jane, "points", points))));
            assertThat(added.status()).as(added.body()).isEqualTo(200);
        }

        ExecutorService pool = Executors.newFixedThreadPool(SPENDS + 1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<BigDecimal> lowest = new AtomicReference<>(BALANCE);
        List<Future<ApiClient.Response>> spends = new ArrayList<>();
        DynamoDbFaults.Run run = stack.faults(faults);
        Future<?> watcher = pool.submit(() -> {
            go.await();
            while (running.get()) {
                var status = stack.call("GET", "/api/" + shop.code() + "/admin/customer/" + jane + "/status",
                        PointsStack.bearer(shop.key()), null);
                if (status.status() == 200) {
                    BigDecimal now = status.json().get("points").decimalValue();
                    lowest.accumulateAndGet(now, BigDecimal::min);
                }
            }
            return null;
        });
        for (int i = 0; i < SPENDS; i++) {
            spends.add(pool.submit(() -> {
                go.await();
                return stack.call("POST", "/api/" + shop.code() + "/points/transfer/spend", PointsStack.form(shop.key()),
                        "transfer[customer]=" + jane + "&transfer[points]=" + EACH.toPlainString());
            }));
        }
        go.countDown();
        int succeeded = 0;
        int refused = 0;
        for (Future<ApiClient.Response> spend : spends) {
            ApiClient.Response response = spend.get(120, TimeUnit.SECONDS);
            if (response.status() == 200) {
                succeeded++;
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(400);
                assertThat(response.json().get("error").asText()).isEqualTo("not enough points");
                refused++;
            }
        }
        running.set(false);
        watcher.get(30, TimeUnit.SECONDS);
        run.close();
        pool.shutdown();
        run.record("PointsSpendRaceIT: fifty spends of twice the balance over HTTP");
        if (faults == DynamoDbFaults.RANDOM) {
            assertThat(run.counts().injected()).as("faults injected").isPositive();
        }

        assertThat(succeeded).isEqualTo(BALANCE.divide(EACH).intValueExact());
        assertThat(refused).isEqualTo(SPENDS - succeeded);
        assertThat(lowest.get()).as("the balance while the spends ran").isGreaterThanOrEqualTo(BigDecimal.ZERO);
        JsonNode status = stack.status(shop, jane);
        assertThat(status.get("points").decimalValue()).isEqualByComparingTo("0");
        assertThat(status.get("usedPoints").decimalValue()).isEqualByComparingTo(BALANCE);
        // Σ(ledger) = balance: what the lots took in, less what the spends took out, is what the member holds.
        var transfers = stack.call("GET", "/api/" + shop.code() + "/points/transfer?customerId=" + jane + "&perPage=100",
                PointsStack.bearer(shop.key()), null).json();
        BigDecimal ledger = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        for (JsonNode t : transfers.get("transfers")) {
            BigDecimal value = t.get("value").decimalValue();
            ledger = t.get("type").asText().equals("adding") ? ledger.add(value) : ledger.subtract(value);
            if (t.has("availablePoints")) {
                available = available.add(t.get("availablePoints").decimalValue());
            }
        }
        assertThat(transfers.get("total").asInt()).isEqualTo(2 + succeeded);
        assertThat(ledger).isEqualByComparingTo(status.get("points").decimalValue());
        assertThat(available).isEqualByComparingTo(status.get("points").decimalValue());
    }
}

package org.serverlessloyalty.tests.orders;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.serverlessloyalty.shared.testing.DynamoDbFaults;
import org.serverlessloyalty.tests.e2e.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.tests.orders.OrderStack.ciblerBody;
import static org.serverlessloyalty.tests.orders.OrderStack.redemptions;

/**
 * Fifty shoppers race for the last use of a code over real HTTP: fifty message groups, so the consumer
 * may apply them in any order and in batches; DynamoDB's conditions must let exactly one take the use. Without and
 * with DynamoDB faults: a fault is retried inside the consumer (the SDK, or the order service for contention), never
 * by a redelivery: the queue's 180 s visibility timeout is far beyond the test's patience.
 */
class OrderConcurrencyIT {

    private static final int ORDERS = 50;

    private static OrderStack stack;

    @BeforeAll
    static void startStack() {
        stack = OrderStack.start(Map.of());
    }

    @AfterEach
    void faultsOff() {
        stack.faultsOff();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void fiftyConcurrentOrdersForASingleUseCodeTakeItOnceAndAreAllRecorded(DynamoDbFaults faults) throws Exception {
        var shop = stack.createStore("race-" + UUID.randomUUID().toString().substring(0, 8));
        stack.createCodes(shop.code(), 1, "LASTONE");
        long firstId = 700_000_000L + (System.currentTimeMillis() % 100_000) * 100;
        DynamoDbFaults.Run run = stack.faults(faults);

        ExecutorService pool = Executors.newFixedThreadPool(ORDERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ApiClient.Response>> posts = new ArrayList<>();
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String orderId = Long.toString(firstId + i);
            orderIds.add(orderId);
            var body = ciblerBody(shop.apiKey(), orderId, "shopper-" + i, "lastone");
            posts.add(() -> {
                start.await();
                return stack.postCibler(shop.code(), body);
            });
        }
        List<Future<ApiClient.Response>> sent = new ArrayList<>();
        posts.forEach(p -> sent.add(pool.submit(p)));
        start.countDown();
        for (int i = 0; i < ORDERS; i++) {
            ApiClient.Response response = sent.get(i).get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            assertThat(response.json().get("orderId").asText()).isEqualTo(orderIds.get(i));
        }
        pool.shutdown();

        List<String> outcomes = new ArrayList<>();
        for (String orderId : orderIds) {
            JsonNode order = stack.awaitOrder(shop.code(), orderId);
            assertThat(order.get("status").asText()).isEqualTo("PAID");
            Map<String, String> redemptions = redemptions(order);
            assertThat(redemptions).as("order " + orderId).containsOnlyKeys("LASTONE");
            outcomes.add(redemptions.get("LASTONE"));
        }
        stack.awaitOrderQueueDrained();
        run.close();
        OrderStack.report(faults, run, "OrderConcurrencyIT: fifty orders racing for a single-use code over HTTP");

        assertThat(outcomes).hasSize(ORDERS);
        assertThat(outcomes).filteredOn("APPLIED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("CONFLICT USAGE_EXHAUSTED"::equals).hasSize(ORDERS - 1);
        assertThat(stack.usedCount(shop.code(), "LASTONE")).isEqualTo(1);
    }
}

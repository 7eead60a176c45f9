package org.serverlessloyalty.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --data-dir} under a real crash: the shaded jar runs in a child JVM and is killed with SIGKILL while
 * accepted orders still wait in the order queue. Every order answered 202 must be applied, exactly once, after a
 * restart on the same data directory.
 *
 * <p>Run 1 starts with the order consumer's event source disabled (a copy of template.yaml with
 * {@code Enabled: false}), so every accepted order is still queued when it is killed. Run 2 has the consumer on:
 * it posts a burst and is killed at once, so some orders are queued, some are being applied (received, not yet
 * deleted) and some are done. Run 3 only waits. The template copies lower the order queue's visibility timeout
 * (180 s in template.yaml) so messages a killed consumer had received come back within seconds.
 */
class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN_KEY = "crash-it-admin";
    private static final String CODE = "WELCOME10"; // demo code with unlimited uses: usedCount counts applied orders
    private static final int VISIBILITY_TIMEOUT_SECONDS = 3;

    @Test
    void everyOrderAcceptedBeforeAKillIsAppliedExactlyOnceAfterRestart(@TempDir Path work) throws Exception {
        Path dataDir = work.resolve("data");
        Path consumerOff = writeTemplate(work.resolve("consumer-off.yaml"), false);
        Path consumerOn = writeTemplate(work.resolve("consumer-on.yaml"), true);
        List<String> accepted = new ArrayList<>();

        try (StackProcess first = StackProcess.start(work, "run1", args(dataDir, consumerOff))) {
            String key = first.storeApiKey();
            for (int i = 0; i < 30; i++) {
                accepted.add(postOrder(first.api(), key, Integer.toString(1000 + i)));
            }
            assertThat(usedCount(first.api())).as("the consumer is off: nothing applied yet").isZero();
            first.kill();
        }

        try (StackProcess second = StackProcess.start(work, "run2", args(dataDir, consumerOn))) {
            String key = second.storeApiKey();
            for (int i = 0; i < 30; i++) {
                accepted.add(postOrder(second.api(), key, Integer.toString(2000 + i)));
            }
            second.kill();
        }

        try (StackProcess third = StackProcess.start(work, "run3", args(dataDir, consumerOn))) {
            URI api = third.api();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (usedCount(api) < accepted.size() && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            // Messages a killed consumer had received reappear after the visibility timeout: wait past it so a
            // second application would show.
            Thread.sleep(TimeUnit.SECONDS.toMillis(2L * VISIBILITY_TIMEOUT_SECONDS));
            assertThat(usedCount(api)).as("uses of %s taken by %d accepted orders; stderr:\n%s", CODE,
                    accepted.size(), third.stderr()).isEqualTo(accepted.size());
            for (String orderId : accepted) {
                HttpResponse<String> order = get(api, "/api/demo/admin/orders/" + orderId);
                assertThat(order.statusCode()).as("order %s: %s", orderId, order.body()).isEqualTo(200);
                JsonNode applied = JSON.readTree(order.body());
                assertThat(applied.get("status").asText()).isEqualTo("PAID");
                assertThat(applied.at("/redemptions/0/outcome").asText()).as(order.body()).isEqualTo("APPLIED");
            }
        }
    }

    private static List<String> args(Path dataDir, Path template) {
        return List.of("--data-dir", dataDir.toString(), "--template", template.toString(), "--admin-key", ADMIN_KEY);
    }

    /** template.yaml with a short order-queue visibility timeout, and the order consumer on or off. */
    private static Path writeTemplate(Path to, boolean consumerEnabled) throws Exception {
        String template = Files.readString(TestTemplates.realTemplate());
        String visibility = "      VisibilityTimeout: 180\n";
        String orderSource = "            Queue: !GetAtt OrderQueue.Arn\n";
        assertThat(template).as("template.yaml's order queue and consumer, as this test edits them")
                .containsOnlyOnce(visibility).containsOnlyOnce(orderSource);
        template = template.replace(visibility, "      VisibilityTimeout: " + VISIBILITY_TIMEOUT_SECONDS + "\n");
        if (!consumerEnabled) {
            template = template.replace(orderSource, orderSource + "            Enabled: false\n");
        }
        Files.writeString(to, template);
        return to;
    }

    /** Posts one CibleR order that uses the demo code; returns its id once answered 202. */
    private static String postOrder(URI api, String storeKey, String orderId) throws Exception {
        String body = """
                {"orderContext":{"key":"%s","email":"crash@example.com","country":"CH","environnement":"Prod",
                 "siteId":1,"customerGuid":"%s","cookieId":"CIB1.1.1"},
                 "orderInformation":{"orderId":%s,"totalSpent":150.0,"taxes":20.00,"giftCode":"%s",
                 "shippingCost":0.00,"discountAmount":15.00}}""".formatted(storeKey, UUID.randomUUID(), orderId, CODE);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api.resolve("/api/campaignBehaviors/order/demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return orderId;
    }

    private static long usedCount(URI api) throws Exception {
        HttpResponse<String> code = get(api, "/api/demo/admin/giftCodes/" + CODE);
        assertThat(code.statusCode()).as(code.body()).isEqualTo(200);
        return JSON.readTree(code.body()).get("usedCount").asLong();
    }

    private static HttpResponse<String> get(URI api, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + ADMIN_KEY)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

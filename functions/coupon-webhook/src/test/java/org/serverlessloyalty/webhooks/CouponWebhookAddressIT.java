package org.serverlessloyalty.webhooks;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.webhook.dynamodb.DynamoDbWebhookStore;
import org.serverlessloyalty.shared.webhook.json.WebhookMessages;
import org.serverlessloyalty.shared.webhook.model.Delivery;
import org.serverlessloyalty.shared.webhook.model.DeliveryStatus;
import org.serverlessloyalty.shared.webhook.model.WebhookConfig;
import org.serverlessloyalty.shared.webhook.rules.WebhookSignature;
import org.serverlessloyalty.webhooks.testing.ScriptedServer;
import org.serverlessloyalty.webhooks.testing.TlsReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook whose name resolves to an internal address at send time (configured while it still pointed elsewhere,
 * or rebound since): the delivery is refused before any connection and recorded FAILED at once, on the in-process
 * DynamoDB, with the real sender and a test resolver in place of DNS.
 */
class CouponWebhookAddressIT {

    private static final WebhookSettings SETTINGS = new WebhookSettings(1, Duration.ofHours(1), 100, 1000, 2000,
            Duration.ZERO);
    private static DynamoDbWebhookStore webhooks;

    @BeforeAll
    static void start() {
        LocalTable table = LocalTable.create();
        webhooks = new DynamoDbWebhookStore(table.client(), table.name());
    }

    private static final class RecordingQueue implements DeliveryQueue {
        final List<String> deadLetters = new ArrayList<>();
        final List<Long> retries = new ArrayList<>();

        @Override
        public void sendDeliveries(List<String> bodies) {
        }

        @Override
        public void retryAfter(String receiptHandle, long seconds) {
            retries.add(seconds);
        }

        @Override
        public void deadLetter(String body) {
            deadLetters.add(body);
        }
    }

    private static Delivery pending(StoreCode store, String url) {
        Instant now = Instant.now();
        webhooks.saveConfig(new WebhookConfig(store, url, true, WebhookSignature.newSecret(), now, now));
        Delivery delivery = Delivery.pending(store, "CODE1", "{\"code\":\"CODE1\"}", now);
        webhooks.createDeliveries(List.of(delivery));
        return delivery;
    }

    @Test
    void aNameResolvingToLoopbackOnAwsIsFailedAtOnceAsRefusedWithoutAConnection() throws Exception {
        StoreCode store = new StoreCode("rebound");
        try (var listener = new ScriptedServer.Listener()) {
            Delivery delivery = pending(store, "https://hooks.shop.example:" + listener.port() + "/coupons");
            HostResolver dns = host -> List.of(InetAddress.getByName("127.0.0.1"));
            var queue = new RecordingQueue();
            var dispatcher = new CouponWebhookDispatcher(webhooks, queue, new HttpWebhookSender(1000, 2000, false, dns,
                    (SSLSocketFactory) SSLSocketFactory.getDefault()), SETTINGS, BusinessMetrics.NONE,
                    Clock.systemUTC(), new SplittableRandom(1));

            String message = WebhookMessages.deliver(store.value(), delivery.deliveryId());
            assertThat(dispatcher.handle(message, "receipt")).isEqualTo(CouponWebhookDispatcher.Outcome.DONE);

            Delivery failed = webhooks.delivery(store, delivery.deliveryId()).orElseThrow();
            assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.lastError()).isEqualTo("address not allowed");
            assertThat(failed.lastStatusCode()).isNull();
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(queue.retries).as("no retry: it would be refused again").isEmpty();
            assertThat(queue.deadLetters).containsExactly(message);
            assertThat(webhooks.list(store, DeliveryStatus.FAILED, 10, null).items()).hasSize(1);
            assertThat(listener.connectionAttempted()).isFalse();
        }
    }

    @Test
    void theSameNameIsDeliveredWhereLoopbackIsAllowed() {
        // The control: with the local stack's rule the very same setup reaches the receiver.
        StoreCode store = new StoreCode("local-loopback");
        try (var receiver = new TlsReceiver("hooks.shop.example")) {
            Delivery delivery = pending(store, "https://hooks.shop.example:" + receiver.port() + "/coupons");
            HostResolver dns = host -> List.of(InetAddress.getLoopbackAddress());
            var dispatcher = new CouponWebhookDispatcher(webhooks, new RecordingQueue(),
                    new HttpWebhookSender(1000, 2000, true, dns, receiver.clientTls()), SETTINGS,
                    BusinessMetrics.NONE, Clock.systemUTC(), new SplittableRandom(1));

            dispatcher.handle(WebhookMessages.deliver(store.value(), delivery.deliveryId()), "receipt");

            assertThat(webhooks.delivery(store, delivery.deliveryId()).orElseThrow().status())
                    .isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(receiver.received()).singleElement()
                    .satisfies(r -> assertThat(r.webhookId()).isEqualTo(delivery.deliveryId()));
        }
    }
}

package org.serverlessloyalty.webhooks;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.webhook.json.WebhookMessages;
import org.serverlessloyalty.shared.webhook.model.Delivery;
import org.serverlessloyalty.shared.webhook.model.WebhookConfig;
import org.serverlessloyalty.shared.webhook.rules.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;

/** Partial batch failures: only the messages to retry (and broken ones) are reported. */
class CouponWebhookHandlerTest {

    @Test
    void reportsOnlyTheMessagesToRetryAndTheBrokenOnes() {
        var store = new CouponWebhookDispatcherTest.FakeStore();
        var queue = new CouponWebhookDispatcherTest.FakeQueue();
        StoreCode shop = new StoreCode("shop");
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        store.saveConfig(new WebhookConfig(shop, "https://shop.example/c", true, WebhookSignature.newSecret(), now, now));
        Delivery ok = Delivery.pending(shop, "OK", "{\"code\":\"OK\"}", now);
        Delivery failing = Delivery.pending(shop, "KO", "{\"code\":\"KO\"}", now);
        store.createDeliveries(List.of(ok, failing));
        var dispatcher = new CouponWebhookDispatcher(store, queue,
                (url, headers, body) -> body.contains("KO") ? new WebhookSender.Result(500, "HTTP 500")
                        : new WebhookSender.Result(204, null),
                new WebhookSettings(1, Duration.ofHours(1), 100, 2000, 5000, Duration.ZERO), BusinessMetrics.NONE,
                Clock.fixed(now, ZoneOffset.UTC), new SplittableRandom(1));
        var handler = new CouponWebhookHandler(dispatcher, BusinessMetrics.NONE);

        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        records.add(message("m-ok", WebhookMessages.deliver("shop", ok.deliveryId())));
        records.add(message("m-ko", WebhookMessages.deliver("shop", failing.deliveryId())));
        records.add(message("m-broken", "not json"));
        SQSEvent event = new SQSEvent();
        event.setRecords(records);

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-ko", "m-broken");
        assertThat(queue.visibility).containsExactly(1L);
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setReceiptHandle("rh-" + id);
        m.setBody(body);
        return m;
    }
}

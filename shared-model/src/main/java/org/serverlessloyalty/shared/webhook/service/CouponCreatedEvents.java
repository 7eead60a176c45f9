package org.serverlessloyalty.shared.webhook.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.webhook.json.CouponWebhookBody;
import org.serverlessloyalty.shared.webhook.json.WebhookMessages;
import org.serverlessloyalty.shared.webhook.model.Delivery;
import org.serverlessloyalty.shared.webhook.port.WebhookQueue;
import org.serverlessloyalty.shared.webhook.port.WebhookStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Emits coupon-created events for newly created codes when the store's webhook is configured and enabled: one
 * PENDING delivery record per code (written first, so a failed send loses nothing: the redrive endpoint picks up
 * PENDING deliveries older than a minute), then one COUPONS_CREATED message per chunk of up to 100 codes. It never
 * waits on delivery.
 */
public final class CouponCreatedEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CouponCreatedEvents.class);

    private final WebhookStore store;
    private final WebhookQueue queue;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public CouponCreatedEvents(WebhookStore store, WebhookQueue queue, BusinessMetrics metrics, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** How many deliveries were recorded (0 when the webhook is off or not configured). */
    public int codesCreated(StoreCode storeCode, List<GiftCode> codes) {
        if (codes.isEmpty()) {
            return 0;
        }
        var config = store.config(storeCode);
        if (config.isEmpty() || !config.get().enabled()) {
            return 0;
        }
        var now = clock.instant();
        List<Delivery> deliveries = new ArrayList<>();
        for (GiftCode code : codes) {
            deliveries.add(Delivery.pending(storeCode, code.code().value(), CouponWebhookBody.write(code), now));
        }
        store.createDeliveries(deliveries);
        List<String> messages = new ArrayList<>();
        for (int from = 0; from < deliveries.size(); from += WebhookMessages.CODES_PER_MESSAGE) {
            messages.add(WebhookMessages.couponsCreated(storeCode.value(),
                    deliveries.subList(from, Math.min(deliveries.size(), from + WebhookMessages.CODES_PER_MESSAGE))));
        }
        try {
            queue.send(messages);
        } catch (RuntimeException e) {
            // The records are PENDING: POST .../deliveries/redrive sends them once the queue is back.
            LOG.error("Coupon-created events not queued; their PENDING deliveries wait for a redrive",
                    entry("store", storeCode.value()), entry("deliveries", deliveries.size()), e);
            metrics.count("CouponWebhookEnqueueFailed", deliveries.size(), "Stage", "ENQUEUE");
            return deliveries.size();
        }
        metrics.count("CouponWebhookEventsQueued", deliveries.size(), "Stage", "ENQUEUE");
        return deliveries.size();
    }
}

package org.serverlessloyalty.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.serverlessloyalty.shared.platform.cache.TtlCache;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.webhook.json.WebhookMessages;
import org.serverlessloyalty.shared.webhook.model.Delivery;
import org.serverlessloyalty.shared.webhook.model.DeliveryStatus;
import org.serverlessloyalty.shared.webhook.model.WebhookConfig;
import org.serverlessloyalty.shared.webhook.port.WebhookStore;
import org.serverlessloyalty.shared.webhook.rules.Backoff;
import org.serverlessloyalty.shared.webhook.rules.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * What one message of the coupon-webhook queue does.
 * <ul>
 *   <li>COUPONS_CREATED: fans out into one DELIVER message per delivery.</li>
 *   <li>DELIVER: POSTs one delivery, signed, within the store's rate limit. 2xx → DELIVERED. Otherwise it is retried
 *       with exponential backoff and full jitter (the message's visibility timeout) until the retry window since the
 *       first attempt would be exceeded; then it is FAILED and its message goes to the dead-letter queue. A webhook
 *       whose address is not allowed (internal) is FAILED at once, without a retry.</li>
 * </ul>
 */
public final class CouponWebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CouponWebhookDispatcher.class);

    /** What the handler does with the message afterwards. */
    public enum Outcome {
        /** Done with it: delete it. */
        DONE,
        /** Keep it: report it as a batch item failure (its visibility was set already). */
        RETRY
    }

    private final WebhookStore store;
    private final DeliveryQueue queue;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final BusinessMetrics metrics;
    private final Clock clock;
    private final RandomGenerator random;
    private final TtlCache<StoreCode, WebhookConfig> configs;

    public CouponWebhookDispatcher(WebhookStore store, DeliveryQueue queue, WebhookSender sender,
                                   WebhookSettings settings, BusinessMetrics metrics, Clock clock,
                                   RandomGenerator random) {
        this.store = store;
        this.queue = queue;
        this.sender = sender;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.random = random;
        this.configs = new TtlCache<>(settings.configCache(), clock);
    }

    public Outcome handle(String body, String receiptHandle) {
        JsonNode message = WebhookMessages.read(body);
        String kind = message.path("kind").asText();
        StoreCode storeCode = new StoreCode(message.path("store").asText());
        return switch (kind) {
            case WebhookMessages.COUPONS_CREATED -> fanOut(storeCode, message);
            case WebhookMessages.DELIVER -> deliver(storeCode, message.path("deliveryId").asText(), body, receiptHandle);
            default -> throw new IllegalArgumentException("Unknown webhook message kind " + kind);
        };
    }

    private Outcome fanOut(StoreCode storeCode, JsonNode message) {
        List<String> deliveries = new ArrayList<>();
        message.path("deliveryIds").forEach(id -> deliveries.add(WebhookMessages.deliver(storeCode.value(), id.asText())));
        queue.sendDeliveries(deliveries);
        LOG.info("Coupon-created deliveries queued", entry("store", storeCode.value()),
                entry("deliveries", deliveries.size()));
        return Outcome.DONE;
    }

    private Outcome deliver(StoreCode storeCode, String deliveryId, String body, String receiptHandle) {
        var found = store.delivery(storeCode, deliveryId);
        if (found.isEmpty()) {
            LOG.warn("Delivery not found; message dropped", entry("store", storeCode.value()),
                    entry("deliveryId", deliveryId));
            return Outcome.DONE;
        }
        Delivery delivery = found.get();
        if (delivery.status() != DeliveryStatus.PENDING) {
            // DELIVERED already (a message received twice), or FAILED and waiting for a redrive.
            return Outcome.DONE;
        }
        Instant now = clock.instant();
        var config = configs.get(storeCode, store::config);
        if (config.isEmpty() || !config.get().enabled()) {
            store.markFailed(delivery, delivery.attempts(), "webhook disabled", null, delivery.firstAttemptAt(), now);
            metrics.count("CouponWebhookDeliveries", 1, "Result", "DISABLED");
            return Outcome.DONE;
        }
        if (!store.tryAcquire(storeCode, now.getEpochSecond(), settings.ratePerSecond())) {
            queue.retryAfter(receiptHandle, 1 + random.nextInt(2));
            metrics.count("CouponWebhookRateLimited", 1, "Stage", "DELIVER");
            return Outcome.RETRY;
        }
        return post(delivery, config.get(), body, receiptHandle);
    }

    private Outcome post(Delivery delivery, WebhookConfig config, String message, String receiptHandle) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("webhook-id", delivery.deliveryId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(config.secret(), delivery.deliveryId(), timestamp,
                delivery.body()));
        WebhookSender.Result result = sender.post(config.url(), headers, delivery.body());
        Instant first = delivery.firstAttemptAt() == null ? now : delivery.firstAttemptAt();
        int attempts = delivery.attempts() + 1;
        Instant after = clock.instant();
        Integer statusCode = result.statusCode() == 0 ? null : result.statusCode();
        if (result.delivered()) {
            store.markDelivered(delivery, attempts, result.statusCode(), first, after);
            metrics.count("CouponWebhookDeliveries", 1, "Result", "DELIVERED");
            return Outcome.DONE;
        }
        if (result.refused()) {
            // The URL or what its host resolves to is internal: nothing was sent, and a retry would be refused too.
            // FAILED at once and dead-lettered, so the alarm tells ops; a redrive after the URL is fixed sends it.
            store.markFailed(delivery, attempts, result.error(), null, first, after);
            queue.deadLetter(message);
            LOG.warn("Coupon-created delivery refused: its webhook address is not allowed; message dead-lettered",
                    entry("store", delivery.store().value()), entry("deliveryId", delivery.deliveryId()));
            metrics.count("CouponWebhookDeliveries", 1, "Result", "REFUSED");
            return Outcome.DONE;
        }
        long delay = Backoff.delaySeconds(settings.backoffBaseSeconds(), attempts, random);
        Instant next = after.plusSeconds(delay);
        Instant deadline = first.plus(settings.retryWindow());
        if (!next.isBefore(deadline)) {
            store.markFailed(delivery, attempts, result.error(), statusCode, first, after);
            queue.deadLetter(message);
            LOG.warn("Coupon-created delivery FAILED after its retry window; message dead-lettered",
                    entry("store", delivery.store().value()), entry("deliveryId", delivery.deliveryId()),
                    entry("attempts", attempts), entry("lastError", result.error()));
            metrics.count("CouponWebhookDeliveries", 1, "Result", "FAILED");
            return Outcome.DONE;
        }
        store.markRetry(delivery, attempts, result.error(), statusCode, first, next, after);
        queue.retryAfter(receiptHandle, delay);
        LOG.info("Coupon-created delivery will be retried", entry("store", delivery.store().value()),
                entry("deliveryId", delivery.deliveryId()), entry("attempts", attempts),
                entry("retryInSeconds", delay), entry("lastError", result.error()));
        metrics.count("CouponWebhookDeliveries", 1, "Result", "RETRY");
        return Outcome.RETRY;
    }
}

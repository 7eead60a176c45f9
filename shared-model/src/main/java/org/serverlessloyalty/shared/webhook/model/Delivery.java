package org.serverlessloyalty.shared.webhook.model;

import java.time.Instant;
import java.util.UUID;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * One code's POST to the store's webhook. {@code deliveryId} is the {@code webhook-id} header, the same on every
 * retry so the receiver can deduplicate.
 */
public record Delivery(StoreCode store, String deliveryId, String code, String body, DeliveryStatus status,
                       int attempts, String lastError, Integer lastStatusCode, Instant createdAt,
                       Instant firstAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {

    public static String newId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static Delivery pending(StoreCode store, String code, String body, Instant now) {
        return new Delivery(store, newId(), code, body, DeliveryStatus.PENDING, 0, null, null, now, null, null, null);
    }
}

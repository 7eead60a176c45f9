package org.serverlessloyalty.shared.webhook.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.webhook.model.Delivery;
import org.serverlessloyalty.shared.webhook.model.DeliveryStatus;
import org.serverlessloyalty.shared.webhook.model.WebhookConfig;

/** Port: webhook configurations, delivery records and the per-store rate-limit counter. */
public interface WebhookStore {

    Optional<WebhookConfig> config(StoreCode store);

    void saveConfig(WebhookConfig config);

    /** Writes new PENDING delivery records (BatchWriteItem); throws if any could not be written. */
    void createDeliveries(List<Delivery> deliveries);

    Optional<Delivery> delivery(StoreCode store, String deliveryId);

    void markDelivered(Delivery delivery, int attempts, int statusCode, Instant firstAttemptAt, Instant now);

    void markRetry(Delivery delivery, int attempts, String error, Integer statusCode, Instant firstAttemptAt,
                   Instant nextAttemptAt, Instant now);

    void markFailed(Delivery delivery, int attempts, String error, Integer statusCode, Instant firstAttemptAt,
                    Instant now);

    /** Resets a delivery for another round of attempts (redrive). */
    void resetPending(Delivery delivery, Instant now);

    /** Newest first; {@code cursor} is the opaque {@code next} of the previous page. */
    Page list(StoreCode store, DeliveryStatus status, int limit, String cursor);

    /**
     * Every delivery whatever its status, newest first; {@code cursor} is the opaque {@code next} of the previous
     * page (of this list or of a list by status: both mark a position in the same order).
     */
    Page listAll(StoreCode store, int limit, String cursor);

    /**
     * Counts one send in the store's window of {@code epochSecond}; false when {@code limit} sends were already
     * counted in it (a conditional write: the store enforces the limit, even across concurrent consumers).
     */
    boolean tryAcquire(StoreCode store, long epochSecond, int limit);

    record Page(List<Delivery> items, String next) {
    }
}

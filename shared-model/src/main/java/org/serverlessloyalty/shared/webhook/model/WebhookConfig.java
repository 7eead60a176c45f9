package org.serverlessloyalty.shared.webhook.model;

import java.time.Instant;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A store's coupon-created webhook: where to POST, whether it is on, and the signing secret. */
public record WebhookConfig(StoreCode store, String url, boolean enabled, String secret, Instant createdAt,
                            Instant updatedAt) {
}

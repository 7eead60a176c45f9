package org.serverlessloyalty.shared.webhook.port;

import java.util.List;

/** Port: the coupon-webhook queue, as the admin function uses it. */
public interface WebhookQueue {

    /** Sends each message body; throws when any could not be sent. */
    void send(List<String> bodies);

    /** For deployments and tests without the queue: nothing is sent. */
    WebhookQueue NONE = bodies -> {
        if (!bodies.isEmpty()) {
            throw new IllegalStateException("No coupon-webhook queue is configured (COUPON_WEBHOOK_QUEUE_URL)");
        }
    };
}

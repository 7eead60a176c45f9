package org.serverlessloyalty.webhooks;

import java.util.List;

/** Port: the coupon-webhook queue and its dead-letter queue, as the consumer uses them. */
public interface DeliveryQueue {

    /** Sends DELIVER messages to the webhook queue; throws when any was not accepted. */
    void sendDeliveries(List<String> bodies);

    /** Makes a received message visible again after {@code seconds}. */
    void retryAfter(String receiptHandle, long seconds);

    /** Parks a message in the dead-letter queue. */
    void deadLetter(String body);
}

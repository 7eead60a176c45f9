package org.serverlessloyalty.orders.queue;

import java.util.List;
import org.serverlessloyalty.shared.order.model.OrderReport;

/**
 * Where accepted order reports wait for the consumer. Returning normally means every report is
 * durably queued; any failure throws, so the API answers 5xx and the storefront retries. A retry
 * of the same report is harmless: the queue deduplicates it and the consumer applies an order once.
 */
public interface OrderQueue {

    /** The largest message body a report may serialise to (the SQS limit). */
    int MAX_MESSAGE_BYTES = 256 * 1024;

    void enqueue(List<OrderReport> reports);
}

package org.serverlessloyalty.orders.testing;

import java.util.ArrayList;
import java.util.List;
import org.serverlessloyalty.orders.queue.OrderQueue;
import org.serverlessloyalty.shared.order.model.OrderReport;

/** The order queue in memory: every accepted call, in order; can be told to fail like SQS would. */
public final class RecordingOrderQueue implements OrderQueue {

    private final List<List<OrderReport>> calls = new ArrayList<>();
    private RuntimeException failure;

    public RecordingOrderQueue failWith(RuntimeException e) {
        this.failure = e;
        return this;
    }

    @Override
    public void enqueue(List<OrderReport> reports) {
        if (failure != null) {
            throw failure;
        }
        calls.add(List.copyOf(reports));
    }

    public List<List<OrderReport>> calls() {
        return calls;
    }

    /** Every report enqueued, in order. */
    public List<OrderReport> reports() {
        return calls.stream().flatMap(List::stream).toList();
    }

    public OrderReport only() {
        List<OrderReport> all = reports();
        if (all.size() != 1) {
            throw new AssertionError("Expected exactly one enqueued report, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }
}

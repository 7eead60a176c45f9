package org.serverlessloyalty.shared.testing;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * Asks DynamoDB (the in-process engine applies AWS's billing rules) for the capacity of every call a client makes
 * and records it, without the code under test knowing: what each business action costs, measured.
 */
public final class CapacityMeter implements ExecutionInterceptor {

    /** One call: its operation, how many items it wrote (transactions), and the units it consumed (indexes included). */
    public record Call(String operation, int items, double readUnits, double writeUnits) {
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        if (r instanceof TransactWriteItemsRequest t) {
            return t.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        if (r instanceof QueryRequest q) {
            return q.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        if (r instanceof GetItemRequest g) {
            return g.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        if (r instanceof PutItemRequest p) {
            return p.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        return r;
    }

    @Override
    public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Object response = context.response();
        if (response instanceof TransactWriteItemsResponse t) {
            int items = ((TransactWriteItemsRequest) context.request()).transactItems().size();
            calls.add(new Call("TransactWriteItems", items, sum(t.consumedCapacity(), true), sum(t.consumedCapacity(), false)));
        } else if (response instanceof QueryResponse q) {
            calls.add(new Call("Query", 0, read(q.consumedCapacity()), 0));
        } else if (response instanceof GetItemResponse g) {
            calls.add(new Call("GetItem", 0, read(g.consumedCapacity()), 0));
        } else if (response instanceof PutItemResponse p) {
            calls.add(new Call("PutItem", 1, 0, write(p.consumedCapacity())));
        }
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized void reset() {
        calls.clear();
    }

    private static double sum(List<ConsumedCapacity> all, boolean reads) {
        return all == null ? 0 : all.stream().mapToDouble(c -> reads ? orZero(c.readCapacityUnits()) : orZero(c.writeCapacityUnits())).sum();
    }

    private static double read(ConsumedCapacity c) {
        return c == null ? 0 : orZero(c.readCapacityUnits());
    }

    private static double write(ConsumedCapacity c) {
        return c == null ? 0 : orZero(c.writeCapacityUnits());
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }
}

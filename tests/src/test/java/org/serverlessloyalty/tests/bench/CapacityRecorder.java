package org.serverlessloyalty.tests.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts every DynamoDB call a client makes and the read capacity each consumed: asks for
 * {@code ReturnConsumedCapacity=TOTAL} on every request and records the answer (reads and writes alike). A call whose
 * type it does not know is still counted (with no capacity), so a new access pattern cannot hide.
 */
final class CapacityRecorder implements ExecutionInterceptor {

    record Call(String operation, double capacityUnits) {
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof BatchGetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof ScanRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof TransactGetItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof BatchWriteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        SdkResponse response = context.response();
        List<ConsumedCapacity> consumed = List.of();
        if (response instanceof GetItemResponse r) {
            consumed = single(r.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse r && r.hasConsumedCapacity()) {
            consumed = r.consumedCapacity();
        } else if (response instanceof QueryResponse r) {
            consumed = single(r.consumedCapacity());
        } else if (response instanceof ScanResponse r) {
            consumed = single(r.consumedCapacity());
        } else if (response instanceof TransactGetItemsResponse r && r.hasConsumedCapacity()) {
            consumed = r.consumedCapacity();
        } else if (response instanceof PutItemResponse r) {
            consumed = single(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            consumed = single(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            consumed = single(r.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse r && r.hasConsumedCapacity()) {
            consumed = r.consumedCapacity();
        } else if (response instanceof TransactWriteItemsResponse r && r.hasConsumedCapacity()) {
            consumed = r.consumedCapacity();
        }
        double units = consumed.stream().mapToDouble(c -> c.capacityUnits() != null ? c.capacityUnits()
                : c.readCapacityUnits() != null ? c.readCapacityUnits() : 0).sum();
        synchronized (calls) {
            calls.add(new Call(operation, units));
        }
    }

    private static List<ConsumedCapacity> single(ConsumedCapacity capacity) {
        return capacity == null ? List.of() : List.of(capacity);
    }

    /** The calls since the last drain, and forgets them. */
    List<Call> drain() {
        synchronized (calls) {
            List<Call> copy = List.copyOf(calls);
            calls.clear();
            return copy;
        }
    }

    /** "GetItem x1, BatchGetItem x1": the operations in order of first use, with their counts. */
    static String describe(List<Call> calls, int validations) {
        Map<String, Long> counts = calls.stream()
                .collect(Collectors.groupingBy(Call::operation, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " x" + format(e.getValue() / (double) validations))
                .collect(Collectors.joining(", "));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}

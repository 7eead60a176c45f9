package org.serverlessloyalty.tests.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the DynamoDB calls that ended in an exception, by operation and error: {@link CapacityRecorder} only
 * sees calls that returned, and the order ledger's conflict paths rely on cancelled transactions
 * ({@code TransactionCanceledException}), which DynamoDB still serves (and AWS may bill) but report no
 * consumed capacity.
 */
final class OrderFailedCalls implements ExecutionInterceptor {

    private final Map<String, Integer> failures = new LinkedHashMap<>();

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String error = context.exception().getClass().getSimpleName();
        synchronized (failures) {
            failures.merge(operation + " (" + error + ")", 1, Integer::sum);
        }
    }

    /** The failures since the last drain ("TransactWriteItems (TransactionCanceledException)" -> count), and forgets them. */
    Map<String, Integer> drain() {
        synchronized (failures) {
            Map<String, Integer> copy = new LinkedHashMap<>(failures);
            failures.clear();
            return copy;
        }
    }
}

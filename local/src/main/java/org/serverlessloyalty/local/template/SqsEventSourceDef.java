package org.serverlessloyalty.local.template;

/** One {@code Type: SQS} event: which queue feeds which function, and how Lambda would batch it. */
public record SqsEventSourceDef(String functionLogicalId, String eventName, String queueLogicalId, String queueArn,
                                int batchSize, int maximumBatchingWindowSeconds, boolean reportBatchItemFailures,
                                boolean enabled) {

    public static final int DEFAULT_BATCH_SIZE = 10;
}

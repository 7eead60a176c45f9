package org.serverlessloyalty.local.dynamodb;

/**
 * The failures the engine can inject (see {@link FaultPolicy}), each answered in the wire shape DynamoDB uses, so the
 * unmodified AWS SDK raises the exception it raises on AWS and retries exactly when it would there.
 */
public enum FaultKind {

    /**
     * A transaction cancelled because another one holds one of its items, injected at
     * {@link FaultPolicy#conflictRate()}: HTTP 400 {@code TransactionCanceledException} whose
     * {@code CancellationReasons} hold {@code TransactionConflict} for one action and {@code None} for the others.
     * The SDK does not retry it.
     */
    TRANSACTION_CONFLICT,

    /**
     * A real overlap ({@link FaultPolicy#overlapConflicts()}): the request touched an item that an in-flight
     * TransactWriteItems holds. TransactWriteItems and TransactGetItems get {@code TransactionCanceledException}
     * with {@code TransactionConflict} for each such item; PutItem, UpdateItem and DeleteItem get HTTP 400
     * {@code TransactionConflictException}. The SDK retries neither.
     */
    OVERLAP_CONFLICT,

    /**
     * Throttling, at {@link FaultPolicy#throttleRate()}: HTTP 400 {@code ThrottlingException} for an on-demand
     * (PAY_PER_REQUEST) table, {@code ProvisionedThroughputExceededException} for a provisioned one, with
     * the throttling reasons. The SDK retries both as throttling errors.
     */
    THROTTLING,

    /**
     * Throttling of one action inside a transaction, at {@link FaultPolicy#transactionThrottleRate()}:
     * {@code TransactionCanceledException} whose reasons hold {@code ThrottlingError} (on-demand) or
     * {@code ProvisionedThroughputExceeded} (provisioned) for one action. The SDK does not retry it.
     */
    TRANSACTION_THROTTLING,

    /** HTTP 500 {@code InternalServerError}, at {@link FaultPolicy#internalErrorRate()}; nothing was written. The SDK retries it. */
    INTERNAL_ERROR
}

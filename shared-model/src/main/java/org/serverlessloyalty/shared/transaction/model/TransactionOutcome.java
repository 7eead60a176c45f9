package org.serverlessloyalty.shared.transaction.model;

/** What a transaction write did: the HTTP layer answers {@code {"transactionId"}} or the refusal. */
public sealed interface TransactionOutcome {

    record Done(Transaction transaction) implements TransactionOutcome {
    }

    record Refused(TransactionRefusal refusal) implements TransactionOutcome {
    }
}

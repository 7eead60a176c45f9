package org.serverlessloyalty.shared.points.model;

/**
 * The purchase a transfer belongs to, for earning rules and return revocations (rule P8's "spend carrying a
 * transactionId"): the PointsTransfer fields {@code transactionId}, {@code revisedTransactionId},
 * {@code transactionDocumentNumber} and {@code posIdentifier}. Any may be null.
 */
public record TransactionRef(String transactionId, String revisedTransactionId, String documentNumber,
                             String posIdentifier) {

    public static TransactionRef of(String transactionId) {
        return new TransactionRef(transactionId, null, null, null);
    }
}

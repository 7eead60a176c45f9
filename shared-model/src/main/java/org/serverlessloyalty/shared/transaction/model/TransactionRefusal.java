package org.serverlessloyalty.shared.transaction.model;

/**
 * Why a transaction action did nothing, in Open Loyalty's words (section 1.B.4), and the form field it belongs to,
 * relative to the body's root ({@code transactionData[documentNumber]}, {@code revisedDocument}, ...).
 */
public record TransactionRefusal(String field, String message) {

    /** T1: the store already has a transaction with this document number. */
    public static final TransactionRefusal DOCUMENT_NOT_UNIQUE =
            new TransactionRefusal("transactionData.documentNumber", "Document number should be unique");
    /** T2: a return while setting {@code returns} is off. */
    public static final TransactionRefusal RETURNS_DISABLED =
            new TransactionRefusal("transactionData.documentType", "Returns are not enabled");
    /** T2: {@code revisedDocument} names no transaction of the store. */
    public static final TransactionRefusal REVISED_NOT_FOUND =
            new TransactionRefusal("revisedDocument", "Transaction not exist");
    /** T2: {@code revisedDocument} names a return. */
    public static final TransactionRefusal REVISED_WRONG_TYPE =
            new TransactionRefusal("revisedDocument", "Transaction wrong type");
    /** T2: the return's customer is not the sale's. */
    public static final TransactionRefusal REVISED_WRONG_OWNER =
            new TransactionRefusal("revisedDocument", "Incorrect owner of the transaction");
    /** T-5: the transaction has its member already. */
    public static final TransactionRefusal ALREADY_ASSIGNED =
            new TransactionRefusal("transactionDocumentNumber", "Customer is already assigned to this transaction");
    /** T-5: no transaction with that document number. */
    public static final TransactionRefusal ASSIGN_NOT_FOUND =
            new TransactionRefusal("transactionDocumentNumber", "Transaction not exist");
    /** T-5: the customer named does not exist (or is not active). */
    public static TransactionRefusal noSuchCustomer(String field) {
        return new TransactionRefusal(field, "Customer does not exist");
    }
}

package org.serverlessloyalty.shared.transaction.model;

import java.util.List;

/** One page of T-2's list and how many matched in all. */
public record TransactionPage(List<Transaction> transactions, long total) {

    public TransactionPage {
        transactions = List.copyOf(transactions);
    }
}

package org.serverlessloyalty.shared.transaction.port;

import java.util.Set;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.TransactionTotals;

/** A member's transaction aggregates, read from the transactions as committed (rules T6, L4). */
public interface MemberTransactions {

    /**
     * @param excludedSkus       items with these SKUs do not count (setting {@code excludedLevelSKUs}, L4)
     * @param excludedCategories items of these categories do not count ({@code excludedLevelCategories}, L4)
     */
    TransactionTotals totals(StoreCode store, String memberId, Set<String> excludedSkus, Set<String> excludedCategories);
}

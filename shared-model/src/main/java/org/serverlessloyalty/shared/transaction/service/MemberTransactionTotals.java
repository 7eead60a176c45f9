package org.serverlessloyalty.shared.transaction.service;

import java.util.Set;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.TransactionTotals;
import org.serverlessloyalty.shared.transaction.port.MemberTransactions;
import org.serverlessloyalty.shared.transaction.port.TransactionRepository;
import org.serverlessloyalty.shared.transaction.port.TransactionSettingsSource;
import org.serverlessloyalty.shared.transaction.rules.TransactionRules;

/**
 * A member's totals (T6) from their transactions as committed: one Query. Apart from {@link Transactions} because
 * levels read these totals while the transactions recalculate levels: each needs the other, this breaks the circle.
 */
public final class MemberTransactionTotals implements MemberTransactions {

    private final TransactionRepository repository;
    private final TransactionSettingsSource settings;

    public MemberTransactionTotals(TransactionRepository repository, TransactionSettingsSource settings) {
        this.repository = repository;
        this.settings = settings;
    }

    @Override
    public TransactionTotals totals(StoreCode store, String memberId, Set<String> excludedSkus,
                                    Set<String> excludedCategories) {
        return TransactionRules.totals(repository.ofMember(store, memberId), excludedSkus, excludedCategories,
                settings.settings(store).excludedDeliverySkus());
    }
}

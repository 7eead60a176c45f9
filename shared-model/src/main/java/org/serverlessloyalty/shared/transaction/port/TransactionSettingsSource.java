package org.serverlessloyalty.shared.transaction.port;

import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;

/** A store's transaction settings, defaults when never set (the adapter may cache them briefly). */
public interface TransactionSettingsSource {

    TransactionSettings settings(StoreCode store);

    /**
     * The settings as stored now, for a refusal about to be based on them (returns off, T2): a store that just
     * turned returns on is not refused for up to {@code StoreCacheSeconds}. A cache may limit how often it reads.
     */
    default TransactionSettings current(StoreCode store) {
        return settings(store);
    }
}

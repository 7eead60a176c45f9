package org.serverlessloyalty.shared.transaction.port;

import java.time.Instant;
import java.util.Optional;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;

/** A store's transaction settings item: empty when never set ({@link TransactionSettings#DEFAULTS} then). */
public interface TransactionSettingsRepository {

    Optional<TransactionSettings> find(StoreCode store);

    void save(StoreCode store, TransactionSettings settings, Instant now);
}

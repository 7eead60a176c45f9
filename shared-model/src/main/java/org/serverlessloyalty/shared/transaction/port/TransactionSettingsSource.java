package org.serverlessloyalty.shared.transaction.port;

import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;

/** A store's transaction settings, defaults when never set (the adapter may cache them briefly). */
public interface TransactionSettingsSource {

    TransactionSettings settings(StoreCode store);
}

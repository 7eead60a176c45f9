package org.serverlessloyalty.shared.points.port;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.serverlessloyalty.shared.points.model.ListedState;
import org.serverlessloyalty.shared.points.model.StoredTransfer;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** The transfers whose stored state time has changed, and the conditional write that tidies one up. */
public interface DueTransfers {

    /**
     * Hands {@code page} the store's transfers whose stored state's {@code nextChange} is at or before {@code now},
     * earliest first, a page at a time: one pass over what is due (a transfer tidied meanwhile is not met again).
     */
    void due(StoreCode store, Instant now, Consumer<List<StoredTransfer>> page);

    /**
     * Stores {@code tidied} for the transfer only if its item is still exactly as {@code seen} was read in everything
     * the decision rests on (not cancelled, the same lock end and expiry, the same stored state and next change).
     *
     * @return false when it was not (the transfer changed meanwhile, or a concurrent write held it): nothing written
     */
    boolean tidy(StoredTransfer seen, ListedState tidied);
}

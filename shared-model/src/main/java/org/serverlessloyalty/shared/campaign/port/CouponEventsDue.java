package org.serverlessloyalty.shared.campaign.port;

import java.time.Instant;
import java.util.List;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Bought rewards whose coupon-created event is due: marked by their purchase, unmarked once handed over, so an event
 * a crash kept from being handed over is found and sent later.
 */
public interface CouponEventsDue {

    /** The store's rewards still marked, bought at or before {@code boughtUpTo}, oldest first, at most {@code max}. */
    List<Purchase> due(StoreCode store, Instant boughtUpTo, int max);

    /** Removes the rewards' marks: their events were handed over. */
    void handedOver(StoreCode store, List<Purchase> rewards);
}

package org.serverlessloyalty.shared.order.port;

import java.util.Optional;
import org.serverlessloyalty.shared.order.model.AppliedOrder;
import org.serverlessloyalty.shared.order.model.ApplyResult;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Orders and the code uses they take, applied exactly once, as the functions see them (the consumer applies, the
 * read routes find). {@code order.service.OrderApplication} is the implementation: it decides, and every limit is
 * a condition the store enforces in the same transaction that records the order.
 */
public interface OrderLedger {

    /**
     * Applies a report. A trusted PAID report (CibleR, CitrusAd) records the order (once per order id,
     * whichever of them sent it) and takes one use of each code it can: one the store has, usable at
     * the order's date, within its limits; a trusted CANCELLED or REFUNDED report gives back the uses a
     * PAID order took, once. A beacon report is only kept beside the order, once per id: it takes,
     * blocks and gives back nothing.
     *
     * @throws UnknownStoreException when the store does not exist (the message is retried, then dead-lettered)
     */
    ApplyResult apply(OrderReport report, String contentHash);

    Optional<AppliedOrder> find(StoreCode store, String orderId);

    /** The store does not exist (yet): a report that cannot be applied until it does. */
    class UnknownStoreException extends RuntimeException {
        public UnknownStoreException(StoreCode store) {
            super("Store " + store + " does not exist", null, false, false);
        }
    }
}

package org.serverlessloyalty.shared.store;

import java.util.Optional;
import org.serverlessloyalty.shared.model.StoreCode;
import org.serverlessloyalty.shared.model.order.AppliedOrder;
import org.serverlessloyalty.shared.model.order.ApplyResult;
import org.serverlessloyalty.shared.model.order.OrderReport;

/**
 * Orders and the code uses they take, applied exactly once: every limit is a condition the store
 * enforces in the same transaction that records the order.
 */
public interface OrderLedger {

    /**
     * Applies a report. A PAID report records the order (once per order id, whatever its source)
     * and takes one use of each code it can; a CANCELLED or REFUNDED report gives back the uses
     * a PAID order took, once.
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

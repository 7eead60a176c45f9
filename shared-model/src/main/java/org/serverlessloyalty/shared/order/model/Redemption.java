package org.serverlessloyalty.shared.order.model;

import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;

/**
 * What an order did with one of its codes.
 *
 * @param reason          why a CONFLICT could not take a use (NOT_FOUND, NOT_YET_ACTIVE, EXPIRED, USAGE_EXHAUSTED,
 *                        CUSTOMER_LIMIT_REACHED), judged at the order's date
 * @param customerCounted whether the use was also counted against the shopper's per-customer limit,
 *                        so a release gives back exactly what was taken
 */
public record Redemption(CodeValue code, Outcome outcome, ValidationReason reason, boolean customerCounted) {

    public enum Outcome {
        /** The order took one use of the code. */
        APPLIED,
        /** The code could not be used any more; the order is recorded all the same. */
        CONFLICT,
        /** The order was cancelled or refunded and its use given back. */
        RELEASED
    }
}

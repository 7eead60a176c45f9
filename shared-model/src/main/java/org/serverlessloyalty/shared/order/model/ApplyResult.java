package org.serverlessloyalty.shared.order.model;

/** What applying one order report changed. */
public enum ApplyResult {
    /** A new order was recorded (its codes APPLIED or CONFLICT). */
    RECORDED,
    /** A recorded order was cancelled or refunded and its uses given back. */
    RELEASED,
    /** Nothing changed: the order was applied already (a replay, a redelivery, another endpoint). */
    UNCHANGED
}

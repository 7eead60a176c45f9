package org.serverlessloyalty.shared.giftcode.model;

/** Why a code cannot be used; the rules check them in this order and report the first that applies. */
public enum ValidationReason {
    NOT_FOUND,
    /** The merchant voided it (alone or with its whole batch). */
    VOIDED,
    NOT_YET_ACTIVE,
    EXPIRED,
    USAGE_EXHAUSTED,
    CUSTOMER_LIMIT_REACHED,
    NOT_COMBINABLE,
    THRESHOLD_NOT_REACHED,
    NO_ELIGIBLE_ITEM
}

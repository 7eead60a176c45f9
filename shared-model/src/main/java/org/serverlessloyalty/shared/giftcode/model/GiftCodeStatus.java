package org.serverlessloyalty.shared.giftcode.model;

/**
 * A code's state as the admin API lists it, decided by {@code GiftCodeRules.status} in this order:
 * the first that applies wins.
 */
public enum GiftCodeStatus {
    /** Written by a creation request that has not committed (or never will): not a usable code. */
    PENDING,
    /** Voided by the merchant. */
    VOIDED,
    /** Before its {@code activeFrom} day in the store's time zone. */
    SCHEDULED,
    /** After its {@code expirationDate} day in the store's time zone. */
    EXPIRED,
    /** Its {@code numberOfUsage} uses are consumed. */
    EXHAUSTED,
    /** Usable (each checkout still checks the cart, the shopper's own limit and combinability). */
    ACTIVE
}

package org.serverlessloyalty.shared.model;

/** The CibleR coupon types. */
public enum DiscountType {
    /** A fixed amount off, in the store currency's major units. */
    VALUE,
    /** A percentage off, 0 &lt; value &le; 100. */
    PERCENT,
    /** Free shipping; value is not used. */
    FREESHIPPING
}

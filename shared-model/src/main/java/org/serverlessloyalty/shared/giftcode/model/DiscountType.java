package org.serverlessloyalty.shared.giftcode.model;

/** The CibleR coupon types. */
public enum DiscountType {
    /** A fixed amount off, in the store currency's major units. */
    VALUE,
    /** A percentage off, 0 &lt; value &le; 100. */
    PERCENT,
    /**
     * Free shipping. {@code value} is the shipping amount covered, in major units; 0 or none covers
     * all of it. The CibleR body makes {@code value} mandatory for every type, so it is kept.
     */
    FREESHIPPING
}

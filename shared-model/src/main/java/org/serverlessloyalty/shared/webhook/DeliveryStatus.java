package org.serverlessloyalty.shared.webhook;

/** Where one coupon-created delivery stands. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}

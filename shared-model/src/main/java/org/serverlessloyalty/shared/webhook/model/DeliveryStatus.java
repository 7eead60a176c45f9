package org.serverlessloyalty.shared.webhook.model;

/** Where one coupon-created delivery stands. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}

package org.serverlessloyalty.shared.order.model;

/** Where an order stands. PAID takes code uses; CANCELLED and REFUNDED give them back. */
public enum OrderStatus {
    PAID,
    CANCELLED,
    REFUNDED;

    public boolean releases() {
        return this != PAID;
    }
}

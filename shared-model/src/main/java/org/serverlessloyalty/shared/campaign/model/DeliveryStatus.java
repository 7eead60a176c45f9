package org.serverlessloyalty.shared.campaign.model;

import java.util.Arrays;
import java.util.Optional;

/** A bought reward's delivery (C29): lower case on the wire; anything else is a 400. */
public enum DeliveryStatus {
    ORDERED, CANCELED, SHIPPED, DELIVERED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<DeliveryStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}

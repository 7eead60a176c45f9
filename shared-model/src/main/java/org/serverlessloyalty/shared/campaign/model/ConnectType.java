package org.serverlessloyalty.shared.campaign.model;

import java.util.Arrays;
import java.util.Optional;

/** How a custom campaign (C8) is reached: {@code none}, or through a QR-code or geolocation earning rule. */
public enum ConnectType {
    NONE("none"), QRCODE("qrcode"), GEOLOCATION("geolocation");

    private final String wire;

    ConnectType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ConnectType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }
}

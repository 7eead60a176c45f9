package org.serverlessloyalty.shared.points.model;

/**
 * {@code pointType} of the points histogram ({@code GET /points/transfers}, B12), kept as per-day counters written
 * in the same transaction as the transfers they count:
 * <ul>
 * <li>{@code earned}: the value of adding transfers (not p2p) made that day, less those since cancelled;</li>
 * <li>{@code spent}: the value of spending transfers made that day;</li>
 * <li>{@code expired}: what lots whose last valid day it is still hold: points that expired that day (past days)
 *     or will unless spent first (future days);</li>
 * <li>{@code pending}: what locked lots unlocking that day hold: points that unlocked (past) or will (future).</li>
 * </ul>
 */
public enum HistogramType {
    EARNED("earned"),
    SPENT("spent"),
    EXPIRED("expired"),
    PENDING("pending");

    private final String openLoyaltyName;

    HistogramType(String openLoyaltyName) {
        this.openLoyaltyName = openLoyaltyName;
    }

    public String openLoyaltyName() {
        return openLoyaltyName;
    }

    public static HistogramType fromOpenLoyaltyName(String name) {
        for (HistogramType type : values()) {
            if (type.openLoyaltyName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown point type " + name);
    }
}

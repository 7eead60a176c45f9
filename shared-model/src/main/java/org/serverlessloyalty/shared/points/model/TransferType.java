package org.serverlessloyalty.shared.points.model;

/**
 * Open Loyalty's transfer types (rule P2) plus 4.x's block (B9).
 *
 * <p>The two add types are <em>lots</em>: they hold points ({@code available}) that spends, p2p sends and blocks
 * draw on. A block is not a lot: it takes its points from lots exactly as a spend does and keeps a record of
 * what it took from each ({@link Draw}); cancelling it (B9: "unblocked through cancel") gives each amount back
 * to its lot.
 */
public enum TransferType {
    ADDING("adding"),
    SPENDING("spending"),
    P2P_ADDING("p2p_adding"),
    P2P_SPENDING("p2p_spending"),
    BLOCKED("blocked");

    private final String openLoyaltyName;

    TransferType(String openLoyaltyName) {
        this.openLoyaltyName = openLoyaltyName;
    }

    public String openLoyaltyName() {
        return openLoyaltyName;
    }

    /** Holds points others can draw on (rule P1: adding and p2p_adding). */
    public boolean isLot() {
        return this == ADDING || this == P2P_ADDING;
    }

    /** Draws points from lots when it is written. */
    public boolean draws() {
        return this == SPENDING || this == P2P_SPENDING || this == BLOCKED;
    }

    public static TransferType fromOpenLoyaltyName(String name) {
        for (TransferType type : values()) {
            if (type.openLoyaltyName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown transfer type " + name);
    }
}

package org.serverlessloyalty.shared.points.model;

/**
 * A transfer's state (rule P2, 4.x's {@code blocked}). Never stored: derived at a given instant from
 * {@code lockedUntil}, the expiry and the cancel mark (section 4 item 7), so expiry and unlocking are exact at
 * every read and spend, whether or not any job ran.
 */
public enum TransferState {
    ACTIVE("active"),
    /** Locked (rule P6): counted in {@code lockedPoints}, not in the balance. */
    PENDING("pending"),
    EXPIRED("expired"),
    CANCELED("canceled"),
    /** An open block (B9): its points are held, not spendable, until it is cancelled. */
    BLOCKED("blocked");

    private final String openLoyaltyName;

    TransferState(String openLoyaltyName) {
        this.openLoyaltyName = openLoyaltyName;
    }

    public String openLoyaltyName() {
        return openLoyaltyName;
    }

    public static TransferState fromOpenLoyaltyName(String name) {
        for (TransferState state : values()) {
            if (state.openLoyaltyName.equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown transfer state " + name);
    }
}

package org.serverlessloyalty.shared.referral.model;

import java.util.Optional;

/** Where an invitation stands (the docs' {@code status} filter: Invited, Registered, Made purchase). */
public enum InvitationStatus {
    INVITED("invited"),
    REGISTERED("registered"),
    MADE_PURCHASE("made_purchase");

    private final String openLoyaltyName;

    InvitationStatus(String openLoyaltyName) {
        this.openLoyaltyName = openLoyaltyName;
    }

    public String openLoyaltyName() {
        return openLoyaltyName;
    }

    /** {@code invited}, {@code registered}, {@code made_purchase}; the docs' labels ({@code Made purchase}) too. */
    public static Optional<InvitationStatus> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normal = name.trim().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
        for (InvitationStatus status : values()) {
            if (status.openLoyaltyName.equals(normal)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}

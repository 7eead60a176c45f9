package org.serverlessloyalty.shared.points.model;

import java.util.Optional;

/**
 * A member's status, named as {@link MemberRef#status()} and the store's points settings name it
 * ({@code customerStatusesEarning}, {@code customerStatusesSpending}).
 */
public enum MemberStatus {
    /** Registered or activated: by default the only status that earns and spends. */
    ACTIVE("active"),
    /** Deactivated by the store (Open Loyalty's {@code active: false}). */
    INACTIVE("inactive"),
    /** Personal data erased (GDPR); the ledger is kept. Final: such a member is never activated again. */
    ANONYMIZED("anonymized");

    private final String value;

    MemberStatus(String value) {
        this.value = value;
    }

    /** The name the API and the settings use. */
    public String value() {
        return value;
    }

    public static Optional<MemberStatus> fromValue(String value) {
        for (MemberStatus status : values()) {
            if (status.value.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}

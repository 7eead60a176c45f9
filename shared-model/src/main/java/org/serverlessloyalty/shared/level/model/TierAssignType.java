package org.serverlessloyalty.shared.level.model;

import java.util.Locale;

/** Setting {@code tierAssignType} (rule L2): what a member's level follows. */
public enum TierAssignType {
    /** Their points (L3). */
    POINTS,
    /** Their transactions' amount (L4). */
    TRANSACTIONS;

    public String openLoyaltyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TierAssignType fromOpenLoyaltyName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

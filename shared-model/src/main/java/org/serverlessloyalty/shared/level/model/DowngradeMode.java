package org.serverlessloyalty.shared.level.model;

import java.util.Locale;

/** Setting {@code levelDowngradeMode} (rule L3): when a member whose amount fell moves down. */
public enum DowngradeMode {
    /** Never: a level once reached is kept. */
    NONE,
    /** At once, on the change that made the amount fall (Open Loyalty's default). */
    AUTOMATIC,
    /** Only on the scheduled recalculation, {@code levelDowngradeDays} days after the level last changed. */
    AFTER_X_DAYS;

    public String openLoyaltyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DowngradeMode fromOpenLoyaltyName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

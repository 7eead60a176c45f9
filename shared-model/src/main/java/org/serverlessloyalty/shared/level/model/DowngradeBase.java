package org.serverlessloyalty.shared.level.model;

import java.util.Locale;

/** Setting {@code levelDowngradeBase} (rule L3): which points a member's level follows in points mode. */
public enum DowngradeBase {
    /** The balance (Open Loyalty's default; issue #131: spending lowers the level). */
    ACTIVE_POINTS,
    /** Every point ever earned: section 4 item 13 (D), where Open Loyalty counts only those since the last change. */
    EARNED_POINTS,
    /**
     * Reaching a level counts every point earned; keeping it counts the points earned since the level last changed
     * (Open Loyalty's {@code pointsRequiredToRetainLevel}).
     */
    EARNED_POINTS_SINCE_LAST_LEVEL_CHANGE;

    public String openLoyaltyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DowngradeBase fromOpenLoyaltyName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

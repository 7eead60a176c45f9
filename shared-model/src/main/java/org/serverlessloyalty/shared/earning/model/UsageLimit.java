package org.serverlessloyalty.shared.earning.model;

/**
 * {@code limit[active,period,limit]} of custom event, geolocation and QR-code rules (E12): at most {@code limit} uses
 * per member per calendar {@code period}. Inactive: no limit (period and limit are then null).
 */
public record UsageLimit(boolean active, LimitPeriod period, Integer limit) {

    public static final UsageLimit NONE = new UsageLimit(false, null, null);

    public UsageLimit {
        if (active && (period == null || limit == null || limit < 1)) {
            throw new IllegalArgumentException("an active limit needs a period and a limit of at least 1");
        }
        if (!active) {
            period = null;
            limit = null;
        }
    }
}

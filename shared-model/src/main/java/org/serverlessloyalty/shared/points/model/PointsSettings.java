package org.serverlessloyalty.shared.points.model;

import java.util.Set;

/**
 * A store's points programme settings, kept with the store ({@code PUT /api/store/{storeCode}}): rules P5
 * (expiry), P6 (lock) and which member statuses may earn and spend.
 *
 * @param expiryDays            N for {@link ExpiryMode#AFTER_X_DAYS} (Open Loyalty's {@code pointsDaysActiveCount})
 * @param lockDays              days added points stay locked (pending) before they count; 0 = never locked
 * @param earningStatuses       member statuses whose members may receive points
 * @param spendingStatuses      member statuses whose members may spend or send points
 * @param refuseCancelWhenSpent section 4 item 8's option: refuse cancelling an add transfer part of which was
 *                              spent (default false: Open Loyalty's behaviour, with the spent part recorded)
 */
public record PointsSettings(ExpiryMode expiryMode, int expiryDays, int lockDays, Set<String> earningStatuses,
                             Set<String> spendingStatuses, boolean refuseCancelWhenSpent) {

    /** Open Loyalty's defaults: expire 90 days after, no lock, active members earn and spend. */
    public static final PointsSettings DEFAULTS = new PointsSettings(ExpiryMode.AFTER_X_DAYS, 90, 0,
            Set.of("active"), Set.of("active"), false);

    public PointsSettings {
        if (expiryDays < 1 && expiryMode == ExpiryMode.AFTER_X_DAYS) {
            throw new IllegalArgumentException("expiryDays must be at least 1");
        }
        if (lockDays < 0) {
            throw new IllegalArgumentException("lockDays must not be negative");
        }
        earningStatuses = Set.copyOf(earningStatuses);
        spendingStatuses = Set.copyOf(spendingStatuses);
    }
}

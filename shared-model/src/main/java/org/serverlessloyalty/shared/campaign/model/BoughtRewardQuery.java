package org.serverlessloyalty.shared.campaign.model;

import java.time.Instant;

/**
 * The filters of the bought-reward lists: A7 (store-wide, every filter) and A15/A17 (one member: deliveryStatus and
 * paging). A null bound or value does not filter. Bounds are inclusive, as Open Loyalty's {@code >=}/{@code <=}.
 * Section 4 item 11: {@code activeToFrom/To} filter on {@code activeTo} (Open Loyalty maps them onto activeSince).
 *
 * @param page    1-based
 * @param perPage at most {@link #MAX_PER_PAGE}
 */
public record BoughtRewardQuery(Boolean used, DeliveryStatus deliveryStatus, Instant purchasedAtFrom,
                                Instant purchasedAtTo, Instant usageDateFrom, Instant usageDateTo,
                                Instant activeSinceFrom, Instant activeSinceTo, Instant activeToFrom,
                                Instant activeToTo, int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 10;
    public static final int MAX_PER_PAGE = 100;

    /** A member's list (A15, A17): only deliveryStatus filters. */
    public static BoughtRewardQuery ofMember(DeliveryStatus deliveryStatus, int page, int perPage) {
        return new BoughtRewardQuery(null, deliveryStatus, null, null, null, null, null, null, null, null, page,
                perPage);
    }

    /** Whether a reward passes every filter but the purchase dates (those are the index's key range). */
    public boolean matches(Purchase p) {
        return (used == null || used == p.used())
                && (deliveryStatus == null || deliveryStatus == p.deliveryStatus())
                && within(p.usedAt(), usageDateFrom, usageDateTo)
                && within(p.activeSince(), activeSinceFrom, activeSinceTo)
                && within(p.activeTo(), activeToFrom, activeToTo)
                && within(p.purchasedAt(), purchasedAtFrom, purchasedAtTo);
    }

    public int offset() {
        return (page - 1) * perPage;
    }

    /** A bound given and no value to compare: the reward does not match (SQL's NULL comparison, as OL's query). */
    private static boolean within(Instant value, Instant from, Instant to) {
        if (from == null && to == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        return (from == null || !value.isBefore(from)) && (to == null || !value.isAfter(to));
    }
}

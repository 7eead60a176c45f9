package org.serverlessloyalty.shared.campaign.model;

import java.time.Instant;

/**
 * {@code campaignActivity} or {@code campaignVisibility}: always, or from {@code from} to {@code to} inclusive (C11).
 * Both dates are set unless {@code allTime} (the form refuses one without the other).
 */
public record CampaignWindow(boolean allTime, Instant from, Instant to) {

    public static final CampaignWindow ALWAYS = new CampaignWindow(true, null, null);

    public CampaignWindow {
        if (!allTime && (from == null || to == null)) {
            throw new IllegalArgumentException("a window that is not all-time has both dates");
        }
    }

    public boolean contains(Instant now) {
        return allTime || (!now.isBefore(from) && !now.isAfter(to));
    }
}

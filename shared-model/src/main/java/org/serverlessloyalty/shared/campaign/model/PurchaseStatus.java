package org.serverlessloyalty.shared.campaign.model;

/**
 * A bought reward's status (C21, C23), derived at read time from its dates like a points lot's state (section 4 item
 * 7): no cron has to run for a coupon to become active or expire.
 */
public enum PurchaseStatus {
    INACTIVE, ACTIVE, EXPIRED, CANCELLED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

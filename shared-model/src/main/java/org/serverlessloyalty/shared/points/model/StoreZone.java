package org.serverlessloyalty.shared.points.model;

import java.time.ZoneId;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** The store a points action runs in and its time zone: expiry ends at 23:59:59 there (rule P5, item 7). */
public record StoreZone(StoreCode code, ZoneId zone) {

    public StoreZone {
        if (code == null || zone == null) {
            throw new IllegalArgumentException("a store and its time zone are required");
        }
    }
}

package org.serverlessloyalty.shared.points.port;

import java.time.Instant;
import java.util.Optional;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Where a store's points settings are kept (set through {@code PUT /api/store/{storeCode}}). */
public interface PointsSettingsRepository {

    /** The settings last saved, read consistently; empty when the store never set any (the defaults apply). */
    Optional<PointsSettings> find(StoreCode store);

    void save(StoreCode store, PointsSettings settings, Instant now);
}

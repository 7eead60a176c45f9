package org.serverlessloyalty.shared.points.port;

import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A store's points settings (cached briefly by the adapter, like the store itself); defaults when never set. */
public interface PointsSettingsSource {

    PointsSettings settings(StoreCode store);
}

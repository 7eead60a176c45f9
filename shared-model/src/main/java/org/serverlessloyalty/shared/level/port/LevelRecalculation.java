package org.serverlessloyalty.shared.level.port;

import org.serverlessloyalty.shared.points.model.StoreZone;

/**
 * Places a member in the level their points or transactions now reach (rules L2-L5): called after anything that
 * changes them (a points transfer, a transaction, a return). Idempotent: calling it twice changes nothing more.
 */
public interface LevelRecalculation {

    void recalculate(StoreZone store, String memberId);
}

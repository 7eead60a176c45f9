package org.serverlessloyalty.shared.level.port;

import java.time.Instant;
import java.util.Optional;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A store's level settings, in their own item; empty when the store never set any (the defaults then apply). */
public interface LevelSettingsRepository {

    Optional<LevelSettings> find(StoreCode store);

    void save(StoreCode store, LevelSettings settings, Instant now);
}

package org.serverlessloyalty.shared.earning.port;

import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The names of the levels and segments a rule targets, for its {@code levelNames} and {@code segmentNames}
 * (E-4). Defined here because the levels and segments domains arrive separately; {@link #NONE} knows no names.
 */
public interface TargetNames {

    /** id → name of those of {@code ids} that exist. */
    Map<String, String> levelNames(StoreCode store, Set<String> ids);

    Map<String, String> segmentNames(StoreCode store, Set<String> ids);

    TargetNames NONE = new TargetNames() {
        @Override
        public Map<String, String> levelNames(StoreCode store, Set<String> ids) {
            return Map.of();
        }

        @Override
        public Map<String, String> segmentNames(StoreCode store, Set<String> ids) {
            return Map.of();
        }
    };
}

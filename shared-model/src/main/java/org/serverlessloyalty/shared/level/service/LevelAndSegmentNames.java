package org.serverlessloyalty.shared.level.service;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.serverlessloyalty.shared.earning.port.TargetNames;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.port.LevelRepository;
import org.serverlessloyalty.shared.segment.model.Segment;
import org.serverlessloyalty.shared.segment.port.SegmentRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The names an earning rule shows for the levels and segments it targets ({@code levelNames}, {@code segmentNames},
 * E-4): a store's levels and segments are one partition each, so one Query apiece, however many a rule names.
 */
public final class LevelAndSegmentNames implements TargetNames {

    private final LevelRepository levels;
    private final SegmentRepository segments;

    public LevelAndSegmentNames(LevelRepository levels, SegmentRepository segments) {
        this.levels = levels;
        this.segments = segments;
    }

    @Override
    public Map<String, String> levelNames(StoreCode store, Set<String> ids) {
        Map<String, String> names = new TreeMap<>();
        if (!ids.isEmpty()) {
            for (Level level : levels.all(store)) {
                if (ids.contains(level.id())) {
                    names.put(level.id(), level.name());
                }
            }
        }
        return names;
    }

    @Override
    public Map<String, String> segmentNames(StoreCode store, Set<String> ids) {
        Map<String, String> names = new TreeMap<>();
        if (!ids.isEmpty()) {
            for (Segment segment : segments.all(store)) {
                if (ids.contains(segment.id())) {
                    names.put(segment.id(), segment.name());
                }
            }
        }
        return names;
    }
}

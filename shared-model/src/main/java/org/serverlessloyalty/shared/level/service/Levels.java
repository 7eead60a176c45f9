package org.serverlessloyalty.shared.level.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.port.LevelRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A store's levels (L-1..L-7): defined, changed, (de)activated and listed; each with its members. */
public final class Levels {

    private final LevelRepository levels;

    public Levels(LevelRepository levels) {
        this.levels = levels;
    }

    /** L-1: a new level under a new random id (Open Loyalty's UUIDs). */
    public Level create(StoreCode store, Level draft) {
        for (int attempt = 0; ; attempt++) {
            Level level = new Level(UUID.randomUUID().toString(), draft.name(), draft.description(), draft.active(),
                    draft.conditionValue(), draft.minOrder(), draft.reward(), draft.specialRewards(), draft.createdAt());
            if (levels.create(store, level)) {
                return level;
            }
            if (attempt > 2) {
                throw new IllegalStateException("random level ids kept colliding");
            }
        }
    }

    /** L-2: the whole form replaces the level (its id and creation time stay); empty when there is no such level. */
    public Optional<Level> replace(StoreCode store, String levelId, Level form) {
        Optional<Level> existing = levels.find(store, levelId);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Level changed = new Level(levelId, form.name(), form.description(), form.active(), form.conditionValue(),
                form.minOrder(), form.reward(), form.specialRewards(), existing.get().createdAt());
        return levels.replace(store, changed) ? Optional.of(changed) : Optional.empty();
    }

    /** L-5. */
    public Optional<Level> activate(StoreCode store, String levelId, boolean active) {
        Optional<Level> existing = levels.find(store, levelId);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Level changed = existing.get().withActive(active);
        return levels.replace(store, changed) ? Optional.of(changed) : Optional.empty();
    }

    public Optional<Level> find(StoreCode store, String levelId) {
        return levels.find(store, levelId);
    }

    /** L-4: by condition value, as a ladder reads. */
    public List<Level> list(StoreCode store) {
        return levels.all(store).stream()
                .sorted(Comparator.comparing(Level::conditionValue).thenComparing(Level::name).thenComparing(Level::id))
                .toList();
    }

    public long customersCount(StoreCode store, String levelId) {
        return levels.countMembers(store, levelId);
    }

    /** L-6: one page of the level's members' ids, in id order. */
    public List<String> members(StoreCode store, String levelId, int page, int perPage) {
        return levels.members(store, levelId, (page - 1) * perPage, perPage);
    }
}

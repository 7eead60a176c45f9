package org.serverlessloyalty.shared.level.port;

import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.model.MemberLevel;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A store's levels, its members' level states and each level's members. */
public interface LevelRepository {

    /** @return false when a level with this id exists already (nothing written) */
    boolean create(StoreCode store, Level level);

    /** @return false when the level does not exist (nothing written) */
    boolean replace(StoreCode store, Level level);

    Optional<Level> find(StoreCode store, String levelId);

    /** Every level of the store (a store has few), in no particular order. One Query. */
    List<Level> all(StoreCode store);

    /** The member's state; {@link MemberLevel#none} when never placed. Strongly consistent. */
    MemberLevel state(StoreCode store, String memberId);

    /**
     * Writes {@code next} while the member's state is still {@code previous} (its version), and moves the member from
     * the old level's members to the new one's, in one transaction.
     *
     * @return Committed; Refused (the state changed since it was read: read and decide again); or Contended
     */
    PlanResult<MemberLevel> save(StoreCode store, MemberLevel previous, MemberLevel next);

    /** The members of a level, in member-id order: at most {@code limit} after skipping {@code offset}. */
    List<String> members(StoreCode store, String levelId, int offset, int limit);

    /**
     * Members in a level whose level clock ({@link MemberLevel#changedAt}) is before {@code cutoff}: those an
     * after_x_days review is due for, oldest first, at most {@code limit}. One Query of a sparse index.
     */
    List<String> clockedBefore(StoreCode store, java.time.Instant cutoff, int limit);

    /** How many members the level has (Open Loyalty's {@code customersCount}). */
    long countMembers(StoreCode store, String levelId);
}

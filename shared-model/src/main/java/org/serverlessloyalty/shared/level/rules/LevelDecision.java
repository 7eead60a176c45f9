package org.serverlessloyalty.shared.level.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.serverlessloyalty.shared.level.model.DowngradeMode;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.model.LevelAmounts;
import org.serverlessloyalty.shared.level.model.LevelMovement;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.level.model.MemberLevel;
import org.serverlessloyalty.shared.level.model.TierAssignType;

/**
 * Where a member's level goes (rules L2-L6): pure, decided on the member's state, the store's levels and settings and
 * the amounts read just before.
 *
 * <ul>
 *   <li>Up at once: a level the reach amount places the member in (L2) that is better than theirs.</li>
 *   <li>Down, to the level the retain amount places them in, only when the mode allows it: {@code automatic} on any
 *       change; {@code after_x_days} on the scheduled recalculation once {@code levelDowngradeDays} have passed
 *       since the level last changed; {@code none} never (L3). Levels by transactions follow L4 (Open Loyalty's
 *       {@code handleTransaction}, which reads no mode): down at once.</li>
 *   <li>Never below the manually assigned level (L4, L5; issue #74), which an admin's removal lifts (L-9: the level
 *       then follows the amount, up or down).</li>
 *   <li>A level that no longer exists or was deactivated is no level: the member moves to what the amount gives.</li>
 * </ul>
 */
public final class LevelDecision {

    private LevelDecision() {
    }

    /**
     * @return the member's next state, or empty when nothing changes (the recalculation is then a no-op: idempotent)
     */
    public static Optional<MemberLevel> decide(MemberLevel state, Collection<Level> levels, LevelSettings settings,
                                               LevelAmounts amounts, BigDecimal earnedNow, LevelMovement movement,
                                               Instant now) {
        Map<String, Level> byId = levels.stream().collect(Collectors.toMap(Level::id, Function.identity()));
        Level current = active(byId, state.levelId());
        Level floor = active(byId, state.manualLevelId());
        Level reached = LevelChoice.forAmount(levels, amounts.reach()).orElse(null);
        Level retained = LevelChoice.forAmount(levels, amounts.retain()).orElse(null);

        Level target = current;
        if (LevelChoice.better(reached, current)) {
            target = reached;
        } else if (current != null && LevelChoice.better(current, retained) && mayMoveDown(state, settings, movement, now)) {
            target = retained;
        } else if (current == null && state.levelId() != null) {
            // The member's level was removed or deactivated: place them by the amount.
            target = reached;
        }
        target = LevelChoice.best(target, floor);

        String targetId = target == null ? null : target.id();
        if (java.util.Objects.equals(targetId, state.levelId())) {
            if (reviewDue(state, settings, movement, now)) {
                // after_x_days: the member kept their level at this review; the next one is X days from now, and
                // "earned since the last change" counts from now (Open Loyalty's pointsSinceLastLevelRecalculation).
                return Optional.of(new MemberLevel(state.memberId(), state.levelId(), state.manualLevelId(), now,
                        earnedNow, state.version() + 1));
            }
            return Optional.empty();
        }
        return Optional.of(new MemberLevel(state.memberId(), targetId, state.manualLevelId(), now, earnedNow,
                state.version() + 1));
    }

    /** L-8: the admin's level becomes the member's level and their floor (L5). */
    public static MemberLevel assignManually(MemberLevel state, Level level, BigDecimal earnedNow, Instant now) {
        boolean moves = !level.id().equals(state.levelId());
        return new MemberLevel(state.memberId(), level.id(), level.id(), moves ? now : state.changedAt(),
                moves ? earnedNow : state.earnedAtChange(), state.version() + 1);
    }

    /** L-9: the floor is lifted; the level is recalculated right after, by {@link LevelMovement#MANUAL_REMOVED}. */
    public static MemberLevel removeManual(MemberLevel state) {
        return new MemberLevel(state.memberId(), state.levelId(), null, state.changedAt(), state.earnedAtChange(),
                state.version() + 1);
    }

    static boolean mayMoveDown(MemberLevel state, LevelSettings settings, LevelMovement movement, Instant now) {
        if (movement == LevelMovement.MANUAL_REMOVED || settings.tierAssignType() == TierAssignType.TRANSACTIONS) {
            return true;
        }
        return switch (settings.downgradeMode()) {
            case NONE -> false;
            case AUTOMATIC -> true;
            case AFTER_X_DAYS -> movement == LevelMovement.SCHEDULED && daysPassed(state, settings, now);
        };
    }

    /** The scheduled recalculation of an after_x_days member whose days have passed: a review, even without a move. */
    static boolean reviewDue(MemberLevel state, LevelSettings settings, LevelMovement movement, Instant now) {
        return movement == LevelMovement.SCHEDULED && state.levelId() != null
                && settings.downgradeMode() == DowngradeMode.AFTER_X_DAYS
                && settings.tierAssignType() == TierAssignType.POINTS && daysPassed(state, settings, now);
    }

    /** after_x_days: the days since the level last changed have passed (a member never placed has no clock). */
    static boolean daysPassed(MemberLevel state, LevelSettings settings, Instant now) {
        return state.changedAt() == null
                || !now.isBefore(state.changedAt().plus(Duration.ofDays(settings.downgradeDays())));
    }

    /** after_x_days: the whole days left before the scheduled recalculation may move the member down; else empty. */
    public static Optional<Long> daysUntilDowngrade(MemberLevel state, LevelSettings settings, Instant now) {
        if (settings.downgradeMode() != DowngradeMode.AFTER_X_DAYS || state.levelId() == null
                || state.changedAt() == null || settings.tierAssignType() != TierAssignType.POINTS) {
            return Optional.empty();
        }
        Instant due = state.changedAt().plus(Duration.ofDays(settings.downgradeDays()));
        long days = Math.max(0, Duration.between(now, due).toDays());
        return Optional.of(days);
    }

    private static Level active(Map<String, Level> byId, String id) {
        Level level = id == null ? null : byId.get(id);
        return level != null && level.active() ? level : null;
    }
}

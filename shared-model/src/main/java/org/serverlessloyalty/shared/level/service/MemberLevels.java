package org.serverlessloyalty.shared.level.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.level.model.DowngradeBase;
import org.serverlessloyalty.shared.level.model.DowngradeMode;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.model.LevelAmounts;
import org.serverlessloyalty.shared.level.model.LevelMovement;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.level.model.MemberLevel;
import org.serverlessloyalty.shared.level.model.TierAssignType;
import org.serverlessloyalty.shared.level.port.LevelRecalculation;
import org.serverlessloyalty.shared.level.port.LevelRepository;
import org.serverlessloyalty.shared.level.rules.LevelChoice;
import org.serverlessloyalty.shared.level.rules.LevelDecision;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.TransactionTotals;
import org.serverlessloyalty.shared.transaction.port.MemberTransactions;

/**
 * A member's level (rules L2-L7): recalculated after anything that changes their points or transactions, assigned and
 * released by an admin (L-8, L-9), and shown in their status (1.B.2). Each change reads the member's state, decides
 * ({@link LevelDecision}) and writes on the condition that the state is still the one read; a concurrent change makes
 * it read and decide again, so two recalculations racing end in the level the last amounts give.
 */
public final class MemberLevels implements LevelRecalculation {

    private final LevelRepository levels;
    private final LevelSettingsCache settings;
    private final PointsAccounts accounts;
    private final MemberTransactions transactions;
    private final Clock clock;

    public MemberLevels(LevelRepository levels, LevelSettingsCache settings, PointsAccounts accounts,
                        MemberTransactions transactions, Clock clock) {
        this.levels = levels;
        this.settings = settings;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the member's status shows of their level (1.B.2). */
    public record View(Level level, Level next, MemberLevel state, LevelSettings settings, AccountStatus points,
                       TransactionTotals totals, LevelAmounts amounts, Optional<Long> levelWillExpireInDays) {
    }

    public sealed interface Assignment {
        record Assigned(Level level) implements Assignment {
        }

        /** The levelId names no level of the store (section 4 item 10: 400, where Open Loyalty answers 500). */
        record NoSuchLevel() implements Assignment {
        }
    }

    @Override
    public void recalculate(StoreZone store, String memberId) {
        move(store, memberId, LevelMovement.CHANGE);
    }

    /** The scheduled recalculation: what after_x_days waits for (L3). */
    public void recalculateScheduled(StoreZone store, String memberId) {
        move(store, memberId, LevelMovement.SCHEDULED);
    }

    /**
     * The scheduled review of a store (L3's after_x_days): each member whose level clock is older than
     * {@code levelDowngradeDays} is recalculated as {@link LevelMovement#SCHEDULED}; nothing for other modes.
     *
     * @param limit the most members one run reviews (the next run takes the rest: they are still due)
     * @return how many members were reviewed
     */
    public int reviewDue(StoreZone store, int limit) {
        LevelSettings rules = settings.settings(store.code());
        if (rules.downgradeMode() != DowngradeMode.AFTER_X_DAYS || rules.tierAssignType() != TierAssignType.POINTS) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(java.time.Duration.ofDays(rules.downgradeDays()));
        List<String> due = levels.clockedBefore(store.code(), cutoff.plusMillis(1), limit);
        for (String memberId : due) {
            recalculateScheduled(store, memberId);
        }
        return due.size();
    }

    /** @return the member's level after the recalculation (null when none) */
    private String move(StoreZone store, String memberId, LevelMovement movement) {
        if (levels.all(store.code()).isEmpty()) {
            // A store without levels (levels are never deleted, so no member of it has one): one Query, nothing else.
            return "";
        }
        return Contention.retry("recalculate a member's level", () -> {
            MemberLevel state = levels.state(store.code(), memberId);
            return attempt(store, state, movement);
        });
    }

    private Optional<String> attempt(StoreZone store, MemberLevel state, LevelMovement movement) {
        LevelSettings rules = settings.settings(store.code());
        List<Level> all = levels.all(store.code());
        AccountStatus points = accounts.status(store, state.memberId());
        BigDecimal earned = points.totalEarnedPoints().value();
        LevelAmounts amounts = amounts(store.code(), state, rules, points, movement);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<MemberLevel> next = LevelDecision.decide(state, all, rules, amounts, earned, movement, now);
        if (next.isEmpty()) {
            return Optional.of(state.levelId() == null ? "" : state.levelId());
        }
        PlanResult<MemberLevel> result = levels.save(store.code(), state, next.get());
        if (result instanceof PlanResult.Committed<MemberLevel>) {
            return Optional.of(next.get().levelId() == null ? "" : next.get().levelId());
        }
        return Optional.empty();
    }

    /** L-8: the level (active or not) becomes the member's and their floor. */
    public Assignment assign(StoreZone store, String memberId, String levelId) {
        Optional<Level> level = levels.find(store.code(), levelId);
        if (level.isEmpty()) {
            return new Assignment.NoSuchLevel();
        }
        Contention.retry("assign a level", () -> {
            MemberLevel state = levels.state(store.code(), memberId);
            BigDecimal earned = accounts.status(store, memberId).totalEarnedPoints().value();
            MemberLevel next = LevelDecision.assignManually(state, level.get(), earned,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return levels.save(store.code(), state, next) instanceof PlanResult.Committed<MemberLevel>
                    ? Optional.of(next) : Optional.empty();
        });
        return new Assignment.Assigned(level.get());
    }

    /** L-9: the floor is lifted and the level follows the member's amount again, up or down (L5). */
    public void removeManual(StoreZone store, String memberId) {
        Contention.retry("remove a manual level", () -> {
            MemberLevel state = levels.state(store.code(), memberId);
            if (state.manualLevelId() == null) {
                return Optional.of(state);
            }
            MemberLevel released = LevelDecision.removeManual(state);
            return levels.save(store.code(), state, released) instanceof PlanResult.Committed<MemberLevel>
                    ? Optional.of(released) : Optional.empty();
        });
        move(store, memberId, LevelMovement.MANUAL_REMOVED);
    }

    /** The member's level, next level and what is missing, as committed now. */
    public View view(StoreZone store, String memberId) {
        LevelSettings rules = settings.settings(store.code());
        MemberLevel state = levels.state(store.code(), memberId);
        List<Level> all = levels.all(store.code());
        Level level = all.stream().filter(l -> l.id().equals(state.levelId())).findFirst().orElse(null);
        Level next = LevelChoice.next(all, level).orElse(null);
        AccountStatus points = accounts.status(store, memberId);
        TransactionTotals totals = transactions.totals(store.code(), memberId, rules.excludedSkus(),
                rules.excludedCategories());
        LevelAmounts amounts = amounts(rules, state, points, totals, LevelMovement.SCHEDULED);
        return new View(level, next, state, rules, points, totals, amounts,
                LevelDecision.daysUntilDowngrade(state, rules, clock.instant()));
    }

    private LevelAmounts amounts(StoreCode store, MemberLevel state, LevelSettings rules, AccountStatus points,
                                 LevelMovement movement) {
        TransactionTotals totals = rules.tierAssignType() == TierAssignType.TRANSACTIONS
                ? transactions.totals(store, state.memberId(), rules.excludedSkus(), rules.excludedCategories())
                : TransactionTotals.NONE;
        return amounts(rules, state, points, totals, movement);
    }

    /**
     * L3, L4 and section 4 item 13: the amounts a level is measured against. By points: the balance
     * ({@code active_points}), every point earned ({@code earned_points}; Open Loyalty counts only those since the
     * last recalculation, its bug), or every point earned to reach and those earned since the level last changed to
     * keep it ({@code earned_points_since_last_level_change}, whose keeping is judged by the scheduled recalculation
     * only: on an ordinary change the member has just earned, never lost, what keeps them). By transactions: the
     * amount, without delivery costs when the store says so, the excluded SKUs and categories left out.
     */
    static LevelAmounts amounts(LevelSettings rules, MemberLevel state, AccountStatus points,
                                TransactionTotals totals, LevelMovement movement) {
        if (rules.tierAssignType() == TierAssignType.TRANSACTIONS) {
            return LevelAmounts.of(rules.excludeDeliveryCosts() ? totals.amountWithoutDeliveryCost() : totals.amount());
        }
        BigDecimal earned = points.totalEarnedPoints().value();
        if (rules.downgradeBase() == DowngradeBase.ACTIVE_POINTS) {
            return LevelAmounts.of(points.points().value());
        }
        if (rules.downgradeBase() == DowngradeBase.EARNED_POINTS || movement == LevelMovement.CHANGE) {
            return LevelAmounts.of(earned);
        }
        return new LevelAmounts(earned, sinceChange(state, earned));
    }

    /** Points earned since the level last changed (never negative: a cancelled lot lowers the lifetime total). */
    public static BigDecimal sinceChange(MemberLevel state, BigDecimal earned) {
        BigDecimal since = earned.subtract(state.earnedAtChange());
        return since.signum() < 0 ? BigDecimal.ZERO : since;
    }
}

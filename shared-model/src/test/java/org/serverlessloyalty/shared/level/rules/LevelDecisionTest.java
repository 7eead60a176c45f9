package org.serverlessloyalty.shared.level.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.level.rules.Levels.level;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.level.model.DowngradeBase;
import org.serverlessloyalty.shared.level.model.DowngradeMode;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.model.LevelAmounts;
import org.serverlessloyalty.shared.level.model.LevelMovement;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.level.model.MemberLevel;
import org.serverlessloyalty.shared.level.model.TierAssignType;

class LevelDecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final Level base = level("base", "0", "0.01");
    private final Level silver = level("silver", "20", "0.15");
    private final Level gold = level("gold", "200", "0.20");
    private final List<Level> all = List.of(base, silver, gold);

    private static LevelSettings points(DowngradeMode mode) {
        return new LevelSettings(TierAssignType.POINTS, mode, 30, DowngradeBase.ACTIVE_POINTS, Set.of(), Set.of(),
                false);
    }

    private static MemberLevel in(String levelId, String manual, Instant changedAt) {
        return new MemberLevel("m1", levelId, manual, changedAt, BigDecimal.ZERO, 3);
    }

    private Optional<MemberLevel> decide(MemberLevel state, LevelSettings settings, String amount,
                                         LevelMovement movement) {
        return LevelDecision.decide(state, all, settings, LevelAmounts.of(new BigDecimal(amount)), BigDecimal.TEN,
                movement, NOW);
    }

    @Test
    void l6ANewAccountIsPlacedInTheLevelWithConditionValueZero() {
        Optional<MemberLevel> next = decide(MemberLevel.none("m1"), points(DowngradeMode.AUTOMATIC), "0",
                LevelMovement.CHANGE);
        assertThat(next).map(MemberLevel::levelId).contains("base");
        assertThat(next.get().version()).isEqualTo(1);
    }

    @Test
    void l6WithoutALevelAtZeroANewAccountHasNone() {
        assertThat(LevelDecision.decide(MemberLevel.none("m1"), List.of(silver, gold),
                points(DowngradeMode.AUTOMATIC), LevelAmounts.of(BigDecimal.ZERO), BigDecimal.ZERO,
                LevelMovement.CHANGE, NOW)).isEmpty();
    }

    @Test
    void l3AnUpgradeIsImmediateInEveryMode() {
        for (DowngradeMode mode : DowngradeMode.values()) {
            assertThat(decide(in("silver", null, NOW), points(mode), "250", LevelMovement.CHANGE))
                    .as(mode.name()).map(MemberLevel::levelId).contains("gold");
        }
    }

    @Test
    void l3AutomaticMovesDownAtOnce() {
        assertThat(decide(in("gold", null, NOW), points(DowngradeMode.AUTOMATIC), "25", LevelMovement.CHANGE))
                .map(MemberLevel::levelId).contains("silver");
    }

    @Test
    void l3NoneNeverMovesDownEvenOnTheSchedule() {
        assertThat(decide(in("gold", null, NOW), points(DowngradeMode.NONE), "25", LevelMovement.CHANGE)).isEmpty();
        assertThat(decide(in("gold", null, NOW.minus(Duration.ofDays(400))), points(DowngradeMode.NONE), "25",
                LevelMovement.SCHEDULED)).isEmpty();
    }

    @Test
    void l3AfterXDaysMovesDownOnlyOnTheScheduleOnceTheDaysHavePassed() {
        LevelSettings settings = points(DowngradeMode.AFTER_X_DAYS);
        Instant changed29DaysAgo = NOW.minus(Duration.ofDays(29));
        Instant changed30DaysAgo = NOW.minus(Duration.ofDays(30));
        assertThat(decide(in("gold", null, changed30DaysAgo), settings, "25", LevelMovement.CHANGE)).isEmpty();
        assertThat(decide(in("gold", null, changed29DaysAgo), settings, "25", LevelMovement.SCHEDULED)).isEmpty();
        assertThat(decide(in("gold", null, changed30DaysAgo), settings, "25", LevelMovement.SCHEDULED))
                .map(MemberLevel::levelId).contains("silver");
    }

    @Test
    void l3AfterXDaysAScheduledReviewThatKeepsTheLevelRestartsItsClockAndIsNotRepeated() {
        LevelSettings settings = points(DowngradeMode.AFTER_X_DAYS);
        Optional<MemberLevel> reviewed = decide(in("gold", null, NOW.minus(Duration.ofDays(30))), settings, "250",
                LevelMovement.SCHEDULED);
        assertThat(reviewed).map(MemberLevel::levelId).contains("gold");
        assertThat(reviewed.get().changedAt()).isEqualTo(NOW);
        assertThat(reviewed.get().earnedAtChange()).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(LevelDecision.decide(reviewed.get(), all, settings, LevelAmounts.of(new BigDecimal("250")),
                BigDecimal.TEN, LevelMovement.SCHEDULED, NOW)).isEmpty();
    }

    @Test
    void l4ByTransactionsAReturnMovesDownAtOnceWhateverTheMode() {
        LevelSettings settings = new LevelSettings(TierAssignType.TRANSACTIONS, DowngradeMode.NONE, 30,
                DowngradeBase.ACTIVE_POINTS, Set.of(), Set.of(), false);
        assertThat(decide(in("gold", null, NOW), settings, "25", LevelMovement.CHANGE))
                .map(MemberLevel::levelId).contains("silver");
    }

    @Test
    void l5AManualLevelIsAFloorTheAmountCannotGoBelow() {
        assertThat(decide(in("gold", "gold", NOW), points(DowngradeMode.AUTOMATIC), "0", LevelMovement.CHANGE))
                .isEmpty();
        Optional<MemberLevel> fromGold = decide(in("gold", "silver", NOW), points(DowngradeMode.AUTOMATIC), "0",
                LevelMovement.CHANGE);
        assertThat(fromGold).map(MemberLevel::levelId).contains("silver");
        assertThat(fromGold.get().manualLevelId()).isEqualTo("silver");
    }

    @Test
    void l5TheAmountStillLiftsAMemberAboveTheirManualLevel() {
        assertThat(decide(in("silver", "silver", NOW), points(DowngradeMode.AUTOMATIC), "300", LevelMovement.CHANGE))
                .map(MemberLevel::levelId).contains("gold");
    }

    @Test
    void l9RemovingTheManualLevelLetsTheAmountMoveTheMemberDownEvenWithModeNone() {
        MemberLevel released = LevelDecision.removeManual(in("gold", "gold", NOW));
        assertThat(released.manualLevelId()).isNull();
        assertThat(decide(released, points(DowngradeMode.NONE), "25", LevelMovement.MANUAL_REMOVED))
                .map(MemberLevel::levelId).contains("silver");
    }

    @Test
    void l8AssigningALevelSetsItAndItsFloorAndRestartsTheLevelClock() {
        MemberLevel assigned = LevelDecision.assignManually(in("base", null, NOW.minusSeconds(60)), gold,
                new BigDecimal("42"), NOW);
        assertThat(assigned.levelId()).isEqualTo("gold");
        assertThat(assigned.manualLevelId()).isEqualTo("gold");
        assertThat(assigned.changedAt()).isEqualTo(NOW);
        assertThat(assigned.earnedAtChange()).isEqualByComparingTo("42");
        assertThat(assigned.version()).isEqualTo(4);
    }

    @Test
    void aMemberWhoseLevelWasDeactivatedIsPlacedByTheAmount() {
        List<Level> withoutGold = List.of(base, silver, level("gold", "200", "0.20", false));
        assertThat(LevelDecision.decide(in("gold", null, NOW), withoutGold, points(DowngradeMode.NONE),
                LevelAmounts.of(new BigDecimal("300")), BigDecimal.TEN, LevelMovement.CHANGE, NOW))
                .map(MemberLevel::levelId).contains("silver");
    }

    @Test
    void recalculatingWithNothingChangedIsANoOp() {
        assertThat(decide(in("silver", null, NOW), points(DowngradeMode.AUTOMATIC), "50", LevelMovement.CHANGE))
                .isEmpty();
    }

    @Test
    void daysUntilDowngradeCountsFromTheLastChangeInAfterXDaysMode() {
        LevelSettings settings = points(DowngradeMode.AFTER_X_DAYS);
        assertThat(LevelDecision.daysUntilDowngrade(in("gold", null, NOW.minus(Duration.ofDays(10))), settings, NOW))
                .contains(20L);
        assertThat(LevelDecision.daysUntilDowngrade(in("gold", null, NOW), points(DowngradeMode.AUTOMATIC), NOW))
                .isEmpty();
    }
}

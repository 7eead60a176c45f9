package org.serverlessloyalty.shared.level.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.level.model.DowngradeBase;
import org.serverlessloyalty.shared.level.model.DowngradeMode;
import org.serverlessloyalty.shared.level.model.LevelAmounts;
import org.serverlessloyalty.shared.level.model.LevelMovement;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.level.model.MemberLevel;
import org.serverlessloyalty.shared.level.model.TierAssignType;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.transaction.model.TransactionTotals;

/** What a level is measured against (L3, L4, section 4 item 13). */
class LevelAmountsTest {

    /** Balance 30 of 100 earned, 70 of them before the level last changed. */
    private final AccountStatus points = new AccountStatus(Points.of(30), Points.ZERO, Points.of(100), Points.of(70),
            Points.ZERO, Points.ZERO, Points.ZERO, Points.ZERO, new TreeMap<>());
    private final MemberLevel state = new MemberLevel("m1", "silver", null, Instant.parse("2026-11-01T00:00:00Z"),
            new BigDecimal("70"), 2);
    private final TransactionTotals totals = new TransactionTotals(3, new BigDecimal("150.50"), new BigDecimal("140"));

    private static LevelSettings settings(TierAssignType type, DowngradeBase base, boolean excludeDelivery) {
        return new LevelSettings(type, DowngradeMode.AUTOMATIC, 30, base, Set.of(), Set.of(), excludeDelivery);
    }

    @Test
    void l3ActivePointsFollowTheBalance() {
        assertThat(MemberLevels.amounts(settings(TierAssignType.POINTS, DowngradeBase.ACTIVE_POINTS, false), state,
                points, totals, LevelMovement.CHANGE)).isEqualTo(LevelAmounts.of(new BigDecimal("30.00")));
    }

    @Test
    void item13EarnedPointsAreEveryPointEverEarnedNotThoseSinceTheLastRecalculation() {
        LevelAmounts amounts = MemberLevels.amounts(settings(TierAssignType.POINTS, DowngradeBase.EARNED_POINTS, false),
                state, points, totals, LevelMovement.SCHEDULED);
        assertThat(amounts.reach()).isEqualByComparingTo("100");
        assertThat(amounts.retain()).isEqualByComparingTo("100");
    }

    @Test
    void l3EarnedSinceTheLastLevelChangeKeepsALevelOnlyOnTheSchedule() {
        LevelSettings since = settings(TierAssignType.POINTS, DowngradeBase.EARNED_POINTS_SINCE_LAST_LEVEL_CHANGE,
                false);
        LevelAmounts scheduled = MemberLevels.amounts(since, state, points, totals, LevelMovement.SCHEDULED);
        assertThat(scheduled.reach()).isEqualByComparingTo("100");
        assertThat(scheduled.retain()).isEqualByComparingTo("30");
        LevelAmounts onChange = MemberLevels.amounts(since, state, points, totals, LevelMovement.CHANGE);
        assertThat(onChange.retain()).isEqualByComparingTo("100");
    }

    @Test
    void l4TransactionsCountTheAmountWithOrWithoutDeliveryCosts() {
        assertThat(MemberLevels.amounts(settings(TierAssignType.TRANSACTIONS, DowngradeBase.ACTIVE_POINTS, false),
                state, points, totals, LevelMovement.CHANGE).reach()).isEqualByComparingTo("150.50");
        assertThat(MemberLevels.amounts(settings(TierAssignType.TRANSACTIONS, DowngradeBase.ACTIVE_POINTS, true),
                state, points, totals, LevelMovement.CHANGE).reach()).isEqualByComparingTo("140");
    }
}

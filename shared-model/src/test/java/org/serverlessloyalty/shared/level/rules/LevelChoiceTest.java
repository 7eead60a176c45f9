package org.serverlessloyalty.shared.level.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.level.rules.Levels.level;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.level.model.Level;

class LevelChoiceTest {

    private final Level bronze = level("bronze", "0", "0.01");
    private final Level silver = level("silver", "20", "0.15");
    private final Level gold = level("gold", "200", "0.20");

    @Test
    void l2TakesTheActiveLevelWithTheLargestConditionValueReached() {
        List<Level> all = List.of(gold, bronze, silver);
        assertThat(LevelChoice.forAmount(all, new BigDecimal("19.99"))).contains(bronze);
        assertThat(LevelChoice.forAmount(all, new BigDecimal("20"))).contains(silver);
        assertThat(LevelChoice.forAmount(all, new BigDecimal("1000"))).contains(gold);
    }

    @Test
    void l2TieOnConditionValueGoesToTheLargerReward() {
        Level small = level("a-small", "50", "0.05");
        Level large = level("z-large", "50", "0.30");
        assertThat(LevelChoice.forAmount(List.of(large, small), new BigDecimal("60"))).contains(large);
        assertThat(LevelChoice.forAmount(List.of(small, large), new BigDecimal("60"))).contains(large);
    }

    @Test
    void l2SkipsInactiveLevelsAndAnAmountBelowEveryLevelReachesNone() {
        Level inactiveGold = level("gold", "200", "0.20", false);
        assertThat(LevelChoice.forAmount(List.of(silver, inactiveGold), new BigDecimal("500"))).contains(silver);
        assertThat(LevelChoice.forAmount(List.of(silver, gold), new BigDecimal("5"))).isEmpty();
    }

    @Test
    void l7NextLevelIsTheActiveOneWithTheSmallestConditionValueAboveTheCurrent() {
        Level inactivePlatinum = level("platinum", "100", "0.18", false);
        List<Level> all = List.of(gold, bronze, silver, inactivePlatinum);
        assertThat(LevelChoice.next(all, bronze)).contains(silver);
        assertThat(LevelChoice.next(all, silver)).contains(gold);
        assertThat(LevelChoice.next(all, gold)).isEmpty();
        assertThat(LevelChoice.next(List.of(gold, silver), null)).contains(silver);
    }

    @Test
    void l7PointsToNextLevelTruncatesThePoints() {
        // 200 - (int) 12.99 = 188, not 187.01
        assertThat(LevelChoice.pointsToNext(gold, new BigDecimal("12.99"))).isEqualByComparingTo("188");
        assertThat(LevelChoice.pointsToNext(gold, new BigDecimal("199.99"))).isEqualByComparingTo("1");
        assertThat(LevelChoice.pointsToNext(gold, new BigDecimal("250"))).isEqualByComparingTo("0");
    }

    @Test
    void transactionsAmountToNextLevelIsExactToTheCent() {
        assertThat(LevelChoice.amountToNext(gold, new BigDecimal("12.99"))).isEqualByComparingTo("187.01");
    }
}

package org.serverlessloyalty.points.level;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.level.model.DowngradeBase;
import org.serverlessloyalty.shared.level.model.DowngradeMode;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.model.LevelAmounts;
import org.serverlessloyalty.shared.level.model.LevelReward;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.level.model.MemberLevel;
import org.serverlessloyalty.shared.level.model.TierAssignType;
import org.serverlessloyalty.shared.level.service.MemberLevels;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.transaction.model.TransactionTotals;

/** The status's level fields (section 1.B.2), as Open Loyalty's example at DOC L3276 shows them. */
class LevelStatusFieldsTest {

    private static final Level SILVER = level("Silver", "20", "0.15");
    private static final Level GOLD = level("Gold", "200", "0.2");
    private static final AccountStatus POINTS = new AccountStatus(Points.of("25.99"), Points.ZERO, Points.of("40"),
            Points.ZERO, Points.ZERO, Points.ZERO, Points.ZERO, Points.ZERO, new TreeMap<>());
    private static final TransactionTotals TOTALS = new TransactionTotals(2, new BigDecimal("100"),
            new BigDecimal("90"));

    private static Level level(String name, String conditionValue, String reward) {
        return new Level(name.toLowerCase(), name, null, true, new BigDecimal(conditionValue), null,
                new LevelReward(name, new BigDecimal(reward), name), List.of(), Instant.EPOCH);
    }

    private static LevelSettings settings(TierAssignType type) {
        return new LevelSettings(type, DowngradeMode.AUTOMATIC, 30, DowngradeBase.ACTIVE_POINTS, Set.of(), Set.of(),
                false);
    }

    private static MemberLevels.View view(Level level, Level next, TierAssignType type, String amount) {
        return new MemberLevels.View(level, next, new MemberLevel("m", level == null ? null : level.id(), null,
                Instant.EPOCH, BigDecimal.ZERO, 1), settings(type), POINTS, TOTALS,
                LevelAmounts.of(new BigDecimal(amount)), Optional.empty());
    }

    @Test
    void byPointsTheStatusShowsTheLevelTheNextOneAndThePointsMissingTruncated() {
        Map<String, Object> fields = LevelStatusFields.fields(view(SILVER, GOLD, TierAssignType.POINTS, "25.99"));
        assertThat(fields).containsEntry("level", "15.00%").containsEntry("levelName", "Silver")
                .containsEntry("nextLevel", "20.00%").containsEntry("nextLevelName", "Gold")
                .containsEntry("transactionsCount", 2L).containsEntry("averageTransactionsAmount", "50.00")
                .doesNotContainKey("transactionsAmountToNextLevel");
        assertThat((BigDecimal) fields.get("pointsToNextLevel")).isEqualByComparingTo("175");
        assertThat((BigDecimal) fields.get("levelConditionValue")).isEqualByComparingTo("20");
    }

    @Test
    void byTransactionsTheStatusShowsTheAmountMissingWithAndWithoutDelivery() {
        Map<String, Object> fields = LevelStatusFields.fields(view(SILVER, GOLD, TierAssignType.TRANSACTIONS, "100"));
        assertThat((BigDecimal) fields.get("transactionsAmountToNextLevel")).isEqualByComparingTo("100");
        assertThat((BigDecimal) fields.get("transactionsAmountToNextLevelWithoutDeliveryCosts"))
                .isEqualByComparingTo("110");
        assertThat(fields).doesNotContainKey("pointsToNextLevel");
    }

    @Test
    void withoutALevelOrANextOneTheirFieldsAreLeftOut() {
        Map<String, Object> top = LevelStatusFields.fields(view(GOLD, null, TierAssignType.POINTS, "300"));
        assertThat(top).containsKey("levelName").doesNotContainKeys("nextLevel", "nextLevelName", "pointsToNextLevel");
        Map<String, Object> none = LevelStatusFields.fields(view(null, SILVER, TierAssignType.POINTS, "5"));
        assertThat(none).doesNotContainKeys("level", "levelName").containsEntry("nextLevelName", "Silver");
    }
}

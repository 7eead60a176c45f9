package org.serverlessloyalty.shared.level.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.model.LevelReward;

/** Levels for the rules' tests. */
final class Levels {

    private Levels() {
    }

    static Level level(String id, String conditionValue, String rewardFraction) {
        return level(id, conditionValue, rewardFraction, true);
    }

    static Level level(String id, String conditionValue, String rewardFraction, boolean active) {
        return new Level(id, id, null, active, new BigDecimal(conditionValue), null,
                new LevelReward("r-" + id, new BigDecimal(rewardFraction), "c-" + id), List.of(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}

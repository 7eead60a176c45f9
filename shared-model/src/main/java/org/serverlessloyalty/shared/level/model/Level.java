package org.serverlessloyalty.shared.level.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A level (Open Loyalty's tier, section 1.B.5): members whose points or transactions reach {@code conditionValue}
 * are placed in it (rule L2).
 *
 * @param conditionValue the points (or transaction amount) a member needs, 2 dp
 * @param minOrder       Open Loyalty's minimum order value for the level's reward, kept and shown; null when unset
 * @param reward         the level's reward; its value is a fraction (15 % is 0.15, rule L1)
 */
public record Level(String id, String name, String description, boolean active, BigDecimal conditionValue,
                    BigDecimal minOrder, LevelReward reward, List<SpecialReward> specialRewards, Instant createdAt) {

    public Level {
        if (id == null || name == null || conditionValue == null || reward == null) {
            throw new IllegalArgumentException("a level has an id, a name, a condition value and a reward");
        }
        specialRewards = specialRewards == null ? List.of() : List.copyOf(specialRewards);
        conditionValue = canonical(conditionValue);
        minOrder = minOrder == null ? null : canonical(minOrder);
    }

    /** One representation per number (20, not 20.00): a level read back equals the level written. */
    public static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public Level withActive(boolean newActive) {
        return new Level(id, name, description, newActive, conditionValue, minOrder, reward, specialRewards, createdAt);
    }
}

package org.serverlessloyalty.shared.level.model;

import java.math.BigDecimal;

/**
 * A level's reward (L-1's {@code level[reward][...]}).
 *
 * @param value a fraction: the form's percent divided by 100 (15 → 0.15, rule L1)
 */
public record LevelReward(String name, BigDecimal value, String code) {

    public LevelReward {
        if (name == null || value == null || code == null) {
            throw new IllegalArgumentException("a reward has a name, a value and a code");
        }
        value = Level.canonical(value);
    }
}

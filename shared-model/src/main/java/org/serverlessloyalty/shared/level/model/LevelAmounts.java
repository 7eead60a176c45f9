package org.serverlessloyalty.shared.level.model;

import java.math.BigDecimal;

/**
 * What a member's level is measured against now (rules L3, L4).
 *
 * @param reach  the amount that places a member in a level (moving up)
 * @param retain the amount that keeps them there (moving down); equal to {@code reach} except for the base
 *               earned_points_since_last_level_change
 */
public record LevelAmounts(BigDecimal reach, BigDecimal retain) {

    public static LevelAmounts of(BigDecimal amount) {
        return new LevelAmounts(amount, amount);
    }
}

package org.serverlessloyalty.shared.level.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A level's time-limited reward (L-1's {@code level[specialRewards][i][...]}); {@code value} a fraction as L1's. */
public record SpecialReward(String name, BigDecimal value, String code, boolean active, LocalDate startAt,
                            LocalDate endAt) {

    public SpecialReward {
        value = value == null ? null : Level.canonical(value);
    }
}

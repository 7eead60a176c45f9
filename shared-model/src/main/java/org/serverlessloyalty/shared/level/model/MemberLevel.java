package org.serverlessloyalty.shared.level.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member's level state: one item per member, written only with a condition on {@code version}.
 *
 * @param levelId             the level the member is in, or null
 * @param manualLevelId       the level an admin assigned (L-8), a floor until removed (L5, L-9); or null
 * @param changedAt           when {@code levelId} last changed or the scheduled recalculation last reviewed it (the
 *                            after_x_days clock, L3); null when never placed
 * @param earnedAtChange      the member's lifetime earned points at {@code changedAt}, so that "earned since the last
 *                            level change" is exact (L3)
 * @param version             0 for a member never placed (no item yet), then one more at each write
 */
public record MemberLevel(String memberId, String levelId, String manualLevelId, Instant changedAt,
                          BigDecimal earnedAtChange, long version) {

    public static MemberLevel none(String memberId) {
        return new MemberLevel(memberId, null, null, null, BigDecimal.ZERO, 0);
    }

    public MemberLevel {
        earnedAtChange = earnedAtChange == null ? BigDecimal.ZERO : earnedAtChange;
    }
}

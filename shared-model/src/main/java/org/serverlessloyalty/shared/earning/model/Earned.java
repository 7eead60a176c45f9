package org.serverlessloyalty.shared.earning.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What earning rules give a transaction (rule E10): the points, rounded to 2 dp (E4), and the names of the rules
 * that contributed, in execution order; the transfer's comment is these names joined by ", ".
 */
public record Earned(BigDecimal points, List<String> ruleNames, List<InstantReward> instantRewards) {

    public Earned {
        ruleNames = List.copyOf(ruleNames);
        instantRewards = List.copyOf(instantRewards);
    }

    public Earned(BigDecimal points, List<String> ruleNames) {
        this(points, ruleNames, List.of());
    }

    /** An {@code instant_reward} rule that applied: the member gets one coupon of {@code campaignId} (issue 11). */
    public record InstantReward(String ruleId, String campaignId) {
    }

    public String comment() {
        return String.join(", ", ruleNames);
    }
}

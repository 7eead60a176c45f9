package org.serverlessloyalty.shared.earning.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Open Loyalty's earning rule types (behaviour spec 1.B.3), with what rule E3 and E9 say of each: the priority a
 * transaction's rules run in (lower first) and whether {@code lastExecutedRule} can stop evaluation there.
 * Transaction rules (priority &gt; 0) are applied to baskets; the others answer events (E11-E14).
 */
public enum EarningRuleType {
    /** General spending: HIGH priority (E3, E5). */
    POINTS("points", 1, true),
    EVENT("event", 0, false),
    CUSTOM_EVENT("custom_event", 0, false),
    REFERRAL("referral", 0, false),
    /** LOW priority: runs last, so its points are never multiplied (E8). */
    PRODUCT_PURCHASE("product_purchase", 3, true),
    MULTIPLY_FOR_PRODUCT("multiply_for_product", 2, true),
    MULTIPLY_BY_PRODUCT_LABELS("multiply_by_product_labels", 2, true),
    GEOLOCATION("geolocation", 0, false),
    QRCODE("qrcode", 0, false),
    /**
     * Gives the member one coupon of a reward campaign per transaction it applies to (1.B.3; issue 11): MEDIUM,
     * stoppable, no points.
     */
    INSTANT_REWARD("instant_reward", 2, true);

    private final String value;
    private final int priority;
    private final boolean stoppable;

    EarningRuleType(String value, int priority, boolean stoppable) {
        this.value = value;
        this.priority = priority;
        this.stoppable = stoppable;
    }

    /** The name in Open Loyalty's forms and answers ({@code earningRule[type]=points}). */
    public String value() {
        return value;
    }

    /** E3: 1 = HIGH, 2 = MEDIUM, 3 = LOW; 0 for rules no transaction runs. */
    public int priority() {
        return priority;
    }

    /** True for the rules a transaction runs (E3). */
    public boolean appliesToTransactions() {
        return priority > 0;
    }

    /** E9: may stop evaluation with {@code lastExecutedRule}. */
    public boolean stoppable() {
        return stoppable;
    }

    public static Optional<EarningRuleType> fromValue(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}

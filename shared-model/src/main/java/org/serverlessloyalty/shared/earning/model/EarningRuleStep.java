package org.serverlessloyalty.shared.earning.model;

/**
 * One write of a change to a store's earning rules, with the condition it holds. A plan of these is written as one
 * transaction: a custom event name belongs to one rule of the store, and a rule is replaced only over the version
 * the change was decided on.
 */
public sealed interface EarningRuleStep {

    /**
     * Writes the rule.
     *
     * @param expectedVersion null: the rule must not exist yet; else the stored rule must be at this version
     */
    record Put(EarningRule rule, Long expectedVersion) implements EarningRuleStep {
    }

    /** Holds {@code eventName} for the rule: refused when another rule of the store holds it. */
    record ClaimEventName(String eventName, String ruleId) implements EarningRuleStep {
    }

    /** Lets go of {@code eventName}, if this rule holds it (never another rule's). */
    record ReleaseEventName(String eventName, String ruleId) implements EarningRuleStep {
    }
}

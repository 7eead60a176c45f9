package org.serverlessloyalty.shared.earning.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One earning rule of a store (behaviour spec 1.B.3): the fields every type has, and its {@link RuleTerms}.
 *
 * @param allTimeActive    when true the rule has no validity window (startAt and endAt are null)
 * @param target           LEVEL or SEGMENT as the form said; null when it did not say
 * @param levels           level ids the rule is for (E1)
 * @param segments         segment ids the rule is for (E1)
 * @param pos              points of sale the rule is limited to; empty: every one (E1)
 * @param lastExecutedRule E9: stop evaluation once this rule executed (stoppable types only)
 * @param createdAt        orders rules of one priority (E3, ours: creation time, then id)
 * @param version          bumped by every change; a change is written only over the version it read
 */
public record EarningRule(String id, String name, String description, boolean active, boolean allTimeActive,
                          Instant startAt, Instant endAt, Target target, Set<String> levels, Set<String> segments,
                          Set<String> pos, boolean lastExecutedRule, RuleTerms terms, Instant createdAt,
                          Instant updatedAt, long version) {

    public EarningRule {
        levels = Set.copyOf(levels);
        segments = Set.copyOf(segments);
        pos = Set.copyOf(pos);
        if (allTimeActive) {
            startAt = null;
            endAt = null;
        } else if (startAt == null || endAt == null) {
            throw new IllegalArgumentException("a rule that is not all-time active has startAt and endAt");
        }
        if (lastExecutedRule && !terms.type().stoppable()) {
            throw new IllegalArgumentException("only stoppable rules stop evaluation");
        }
    }

    public EarningRuleType type() {
        return terms.type();
    }

    /** The custom event name this rule holds in its store, if it is a custom event rule. */
    public java.util.Optional<String> customEventName() {
        return terms instanceof RuleTerms.CustomEvent custom ? java.util.Optional.of(custom.eventName())
                : java.util.Optional.empty();
    }

    /** The same rule, active or not (E-5), as of {@code now}. */
    public EarningRule withActive(boolean newActive, Instant now) {
        return new EarningRule(id, name, description, newActive, allTimeActive, startAt, endAt, target, levels,
                segments, pos, lastExecutedRule, terms, createdAt, now, version + 1);
    }

    /** Rules sorted by E3's order within a priority: creation time, then id. */
    public static List<EarningRule> inCreationOrder(List<EarningRule> rules) {
        return rules.stream()
                .sorted(java.util.Comparator.comparing(EarningRule::createdAt).thenComparing(EarningRule::id))
                .toList();
    }
}

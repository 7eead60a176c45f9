package org.serverlessloyalty.shared.earning.model;

import java.time.Instant;
import java.util.Set;

/** What an {@code earningRule[...]} form defines (E-1, E-2): a rule without its id, dates of record and version. */
public record RuleDefinition(String name, String description, boolean active, boolean allTimeActive,
                             Instant startAt, Instant endAt, Target target, Set<String> levels, Set<String> segments,
                             Set<String> pos, boolean lastExecutedRule, RuleTerms terms) {

    public RuleDefinition {
        levels = Set.copyOf(levels);
        segments = Set.copyOf(segments);
        pos = Set.copyOf(pos);
    }

    public EarningRuleType type() {
        return terms.type();
    }

    public EarningRule toRule(String id, Instant createdAt, Instant updatedAt, long version) {
        return new EarningRule(id, name, description, active, allTimeActive, startAt, endAt, target, levels, segments,
                pos, lastExecutedRule, terms, createdAt, updatedAt, version);
    }
}

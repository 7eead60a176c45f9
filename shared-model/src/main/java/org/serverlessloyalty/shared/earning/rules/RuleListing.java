package org.serverlessloyalty.shared.earning.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleType;

/** Which rules a list shows (E-3's filters and order; E-10's rules for one member). */
public final class RuleListing {

    /** E-3's {@code sort}. */
    public enum Sort {
        CREATED_AT("createdAt", Comparator.comparing(EarningRule::createdAt)),
        NAME("name", Comparator.comparing((EarningRule r) -> r.name().toLowerCase(Locale.ROOT))),
        TYPE("type", Comparator.comparing((EarningRule r) -> r.type().value())),
        ACTIVE("active", Comparator.comparing(EarningRule::active));

        private final String value;
        private final Comparator<EarningRule> order;

        Sort(String value, Comparator<EarningRule> order) {
            this.value = value;
            this.order = order;
        }

        public String value() {
            return value;
        }

        public static Optional<Sort> fromValue(String text) {
            for (Sort sort : values()) {
                if (sort.value.equals(text)) {
                    return Optional.of(sort);
                }
            }
            return Optional.empty();
        }
    }

    /** @param active null: both; type null: every type */
    public record Query(Boolean active, EarningRuleType type, Sort sort, boolean descending) {
    }

    private RuleListing() {
    }

    /** The rules the query selects, in its order (ties: creation order, then id, so pages never overlap). */
    public static List<EarningRule> select(List<EarningRule> rules, Query query) {
        Comparator<EarningRule> order = query.sort().order;
        if (query.descending()) {
            order = order.reversed();
        }
        return rules.stream()
                .filter(r -> query.active() == null || r.active() == query.active())
                .filter(r -> query.type() == null || r.type() == query.type())
                .sorted(order.thenComparing(EarningRule::createdAt).thenComparing(EarningRule::id))
                .toList();
    }

    /**
     * E-10: the rules a member may earn from now: active, in their window, and for their level or one of their
     * segments (E1); a rule for nobody in particular (the event {@code oloy.account.created}) is for everyone.
     */
    public static List<EarningRule> forMember(List<EarningRule> rules, Audience audience, Instant now) {
        return rules.stream()
                .filter(EarningRule::active)
                .filter(r -> TransactionRules.inWindow(r, now))
                .filter(r -> (r.levels().isEmpty() && r.segments().isEmpty()) || TransactionRules.targets(r, audience))
                .toList();
    }
}

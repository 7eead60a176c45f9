package org.serverlessloyalty.shared.earning.event.model;

import java.math.BigDecimal;
import java.util.List;
import org.serverlessloyalty.shared.points.model.LedgerStep;

/**
 * Points an event earns one member and the bounds they are added under, in the same transaction (rules E11-E14):
 * each rule's usage counter for the current period, or the occasion's once-only counter.
 *
 * @param rules the rules that contributed, for the transfer's comment (item 22)
 */
public record Award(String memberId, BigDecimal points, List<EventRule> rules, List<LedgerStep.Tally> bounds) {

    public Award {
        rules = List.copyOf(rules);
        bounds = List.copyOf(bounds);
    }

    /** The rule names joined by ", " as a transaction's rules are (rule E10). */
    public String comment() {
        return String.join(", ", rules.stream().map(EventRule::name).toList());
    }
}

package org.serverlessloyalty.shared.earning.event.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.serverlessloyalty.shared.earning.event.model.Award;
import org.serverlessloyalty.shared.earning.event.model.EventDecision;
import org.serverlessloyalty.shared.earning.event.model.EventRule;
import org.serverlessloyalty.shared.earning.event.model.EventRuleType;
import org.serverlessloyalty.shared.earning.event.model.GeoPoint;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.TallyKey;

/**
 * Which event rules earn a member what (rules E1, E11-E14), decided on the store's rules and the member's audience;
 * writes nothing. Each decision carries its bounds: a use counted per rule, member and calendar period (E12) or, for
 * an event that happens once (registration, a purchase), a once-only counter of the occasion.
 */
public final class EventAwarding {

    /** The {@code TallyKey.RuleUsage} rule id of an occasion's once-only counter: never a rule's id (those are UUIDs). */
    static final String OCCASION_PREFIX = "occasion:";

    private EventAwarding() {
    }

    /**
     * A built-in event or a referral event (E11): the matching rule with the largest points, once per occasion: the
     * member's counter {@code occasion:{counter}} / {@code {occasion}}, at most 1, whatever rule pays.
     *
     * @param counter what the once-only counter is named after: the event, with a referral's side
     *                ({@code referral:register:referrer})
     * @param also    what else a rule must satisfy (a referral rule's reward type)
     */
    public static Optional<Award> once(List<EventRule> rules, EventRuleType type, String eventName, Audience audience,
                                       Instant at, String counter, String occasion, Predicate<EventRule> also) {
        return best(rules, r -> r.type() == type && eventName.equals(r.eventName()) && also.test(r), audience, at)
                .map(rule -> new Award(audience.memberId(), rule.points(), List.of(rule),
                        List.of(new LedgerStep.Tally(new TallyKey.RuleUsage(OCCASION_PREFIX + counter,
                                audience.memberId(), occasion), BigDecimal.ONE, BigDecimal.ONE))));
    }

    /**
     * E-6/E-7 (E11, E12): the member's matching custom_event rule with the largest points, counted against that
     * rule's limit in the period {@code at} falls in, in the store's zone.
     */
    public static EventDecision customEvent(List<EventRule> rules, String eventName, Audience audience, Instant at,
                                            ZoneId zone) {
        Optional<EventRule> best = best(rules, r -> r.type() == EventRuleType.CUSTOM_EVENT
                && eventName.equals(r.eventName()), audience, at);
        if (best.isEmpty()) {
            return new EventDecision.NoSuchEvent();
        }
        return earn(audience, List.of(best.get()), at, zone);
    }

    /**
     * E-8 (E13): every matching geolocation rule whose radius holds the place earns its points; the sum is added at
     * once, each rule counted against its own limit, so a rule at its limit refuses the whole use.
     *
     * @param ruleId when given, only that rule is considered
     */
    public static EventDecision geolocation(List<EventRule> rules, GeoPoint place, Optional<String> ruleId,
                                            Audience audience, Instant at, ZoneId zone) {
        List<EventRule> inRange = matching(rules, r -> r.type() == EventRuleType.GEOLOCATION
                && ruleId.map(r.id()::equals).orElse(true)
                && r.location() != null && r.radiusKm() != null
                && GeoDistance.within(r.location(), r.radiusKm(), place), audience, at);
        return inRange.isEmpty() ? new EventDecision.NotInRange() : earn(audience, inRange, at, zone);
    }

    /** E-9 (E14): every matching qrcode rule with this code earns its points; the sum, each rule under its limit. */
    public static EventDecision qrCode(List<EventRule> rules, String code, Optional<String> ruleId, Audience audience,
                                       Instant at, ZoneId zone) {
        List<EventRule> found = matching(rules, r -> r.type() == EventRuleType.QRCODE && code.equals(r.code())
                && ruleId.map(r.id()::equals).orElse(true), audience, at);
        return found.isEmpty() ? new EventDecision.NoSuchEvent() : earn(audience, found, at, zone);
    }

    private static EventDecision earn(Audience audience, List<EventRule> rules, Instant at, ZoneId zone) {
        List<LedgerStep.Tally> bounds = new ArrayList<>();
        for (EventRule rule : rules) {
            if (rule.limit() == null) {
                continue;
            }
            if (rule.limit().limit() == 0) {
                return new EventDecision.LimitExceeded();
            }
            bounds.add(new LedgerStep.Tally(new TallyKey.RuleUsage(rule.id(), audience.memberId(),
                    rule.limit().period().periodOf(at, zone)), BigDecimal.ONE, BigDecimal.valueOf(rule.limit().limit())));
        }
        BigDecimal points = rules.stream().map(EventRule::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new EventDecision.Earn(new Award(audience.memberId(), points, rules, bounds));
    }

    /** The applicable rules with points above zero: a rule worth nothing earns nothing (rule E10). */
    private static List<EventRule> matching(List<EventRule> rules, Predicate<EventRule> kind, Audience audience,
                                            Instant at) {
        return rules.stream()
                .filter(kind)
                .filter(r -> r.points() != null && r.points().signum() > 0)
                .filter(r -> r.appliesTo(audience, at))
                .toList();
    }

    /** E11: the largest points; of equal ones the first by id, so the same rule is named every time. */
    private static Optional<EventRule> best(List<EventRule> rules, Predicate<EventRule> kind, Audience audience,
                                            Instant at) {
        return matching(rules, kind, audience, at).stream()
                .max(Comparator.comparing(EventRule::points).thenComparing(EventRule::id, Comparator.reverseOrder()));
    }
}

package org.serverlessloyalty.shared.earning.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.LabelMultiplier;
import org.serverlessloyalty.shared.earning.model.LabelsInclusion;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.model.Target;
import org.serverlessloyalty.shared.points.model.Label;

/** Earning rules for tests: all-time active, for every level ({@link #ANY_LEVEL}), created one second apart. */
public final class Rules {

    public static final String ANY_LEVEL = "L1";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Rules() {
    }

    public static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    public static Label label(String key, String value) {
        return new Label(key, value);
    }

    public static RuleDefinition definition(String name, RuleTerms terms) {
        return new RuleDefinition(name, "about " + name, true, true, null, null, Target.LEVEL, Set.of(ANY_LEVEL),
                Set.of(), Set.of(), false, terms);
    }

    /** A rule created after every rule this class made before it. */
    public static EarningRule rule(String name, RuleTerms terms) {
        int n = SEQUENCE.incrementAndGet();
        Instant created = START.plusSeconds(n);
        return definition(name, terms).toRule("rule-" + n, created, created, 1);
    }

    public static EarningRule last(EarningRule rule) {
        return new EarningRule(rule.id(), rule.name(), rule.description(), rule.active(), rule.allTimeActive(),
                rule.startAt(), rule.endAt(), rule.target(), rule.levels(), rule.segments(), rule.pos(), true,
                rule.terms(), rule.createdAt(), rule.updatedAt(), rule.version());
    }

    public static RuleTerms.Spending spending(String pointValue) {
        return new RuleTerms.Spending(dec(pointValue), Set.of(), LabelsInclusion.NONE, List.of(), List.of(), false,
                BigDecimal.ZERO);
    }

    public static RuleTerms.Spending spending(String pointValue, Set<String> excludedSkus, LabelsInclusion inclusion,
                                              List<Label> excluded, List<Label> included, boolean excludeDelivery,
                                              String minOrderValue) {
        return new RuleTerms.Spending(dec(pointValue), excludedSkus, inclusion, excluded, included, excludeDelivery,
                dec(minOrderValue));
    }

    public static RuleTerms.ProductPurchase purchase(String points, String... skus) {
        return new RuleTerms.ProductPurchase(Set.of(skus), dec(points));
    }

    public static RuleTerms.MultiplyForProduct multiply(String multiplier, Set<String> skus, List<Label> labels) {
        return new RuleTerms.MultiplyForProduct(skus, dec(multiplier), labels);
    }

    public static RuleTerms.MultiplyByLabels byLabels(LabelMultiplier... multipliers) {
        return new RuleTerms.MultiplyByLabels(List.of(multipliers));
    }

    public static LabelMultiplier times(String key, String value, String multiplier) {
        return new LabelMultiplier(key, value, dec(multiplier));
    }
}

package org.serverlessloyalty.shared.earning.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.model.Basket;
import org.serverlessloyalty.shared.earning.model.BasketItem;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.LabelMultiplier;
import org.serverlessloyalty.shared.earning.model.LabelsInclusion;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.points.model.Label;

/**
 * The evaluator against an independent reference written here: a closed form per basket line instead of the
 * evaluator's sequence of per-SKU mutations. Baskets have one line per SKU and whole point values and multipliers,
 * so every amount stays exact at 2 dp and the closed form holds: a line earns
 * (Σ spending rules that count it: gross × pointValue) × Π multipliers that meet it + Σ product amounts for it,
 * over the rules before the first executed rule marked last (E9), taken by priority then creation (E3).
 */
class TransactionRulesPropertyTest {

    private static final Instant BOUGHT = Instant.parse("2026-06-15T12:00:00Z");
    private static final List<String> SKUS = List.of("A", "B", "C", "D", "E", "F");
    private static final List<Label> LABELS = List.of(new Label("color", "red"), new Label("color", "blue"),
            new Label("size", "xl"));

    record Scenario(List<EarningRule> rules, Basket basket, Optional<Audience> audience) {
    }

    @Property(tries = 1000)
    void evaluatorAgreesWithTheReference(@ForAll("scenarios") Scenario scenario) {
        BigDecimal points = TransactionRules.evaluate(scenario.rules(), scenario.basket(), scenario.audience()).points();
        assertThat(points).isEqualByComparingTo(reference(scenario));
    }

    // ---- the reference ----

    private static final Map<Class<?>, Integer> RANK = Map.of(RuleTerms.Spending.class, 1,
            RuleTerms.MultiplyForProduct.class, 2, RuleTerms.MultiplyByLabels.class, 2, RuleTerms.ProductPurchase.class, 3);

    static BigDecimal reference(Scenario s) {
        List<EarningRule> running = new ArrayList<>();
        for (EarningRule rule : s.rules()) {
            boolean window = rule.allTimeActive()
                    || (rule.startAt().compareTo(BOUGHT) <= 0 && rule.endAt().compareTo(BOUGHT) >= 0);
            boolean targeted = s.audience().isEmpty()
                    || (s.audience().get().levelId() != null && rule.levels().contains(s.audience().get().levelId()))
                    || s.audience().get().segmentIds().stream().anyMatch(rule.segments()::contains);
            boolean pos = rule.pos().isEmpty() || (s.basket().pos() != null && rule.pos().contains(s.basket().pos()));
            if (RANK.containsKey(rule.terms().getClass()) && rule.active() && window && targeted && pos) {
                running.add(rule);
            }
        }
        running.sort(Comparator.comparing((EarningRule r) -> RANK.get(r.terms().getClass()))
                .thenComparing(EarningRule::createdAt));
        List<EarningRule> prefix = new ArrayList<>();
        for (EarningRule rule : running) {
            boolean skipped = rule.terms() instanceof RuleTerms.Spending sp && sp.minOrderValue().signum() > 0
                    && total(s.basket(), sp.excludeDeliveryCost()).compareTo(sp.minOrderValue()) < 0;
            if (!skipped) {
                prefix.add(rule);
                if (rule.lastExecutedRule()) {
                    break;
                }
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BasketItem line : s.basket().items()) {
            BigDecimal spent = BigDecimal.ZERO;
            BigDecimal factor = BigDecimal.ONE;
            BigDecimal bonus = BigDecimal.ZERO;
            for (EarningRule rule : prefix) {
                if (rule.terms() instanceof RuleTerms.Spending sp && counts(sp, line, s.basket())) {
                    spent = spent.add(line.grossValue().multiply(sp.pointValue()));
                } else if (rule.terms() instanceof RuleTerms.MultiplyForProduct m
                        && (m.skuIds().contains(line.sku()) || m.labels().stream().anyMatch(line.labels()::contains))) {
                    factor = factor.multiply(m.multiplier());
                } else if (rule.terms() instanceof RuleTerms.MultiplyByLabels m) {
                    for (LabelMultiplier lm : m.labelMultipliers()) {
                        if (line.labels().contains(new Label(lm.key(), lm.value()))) {
                            factor = factor.multiply(lm.multiplier());
                        }
                    }
                } else if (rule.terms() instanceof RuleTerms.ProductPurchase p && p.skuIds().contains(line.sku())) {
                    bonus = bonus.add(p.pointsAmount());
                }
            }
            sum = sum.add(spent.multiply(factor)).add(bonus);
        }
        return sum;
    }

    private static boolean counts(RuleTerms.Spending sp, BasketItem line, Basket basket) {
        if (sp.excludeDeliveryCost() && basket.deliverySkus().contains(line.sku())) {
            return false;
        }
        if (sp.excludedSkus().contains(line.sku())) {
            return false;
        }
        return switch (sp.inclusion()) {
            case NONE -> true;
            case EXCLUDE -> sp.excludedLabels().stream().noneMatch(line.labels()::contains);
            case INCLUDE -> sp.includedLabels().stream().anyMatch(line.labels()::contains);
        };
    }

    private static BigDecimal total(Basket basket, boolean withoutDelivery) {
        BigDecimal total = BigDecimal.ZERO;
        for (BasketItem line : basket.items()) {
            if (!(withoutDelivery && basket.deliverySkus().contains(line.sku()))) {
                total = total.add(line.grossValue());
            }
        }
        return total;
    }

    // ---- generators ----

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<RuleDefinition>> definitions = definition().list().ofMaxSize(7);
        return Combinators.combine(definitions, basket(), audience()).as((defs, basket, audience) -> {
            List<EarningRule> rules = new ArrayList<>();
            for (int i = 0; i < defs.size(); i++) {
                Instant created = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
                rules.add(defs.get(i).toRule("rule-" + (char) ('a' + i), created, created, 1));
            }
            return new Scenario(rules, basket, audience);
        });
    }

    private static Arbitrary<BigDecimal> cents(int max) {
        return Arbitraries.integers().between(0, max).map(c -> BigDecimal.valueOf(c, 2));
    }

    private static Arbitrary<BigDecimal> whole(int max) {
        return Arbitraries.integers().between(0, max).map(BigDecimal::valueOf);
    }

    private static Arbitrary<Set<String>> skus() {
        return Arbitraries.of(SKUS).set().ofMaxSize(3);
    }

    private static Arbitrary<List<Label>> labels() {
        return Arbitraries.of(LABELS).set().ofMaxSize(2).map(List::copyOf);
    }

    private static Arbitrary<Basket> basket() {
        Arbitrary<List<BasketItem>> lines = Arbitraries.of(SKUS).set().ofMinSize(1).ofMaxSize(5)
                .flatMap(skus -> {
                    List<Arbitrary<BasketItem>> items = new ArrayList<>();
                    for (String sku : skus) {
                        items.add(Combinators.combine(cents(20_000), labels())
                                .as((gross, labels) -> new BasketItem(sku, gross, "cat", null, labels)));
                    }
                    return Combinators.combine(items).as(List::copyOf);
                });
        return Combinators.combine(lines, skus(), Arbitraries.of("P1", "P2").injectNull(0.3))
                .as((items, delivery, pos) -> new Basket(BOUGHT, pos, items, delivery));
    }

    private static Arbitrary<Optional<Audience>> audience() {
        Arbitrary<Audience> member = Combinators.combine(Arbitraries.of("L1", "L2").injectNull(0.2),
                        Arbitraries.of("S1", "S2").set().ofMaxSize(2))
                .as((level, segments) -> new Audience("m", "active", level, segments));
        return member.optional(0.8);
    }

    private static Arbitrary<RuleTerms> terms() {
        Arbitrary<RuleTerms> spending = Combinators.combine(whole(5), skus(), Arbitraries.of(LabelsInclusion.class),
                        labels(), labels(), Arbitraries.of(true, false),
                        Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO), cents(60_000)))
                .as(RuleTerms.Spending::new);
        Arbitrary<RuleTerms> multiply = Combinators.combine(skus(), whole(4), labels())
                .as(RuleTerms.MultiplyForProduct::new);
        Arbitrary<LabelMultiplier> labelMultiplier = Combinators.combine(Arbitraries.of(LABELS), whole(4))
                .as((label, m) -> new LabelMultiplier(label.key(), label.value(), m));
        Arbitrary<RuleTerms> byLabels = labelMultiplier.list().ofMinSize(1).ofMaxSize(3).map(RuleTerms.MultiplyByLabels::new);
        Arbitrary<RuleTerms> purchase = Combinators.combine(skus(), cents(50_000)).as(RuleTerms.ProductPurchase::new);
        Arbitrary<RuleTerms> event = whole(100).map(p -> new RuleTerms.Event(RuleTerms.LOGGED_IN, p));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, spending), net.jqwik.api.Tuple.of(2, multiply),
                net.jqwik.api.Tuple.of(2, byLabels), net.jqwik.api.Tuple.of(2, purchase), net.jqwik.api.Tuple.of(1, event));
    }

    private static Arbitrary<RuleDefinition> definition() {
        // Windows: all time, around the purchase, over before it, or not begun yet.
        Arbitrary<Instant[]> window = Arbitraries.of(
                new Instant[] {null, null},
                new Instant[] {BOUGHT.minusSeconds(86_400), BOUGHT.plusSeconds(86_400)},
                new Instant[] {BOUGHT, BOUGHT},
                new Instant[] {BOUGHT.minusSeconds(2 * 86_400), BOUGHT.minusSeconds(1)},
                new Instant[] {BOUGHT.plusSeconds(1), BOUGHT.plusSeconds(86_400)});
        Arbitrary<Set<String>> levels = Arbitraries.of("L1", "L2").set().ofMaxSize(2);
        Arbitrary<Set<String>> segments = Arbitraries.of("S1", "S2").set().ofMaxSize(1);
        Arbitrary<Set<String>> pos = Arbitraries.of("P1", "P2").set().ofMaxSize(1);
        Arbitrary<Boolean> active = Arbitraries.frequency(net.jqwik.api.Tuple.of(5, true), net.jqwik.api.Tuple.of(1, false));
        return Combinators.combine(terms(), window, levels, segments, pos, active, Arbitraries.of(true, false, false))
                .as((terms, w, lv, sg, ps, on, last) -> new RuleDefinition("rule", "d", on, w[0] == null, w[0], w[1],
                        null, lv, sg, ps, last && terms.type().stoppable(), terms));
    }
}

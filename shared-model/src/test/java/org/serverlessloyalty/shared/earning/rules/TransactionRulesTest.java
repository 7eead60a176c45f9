package org.serverlessloyalty.shared.earning.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.earning.testing.Rules.byLabels;
import static org.serverlessloyalty.shared.earning.testing.Rules.dec;
import static org.serverlessloyalty.shared.earning.testing.Rules.label;
import static org.serverlessloyalty.shared.earning.testing.Rules.last;
import static org.serverlessloyalty.shared.earning.testing.Rules.multiply;
import static org.serverlessloyalty.shared.earning.testing.Rules.purchase;
import static org.serverlessloyalty.shared.earning.testing.Rules.rule;
import static org.serverlessloyalty.shared.earning.testing.Rules.spending;
import static org.serverlessloyalty.shared.earning.testing.Rules.times;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.model.Basket;
import org.serverlessloyalty.shared.earning.model.BasketItem;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.Earned;
import org.serverlessloyalty.shared.earning.model.LabelsInclusion;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.model.Target;
import org.serverlessloyalty.shared.earning.testing.Rules;

/**
 * Open Loyalty's own worked examples of rules E4-E9 (its evaluator's unit tests, OloyEarningRuleEvaluatorTest in
 * 3.2), on its basket: SKU 123 for 12 labelled color:red, SKU 000 for 100 labelled color:blue, and delivery SKU 0001
 * for 40; plus the cases those examples leave open.
 */
class TransactionRulesTest {

    private static final Instant BOUGHT = Instant.parse("2026-11-29T12:00:00Z");
    private static final Basket OL_BASKET = new Basket(BOUGHT, "pos-1", List.of(
            new BasketItem("123", dec("12"), "cat", "test", List.of(label("color", "red"))),
            new BasketItem("000", dec("100"), "cat", "test", List.of(label("color", "blue"))),
            new BasketItem("0001", dec("40"), "cat", "test", List.of())), Set.of("0001"));
    private static final Optional<Audience> MEMBER = Optional.of(new Audience("m1", "active", Rules.ANY_LEVEL, Set.of()));

    private static BigDecimal points(EarningRule... rules) {
        return TransactionRules.evaluate(List.of(rules), OL_BASKET, MEMBER).points();
    }

    private static EarningRule fourPerUnit() {
        return rule("4 per unit", spending("4"));
    }

    @Test
    void e5SpendingRuleGivesPointValueTimesEveryLineTotal() {
        assertThat(points(fourPerUnit())).isEqualByComparingTo("608");
    }

    @Test
    void e5ExcludedSkuEarnsNothing() {
        assertThat(points(rule("r", spending("4", Set.of("000"), LabelsInclusion.NONE, List.of(), List.of(), false, "0"))))
                .isEqualByComparingTo("208");
    }

    @Test
    void e5ExcludedLabelEarnsNothing() {
        assertThat(points(rule("r", spending("4", Set.of(), LabelsInclusion.EXCLUDE, List.of(label("color", "red")),
                List.of(), false, "0")))).isEqualByComparingTo("560");
    }

    @Test
    void e5IncludedLabelsAloneEarnAndExcludedLabelsAreIgnoredThen() {
        assertThat(points(rule("r", spending("4", Set.of(), LabelsInclusion.INCLUDE, List.of(label("color", "red")),
                List.of(label("color", "red")), false, "0")))).isEqualByComparingTo("48");
    }

    @Test
    void e5DeliveryCostExcludedWithAnExcludedLabel() {
        assertThat(points(rule("r", spending("4", Set.of(), LabelsInclusion.EXCLUDE, List.of(label("color", "red")),
                List.of(), true, "0")))).isEqualByComparingTo("400");
    }

    @Test
    void e8ProductPurchaseGivesItsAmountForTheListedSku() {
        assertThat(points(rule("r", purchase("200", "000")))).isEqualByComparingTo("200");
    }

    @Test
    void e5SeveralSpendingRulesAddUp() {
        assertThat(points(rule("10", spending("10")), rule("4", spending("4")))).isEqualByComparingTo("2128");
    }

    @Test
    void e3ProductPurchaseCreatedFirstStillRunsAfterSpending() {
        assertThat(points(rule("p", purchase("100", "123")), fourPerUnit())).isEqualByComparingTo("708");
    }

    @Test
    void e6MultiplyBySku() {
        assertThat(points(fourPerUnit(), rule("x3", multiply("3", Set.of("123"), List.of())))).isEqualByComparingTo("704");
    }

    @Test
    void e6MultiplyByLabel() {
        assertThat(points(fourPerUnit(), rule("x3", multiply("3", Set.of(), List.of(label("color", "red"))))))
                .isEqualByComparingTo("704");
    }

    @Test
    void e7LabelMultipliersEachOfOpenLoyaltysCases() {
        assertThat(points(fourPerUnit(), rule("m", byLabels(times("color", "red", "3"))))).isEqualByComparingTo("704");
        assertThat(points(fourPerUnit(), rule("m", byLabels(times("color", "red", "3"), times("color", "blue", "6")))))
                .isEqualByComparingTo("2704");
        assertThat(points(fourPerUnit(), rule("m", byLabels(times("color", "red", "0"), times("color", "blue", "2"),
                times("size", "xxl", "2"))))).isEqualByComparingTo("960");
        assertThat(points(fourPerUnit(), rule("m", byLabels(times("color", "red", "0"), times("color", "blue", "0")))))
                .isEqualByComparingTo("160");
        assertThat(points(fourPerUnit(), rule("m", byLabels(times("color", "blue", "2"), times("color", "orange", "3")))))
                .isEqualByComparingTo("1008");
    }

    @Test
    void e5MinOrderValueReachedEarns() {
        assertThat(points(rule("r", spending("4", Set.of(), LabelsInclusion.NONE, List.of(), List.of(), false, "100"))))
                .isEqualByComparingTo("608");
    }

    @Test
    void e5MinOrderValueMissedSkipsTheRule() {
        assertThat(points(rule("r", spending("4", Set.of(), LabelsInclusion.NONE, List.of(), List.of(), false, "300"))))
                .isEqualByComparingTo("0");
    }

    @Test
    void e3e6e8AllPrioritiesTogether() {
        assertThat(points(fourPerUnit(), rule("10", spending("10")),
                rule("x3 red", multiply("3", Set.of(), List.of(label("color", "red")))),
                rule("x5 blue", multiply("5", Set.of(), List.of(label("color", "blue")))),
                rule("p", purchase("200", "000")))).isEqualByComparingTo("8264");
    }

    @Test
    void e10CommentNamesTheContributingRulesInOrder() {
        Earned earned = TransactionRules.evaluate(List.of(rule("Test 1", spending("4")),
                rule("Test 2", multiply("2", Set.of("123", "000", "0001"), List.of()))), OL_BASKET, MEMBER);
        assertThat(earned.points()).isEqualByComparingTo("1216");
        assertThat(earned.comment()).isEqualTo("Test 1, Test 2");
    }

    @Test
    void e9StopsAfterTheLastExecutedRule() {
        assertThat(points(rule("1", spending("1")), last(rule("1 last", spending("1"))), rule("10", spending("10"))))
                .isEqualByComparingTo("304");
    }

    @Test
    void e9ASpendingRuleSkippedByMinOrderValueDoesNotStop() {
        assertThat(points(rule("1", spending("1")),
                last(rule("skipped", spending("1", Set.of(), LabelsInclusion.NONE, List.of(), List.of(), false, "1000000"))),
                rule("2", spending("2")))).isEqualByComparingTo("456");
    }

    @Test
    void e9AMultiplyRuleThatMatchedNothingStillStops() {
        assertThat(points(fourPerUnit(), last(rule("x9 nothing", multiply("9", Set.of("none"), List.of()))),
                rule("p", purchase("200", "000")))).isEqualByComparingTo("608");
    }

    @Test
    void e10ARuleThatGaveNothingIsNotNamed() {
        Earned earned = TransactionRules.evaluate(List.of(fourPerUnit(),
                rule("x9 nothing", multiply("9", Set.of("none"), List.of()))), OL_BASKET, MEMBER);
        assertThat(earned.ruleNames()).containsExactly("4 per unit");
    }

    @Test
    void e4PointsAccumulatePerSkuSoAMultiplierMeetsEveryLineOfThatSku() {
        // Two lines of one SKU share one SKU total; the multiply rule meets each line, so that total is multiplied
        // once per line, exactly as Open Loyalty's MultiplyPointsForProductRuleAlgorithm does.
        Basket twoLines = new Basket(BOUGHT, null, List.of(
                new BasketItem("A", dec("10"), "c", null, List.of()),
                new BasketItem("A", dec("5"), "c", null, List.of())), Set.of());
        Earned earned = TransactionRules.evaluate(List.of(rule("1", spending("1")),
                rule("x2", multiply("2", Set.of("A"), List.of()))), twoLines, MEMBER);
        assertThat(earned.points()).isEqualByComparingTo("60");
    }

    @Test
    void e4QuantityNeverMultipliesAndEachReadIsRoundedToTwoPlaces() {
        // 3.335 × 1 is read back as 3.34 before the multiplier: 3.34 × 3 = 10.02 (not 10.005 → 10.01).
        Basket basket = new Basket(BOUGHT, null, List.of(new BasketItem("A", dec("3.335"), "c", null, List.of())),
                Set.of());
        Earned earned = TransactionRules.evaluate(List.of(rule("1", spending("1")),
                rule("x3", multiply("3", Set.of("A"), List.of()))), basket, MEMBER);
        assertThat(earned.points()).isEqualByComparingTo("10.02");
        assertThat(earned.points().scale()).isEqualTo(2);
    }

    @Test
    void e1InactiveOutOfWindowOtherPosAndEventRulesDoNotApply() {
        EarningRule inactive = rule("off", spending("1")).withActive(false, BOUGHT);
        EarningRule expired = new RuleDefinition("expired", "d", true, false, Instant.parse("2026-01-01T00:00:00Z"),
                BOUGHT.minusSeconds(1), Target.LEVEL, Set.of(Rules.ANY_LEVEL), Set.of(), Set.of(), false, spending("1"))
                .toRule("expired", BOUGHT, BOUGHT, 1);
        EarningRule window = new RuleDefinition("window", "d", true, false, BOUGHT, BOUGHT.plusSeconds(1),
                Target.LEVEL, Set.of(Rules.ANY_LEVEL), Set.of(), Set.of(), false, spending("1"))
                .toRule("window", BOUGHT, BOUGHT, 1);
        EarningRule otherPos = new RuleDefinition("pos", "d", true, true, null, null, Target.LEVEL,
                Set.of(Rules.ANY_LEVEL), Set.of(), Set.of("pos-2"), false, spending("1")).toRule("pos", BOUGHT, BOUGHT, 1);
        EarningRule event = rule("event", new org.serverlessloyalty.shared.earning.model.RuleTerms.Event(
                "oloy.customer.logged_in", dec("1000")));
        assertThat(points(inactive, expired, otherPos, event)).isEqualByComparingTo("0");
        assertThat(points(window)).as("the window's bounds are inclusive").isEqualByComparingTo("152");
    }

    @Test
    void e1TargetsTheMembersLevelOrSegmentAndAPreviewAppliesEveryActiveRule() {
        EarningRule gold = new RuleDefinition("gold", "d", true, true, null, null, Target.LEVEL, Set.of("gold"),
                Set.of(), Set.of(), false, spending("1")).toRule("gold", BOUGHT, BOUGHT, 1);
        EarningRule vip = new RuleDefinition("vip", "d", true, true, null, null, Target.SEGMENT, Set.of(),
                Set.of("vip"), Set.of(), false, spending("2")).toRule("vip", BOUGHT, BOUGHT, 1);
        List<EarningRule> rules = List.of(gold, vip);
        assertThat(TransactionRules.evaluate(rules, OL_BASKET,
                Optional.of(new Audience("m", "active", "gold", Set.of()))).points()).isEqualByComparingTo("152");
        assertThat(TransactionRules.evaluate(rules, OL_BASKET,
                Optional.of(new Audience("m", "active", "silver", Set.of("vip", "x")))).points()).isEqualByComparingTo("304");
        assertThat(TransactionRules.evaluate(rules, OL_BASKET,
                Optional.of(new Audience("m", "active", null, Set.of()))).points()).isEqualByComparingTo("0");
        assertThat(TransactionRules.evaluate(rules, OL_BASKET, Optional.empty()).points()).isEqualByComparingTo("456");
    }
}

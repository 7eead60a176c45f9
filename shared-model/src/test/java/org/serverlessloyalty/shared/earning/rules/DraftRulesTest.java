package org.serverlessloyalty.shared.earning.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessloyalty.shared.earning.testing.Rules.dec;
import static org.serverlessloyalty.shared.earning.testing.Rules.definition;
import static org.serverlessloyalty.shared.earning.testing.Rules.multiply;
import static org.serverlessloyalty.shared.earning.testing.Rules.purchase;
import static org.serverlessloyalty.shared.earning.testing.Rules.rule;
import static org.serverlessloyalty.shared.earning.testing.Rules.spending;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.model.Basket;
import org.serverlessloyalty.shared.earning.model.BasketItem;
import org.serverlessloyalty.shared.earning.model.DraftPreview;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleType;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.model.Target;

/** Ours (issue 12): a draft rule's preview on a basket, alone and among the store's active rules (E1, E3-E9, T7). */
class DraftRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Basket BASKET = new Basket(NOW, null, List.of(
            new BasketItem("123", dec("12"), "cat", "test", List.of()),
            new BasketItem("000", dec("100"), "cat", "test", List.of())), Set.of());

    @Test
    void e5DraftSpendingRuleAloneGivesPointValueTimesTheBasket() {
        DraftPreview preview = DraftRules.preview(definition("draft", spending("2")), List.of(), BASKET, NOW);
        assertThat(preview.points()).isEqualByComparingTo("224");
        assertThat(preview.pointsWithActiveRules()).isEqualByComparingTo("224");
    }

    @Test
    void e3DraftMultiplierRunsAfterTheSavedSpendingRuleAndOnlyActiveSavedRulesCount() {
        EarningRule saved = rule("saved", spending("1"));
        EarningRule inactive = rule("off", spending("50")).withActive(false, NOW);
        DraftPreview preview = DraftRules.preview(definition("x3", multiply("3", Set.of("000"), List.of())),
                List.of(saved, inactive), BASKET, NOW);
        // E6: alone a multiplier has nothing to multiply; with the saved 1 per unit, SKU 000's 100 becomes 300.
        assertThat(preview.points()).isEqualByComparingTo("0");
        assertThat(preview.pointsWithActiveRules()).isEqualByComparingTo("312");
    }

    @Test
    void e8DraftProductPurchaseAddsOncePerLineAfterSavedRules() {
        DraftPreview preview = DraftRules.preview(definition("p", purchase("5", "123")),
                List.of(rule("saved", spending("1"))), BASKET, NOW);
        assertThat(preview.points()).isEqualByComparingTo("5");
        assertThat(preview.pointsWithActiveRules()).isEqualByComparingTo("117");
    }

    @Test
    void t7TargetingIsIgnoredAndAnInactiveDraftIsPreviewedAsActive() {
        RuleDefinition d = definition("d", spending("1"));
        RuleDefinition inactiveForASegment = new RuleDefinition(d.name(), d.description(), false, true, null, null,
                Target.SEGMENT, Set.of(), Set.of("seg-1"), Set.of(), false, d.terms());
        assertThat(DraftRules.preview(inactiveForASegment, List.of(), BASKET, NOW).points())
                .isEqualByComparingTo("112");
    }

    @Test
    void e1DraftOutsideItsWindowGivesNothingForTheBasketDate() {
        RuleDefinition d = definition("d", spending("1"));
        RuleDefinition expired = new RuleDefinition(d.name(), d.description(), true, false,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"), d.target(), d.levels(),
                d.segments(), d.pos(), false, d.terms());
        assertThat(DraftRules.preview(expired, List.of(rule("saved", spending("1"))), BASKET, NOW))
                .isEqualTo(new DraftPreview(dec("0.00"), dec("112.00")));
    }

    @Test
    void e3EventTypesAreRefusedAndTransactionTypesAccepted() {
        for (EarningRuleType type : EarningRuleType.values()) {
            assertThat(DraftRules.refusal(type).isPresent()).as(type.value()).isEqualTo(!type.appliesToTransactions());
        }
        assertThat(DraftRules.refusal(EarningRuleType.QRCODE)).hasValueSatisfying(m -> assertThat(m)
                .contains("qrcode rule is not applied to transactions"));
        assertThat(DraftRules.refusal(EarningRuleType.INSTANT_REWARD)).isEmpty();
    }

    @Test
    void previewOfANonTransactionRuleIsAProgrammingError() {
        RuleDefinition d = definition("d", spending("1"));
        assertThatThrownBy(() -> DraftRules.preview(new RuleDefinition(d.name(), d.description(), true, true, null,
                null, d.target(), d.levels(), d.segments(), d.pos(), false,
                new org.serverlessloyalty.shared.earning.model.RuleTerms.Event("customer_registered", dec("5"))),
                List.of(), BASKET, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}

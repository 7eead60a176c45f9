package org.serverlessloyalty.shared.earning.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.earning.testing.Rules.dec;
import static org.serverlessloyalty.shared.earning.testing.Rules.last;
import static org.serverlessloyalty.shared.earning.testing.Rules.rule;
import static org.serverlessloyalty.shared.earning.testing.Rules.spending;

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
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.testing.Rules;

/** The {@code instant_reward} rule's decision (1.B.3, issue 11): which sales it gives its campaign's coupon. */
class InstantRewardRulesTest {

    private static final Basket BASKET = new Basket(Instant.parse("2026-11-29T12:00:00Z"), "pos-1",
            List.of(new BasketItem("123", dec("100"), "cat", "test", List.of())), Set.of());
    private static final Optional<Audience> MEMBER = Optional.of(new Audience("m1", "active", Rules.ANY_LEVEL, Set.of()));
    private static final Optional<Audience> OTHER_LEVEL = Optional.of(new Audience("m2", "active", "L9", Set.of()));

    private static EarningRule instant(String campaignId) {
        return rule("coupon " + campaignId, new RuleTerms.InstantReward(campaignId));
    }

    @Test
    void aMatchingInstantRewardRuleGivesOneCouponOfItsCampaignAndNoPoints() {
        EarningRule rule = instant("c-1");
        Earned earned = TransactionRules.evaluate(List.of(rule), BASKET, MEMBER);
        assertThat(earned.instantRewards()).containsExactly(new Earned.InstantReward(rule.id(), "c-1"));
        assertThat(earned.points()).isZero();
        // E10: it gave no points, so the transfer's comment does not name it.
        assertThat(earned.ruleNames()).isEmpty();
    }

    @Test
    void aMemberOutsideTheRulesLevelsAndSegmentsGetsNoCoupon() {
        assertThat(TransactionRules.evaluate(List.of(instant("c-1")), BASKET, OTHER_LEVEL).instantRewards()).isEmpty();
    }

    @Test
    void anInactiveInstantRewardRuleGivesNoCoupon() {
        EarningRule rule = instant("c-1").withActive(false, Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(TransactionRules.evaluate(List.of(rule), BASKET, MEMBER).instantRewards()).isEmpty();
    }

    @Test
    void e9ASpendingRuleMarkedLastStopsBeforeTheMediumPriorityInstantReward() {
        // E3: HIGH (points) runs before MEDIUM (instant_reward); a stopping spending rule ends evaluation there.
        Earned earned = TransactionRules.evaluate(List.of(last(rule("1", spending("1"))), instant("c-1")), BASKET,
                MEMBER);
        assertThat(earned.instantRewards()).isEmpty();
        assertThat(earned.points()).isEqualByComparingTo("100");
    }

    @Test
    void twoInstantRewardRulesGiveOneCouponEachBesideTheSpendingPoints() {
        EarningRule first = instant("c-1");
        EarningRule second = instant("c-2");
        Earned earned = TransactionRules.evaluate(List.of(rule("1", spending("1")), first, second), BASKET, MEMBER);
        assertThat(earned.instantRewards()).containsExactly(new Earned.InstantReward(first.id(), "c-1"),
                new Earned.InstantReward(second.id(), "c-2"));
        assertThat(earned.points()).isEqualByComparingTo("100");
    }
}

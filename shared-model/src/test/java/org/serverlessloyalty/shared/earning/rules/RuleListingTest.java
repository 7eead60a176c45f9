package org.serverlessloyalty.shared.earning.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.earning.testing.Rules.dec;
import static org.serverlessloyalty.shared.earning.testing.Rules.rule;
import static org.serverlessloyalty.shared.earning.testing.Rules.spending;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleType;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.model.Target;

class RuleListingTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static EarningRule targeted(String id, Target target, Set<String> levels, Set<String> segments) {
        return new RuleDefinition(id, "d", true, true, null, null, target, levels, segments, Set.of(), false,
                spending("1")).toRule(id, NOW, NOW, 1);
    }

    @Test
    void aMemberSeesActiveRulesInTheirWindowForTheirLevelOrSegmentAndRulesForEveryone() {
        EarningRule gold = targeted("gold", Target.LEVEL, Set.of("gold"), Set.of());
        EarningRule vip = targeted("vip", Target.SEGMENT, Set.of(), Set.of("vip"));
        EarningRule silver = targeted("silver", Target.LEVEL, Set.of("silver"), Set.of());
        EarningRule goldOff = targeted("gold-off", Target.LEVEL, Set.of("gold"), Set.of()).withActive(false, NOW);
        EarningRule goldLater = new RuleDefinition("later", "d", true, false, NOW.plusSeconds(60), NOW.plusSeconds(120),
                Target.LEVEL, Set.of("gold"), Set.of(), Set.of(), false, spending("1")).toRule("later", NOW, NOW, 1);
        EarningRule welcome = new RuleDefinition("welcome", "d", true, true, null, null, null, Set.of(), Set.of(),
                Set.of(), false, new RuleTerms.Event(RuleTerms.ACCOUNT_CREATED, dec("10"))).toRule("welcome", NOW, NOW, 1);
        List<EarningRule> all = List.of(gold, vip, silver, goldOff, goldLater, welcome);
        assertThat(RuleListing.forMember(all, new Audience("m", "active", "gold", Set.of("vip")), NOW))
                .containsExactly(gold, vip, welcome);
        assertThat(RuleListing.forMember(all, new Audience("m", "active", null, Set.of()), NOW))
                .containsExactly(welcome);
    }

    @Test
    void theListFiltersAndSortsWithCreationOrderBreakingTies() {
        EarningRule b = rule("B", spending("1"));
        EarningRule a = rule("A", spending("1")).withActive(false, NOW);
        EarningRule c = rule("c", new RuleTerms.ProductPurchase(Set.of("S"), dec("1")));
        List<EarningRule> all = List.of(b, a, c);
        assertThat(RuleListing.select(all, new RuleListing.Query(null, null, RuleListing.Sort.NAME, false)))
                .containsExactly(a, b, c);
        assertThat(RuleListing.select(all, new RuleListing.Query(null, null, RuleListing.Sort.NAME, true)))
                .containsExactly(c, b, a);
        assertThat(RuleListing.select(all, new RuleListing.Query(true, EarningRuleType.POINTS,
                RuleListing.Sort.CREATED_AT, false))).containsExactly(b);
        assertThat(RuleListing.select(all, new RuleListing.Query(null, null, RuleListing.Sort.ACTIVE, false)))
                .containsExactly(a, b, c);
    }
}

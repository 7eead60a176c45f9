package org.serverlessloyalty.shared.earning.event.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.earning.event.EventRules.between;
import static org.serverlessloyalty.shared.earning.event.EventRules.custom;
import static org.serverlessloyalty.shared.earning.event.EventRules.event;
import static org.serverlessloyalty.shared.earning.event.EventRules.forLevel;
import static org.serverlessloyalty.shared.earning.event.EventRules.geo;
import static org.serverlessloyalty.shared.earning.event.EventRules.inactive;
import static org.serverlessloyalty.shared.earning.event.EventRules.limited;
import static org.serverlessloyalty.shared.earning.event.EventRules.qr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.event.model.Award;
import org.serverlessloyalty.shared.earning.event.model.BuiltInEvent;
import org.serverlessloyalty.shared.earning.event.model.EventDecision;
import org.serverlessloyalty.shared.earning.event.model.EventRuleType;
import org.serverlessloyalty.shared.earning.event.model.GeoPoint;
import org.serverlessloyalty.shared.earning.event.model.UsagePeriod;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.TallyKey;

class EventAwardingTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-11-29T23:30:00Z"); // 30 November in Paris
    private static final Audience ALICE = new Audience("alice", "active", "gold", Set.of("vip"));

    @Test
    void e11BuiltInEventAwardsTheLargestMatchingRuleNotTheSum() {
        var rules = List.of(event("a", BuiltInEvent.ACCOUNT_CREATED, "10"), event("b", BuiltInEvent.ACCOUNT_CREATED, "25"),
                event("c", BuiltInEvent.LOGGED_IN, "99"));

        Award award = EventAwarding.once(rules, EventRuleType.EVENT, BuiltInEvent.ACCOUNT_CREATED, ALICE, NOW,
                "event:" + BuiltInEvent.ACCOUNT_CREATED, "alice", r -> true).orElseThrow();

        assertThat(award.points()).isEqualByComparingTo("25");
        assertThat(award.comment()).isEqualTo("Rule b");
        assertThat(award.bounds()).containsExactly(new LedgerStep.Tally(new TallyKey.RuleUsage(
                "occasion:event:oloy.account.created", "alice", "alice"), BigDecimal.ONE, BigDecimal.ONE));
    }

    @Test
    void e1InactiveOutOfWindowAndOtherLevelRulesAwardNothing() {
        var rules = List.of(inactive(event("a", BuiltInEvent.LOGGED_IN, "10")),
                between(event("b", BuiltInEvent.LOGGED_IN, "20"), NOW.plusSeconds(60), NOW.plusSeconds(3600)),
                forLevel(event("c", BuiltInEvent.LOGGED_IN, "30"), "silver"));

        assertThat(EventAwarding.once(rules, EventRuleType.EVENT, BuiltInEvent.LOGGED_IN, ALICE, NOW, "e", "t1", r -> true))
                .isEmpty();
    }

    @Test
    void e1RuleAimedAtTheMembersLevelApplies() {
        var rules = List.of(forLevel(event("c", BuiltInEvent.LOGGED_IN, "30"), "gold"));
        assertThat(EventAwarding.once(rules, EventRuleType.EVENT, BuiltInEvent.LOGGED_IN, ALICE, NOW, "e", "t1", r -> true))
                .map(Award::points).contains(new BigDecimal("30"));
    }

    @Test
    void customEventUnknownOrInactiveIsEventDoesNotExist() {
        var rules = List.of(inactive(custom("a", "facebook_like", "5", null, 0)));
        assertThat(EventAwarding.customEvent(rules, "facebook_like", ALICE, NOW, PARIS))
                .isInstanceOf(EventDecision.NoSuchEvent.class);
        assertThat(EventAwarding.customEvent(rules, "tweet", ALICE, NOW, PARIS))
                .isInstanceOf(EventDecision.NoSuchEvent.class);
    }

    @Test
    void e12CustomEventIsBoundByItsRulesCounterForTheStoresCalendarDay() {
        var rules = List.of(custom("a", "facebook_like", "5", UsagePeriod.DAY, 3));

        var decision = (EventDecision.Earn) EventAwarding.customEvent(rules, "facebook_like", ALICE, NOW, PARIS);

        assertThat(decision.award().points()).isEqualByComparingTo("5");
        assertThat(decision.award().bounds()).containsExactly(new LedgerStep.Tally(
                new TallyKey.RuleUsage("a", "alice", "2026-11-30"), BigDecimal.ONE, new BigDecimal(3)));
    }

    @Test
    void e12LimitOfZeroIsExceededWithoutWriting() {
        var rules = List.of(custom("a", "facebook_like", "5", UsagePeriod.MONTH, 0));
        assertThat(EventAwarding.customEvent(rules, "facebook_like", ALICE, NOW, PARIS))
                .isInstanceOf(EventDecision.LimitExceeded.class);
    }

    @Test
    void e13WorkedExampleAwardsTheRuleInRadiusAndRefusesAFarPlace() {
        var rules = List.of(geo("g", 50.00, 15.00, "4", "2"));

        var near = EventAwarding.geolocation(rules, new GeoPoint(50.013992, 15.046411), Optional.empty(), ALICE, NOW,
                PARIS);
        var far = EventAwarding.geolocation(rules, new GeoPoint(4.01, 5.05), Optional.empty(), ALICE, NOW, PARIS);

        assertThat(((EventDecision.Earn) near).award().points()).isEqualByComparingTo("2");
        assertThat(far).isInstanceOf(EventDecision.NotInRange.class);
    }

    @Test
    void e13EveryRuleInRangeAddsUpAndEachCountsAgainstItsOwnLimit() {
        var rules = List.of(limited(geo("g1", 50.00, 15.00, "4", "2"), UsagePeriod.WEEK, 2),
                geo("g2", 50.01, 15.04, "1", "3"), geo("g3", 10, 10, "5", "100"));

        var decision = (EventDecision.Earn) EventAwarding.geolocation(rules, new GeoPoint(50.013992, 15.046411),
                Optional.empty(), ALICE, NOW, PARIS);

        assertThat(decision.award().points()).isEqualByComparingTo("5");
        assertThat(decision.award().bounds()).containsExactly(new LedgerStep.Tally(
                new TallyKey.RuleUsage("g1", "alice", "2026-W49"), BigDecimal.ONE, new BigDecimal(2)));
    }

    @Test
    void e13EarningRuleIdRestrictsToThatRule() {
        var rules = List.of(geo("g1", 50.00, 15.00, "4", "2"), geo("g2", 50.01, 15.04, "1", "3"));
        var decision = (EventDecision.Earn) EventAwarding.geolocation(rules, new GeoPoint(50.013992, 15.046411),
                Optional.of("g2"), ALICE, NOW, PARIS);
        assertThat(decision.award().points()).isEqualByComparingTo("3");
    }

    @Test
    void e14QrCodeAwardsEveryMatchingRuleAndUnknownCodeIsEventDoesNotExist() {
        var rules = List.of(qr("q1", "qrcodeabcd", "10"), qr("q2", "other", "7"));

        var decision = (EventDecision.Earn) EventAwarding.qrCode(rules, "qrcodeabcd", Optional.empty(), ALICE, NOW,
                PARIS);

        assertThat(decision.award().points()).isEqualByComparingTo("10");
        assertThat(EventAwarding.qrCode(rules, "nope", Optional.empty(), ALICE, NOW, PARIS))
                .isInstanceOf(EventDecision.NoSuchEvent.class);
        assertThat(EventAwarding.qrCode(rules, "qrcodeabcd", Optional.of("q2"), ALICE, NOW, PARIS))
                .isInstanceOf(EventDecision.NoSuchEvent.class);
    }
}

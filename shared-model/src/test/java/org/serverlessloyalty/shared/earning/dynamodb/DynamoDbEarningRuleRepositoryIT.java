package org.serverlessloyalty.shared.earning.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.earning.testing.Rules.dec;
import static org.serverlessloyalty.shared.earning.testing.Rules.label;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleStep;
import org.serverlessloyalty.shared.earning.model.LabelMultiplier;
import org.serverlessloyalty.shared.earning.model.LabelsInclusion;
import org.serverlessloyalty.shared.earning.model.LimitPeriod;
import org.serverlessloyalty.shared.earning.model.ReferralEvent;
import org.serverlessloyalty.shared.earning.model.RewardType;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.model.Target;
import org.serverlessloyalty.shared.earning.model.UsageLimit;
import org.serverlessloyalty.shared.earning.port.EarningRuleRepository;
import org.serverlessloyalty.shared.earning.rules.EarningRulePlans;
import org.serverlessloyalty.shared.earning.service.EarningRuleAdmin;
import org.serverlessloyalty.shared.earning.service.EarningRuleCatalog;
import org.serverlessloyalty.shared.earning.testing.Rules;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;

class DynamoDbEarningRuleRepositoryIT {

    private static final StoreCode STORE = new StoreCode("s1");
    private final LocalTable table = LocalTable.create();
    private final DynamoDbEarningRuleRepository repository = new DynamoDbEarningRuleRepository(table.client(), table.name(), Clock.systemUTC());
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    private final EarningRuleCatalog catalog = new EarningRuleCatalog(repository, Duration.ofSeconds(30), clock);

    private static List<RuleTerms> everyType() {
        return List.of(
                new RuleTerms.Spending(dec("2.5"), Set.of("A", "B"), LabelsInclusion.INCLUDE, List.of(label("k", "v")),
                        List.of(label("color", "red"), label("size", "")), true, dec("10.5")),
                new RuleTerms.Event(RuleTerms.LOGGED_IN, dec("5")),
                new RuleTerms.CustomEvent("facebook_like", dec("100"), new UsageLimit(true, LimitPeriod.SIX_MONTHS, 3)),
                new RuleTerms.Referral(ReferralEvent.EVERY_PURCHASE, RewardType.REFERRER, dec("7.25")),
                new RuleTerms.ProductPurchase(Set.of("S1"), dec("200")),
                new RuleTerms.MultiplyForProduct(Set.of(), dec("3"), List.of(label("color", "blue"))),
                new RuleTerms.MultiplyByLabels(List.of(new LabelMultiplier("color", "red", dec("0")),
                        new LabelMultiplier("size", "xxl", dec("1.5")))),
                new RuleTerms.Geolocation(dec("50.013992"), dec("-15.046411"), dec("4"), dec("2"), UsageLimit.NONE),
                new RuleTerms.QrCode("qrcodeabcd", BigDecimal.TEN, new UsageLimit(true, LimitPeriod.FOREVER, 1)),
                new RuleTerms.InstantReward("campaign-1"));
    }

    @Test
    void everyTypeOfRuleReadsBackExactlyInCreationOrder() {
        List<EarningRule> saved = new ArrayList<>();
        for (RuleTerms terms : everyType()) {
            EarningRule rule = Rules.rule(terms.type().value(), terms);
            assertThat(repository.execute(STORE, EarningRulePlans.create(rule))).isInstanceOf(PlanResult.Committed.class);
            saved.add(rule);
        }
        EarningRule windowed = new RuleDefinition("W", "D", false, false, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-12-31T23:00:00Z"), Target.SEGMENT, Set.of(), Set.of("seg"), Set.of("pos-1"), true,
                Rules.spending("1")).toRule("zz-windowed", Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), 1);
        repository.execute(STORE, EarningRulePlans.create(windowed));
        saved.add(windowed);
        assertThat(repository.list(STORE)).containsExactlyElementsOf(saved);
        assertThat(repository.find(STORE, windowed.id())).contains(windowed);
        assertThat(repository.list(new StoreCode("other"))).isEmpty();
        assertThat(repository.find(STORE, "nope")).isEmpty();
    }

    @Test
    void aCustomEventNameBelongsToOneRuleAndARenameFreesIt() {
        EarningRuleAdmin admin = new EarningRuleAdmin(catalog, clock);
        RuleDefinition like = Rules.definition("like", new RuleTerms.CustomEvent("like", BigDecimal.ONE, UsageLimit.NONE));
        var first = (EarningRuleAdmin.Outcome.Saved) admin.create(STORE, like);
        assertThat(admin.create(STORE, like)).isEqualTo(new EarningRuleAdmin.Outcome.EventNameTaken("like"));
        assertThat(admin.create(new StoreCode("s2"), like)).isInstanceOf(EarningRuleAdmin.Outcome.Saved.class);

        RuleDefinition share = Rules.definition("share", new RuleTerms.CustomEvent("share", BigDecimal.ONE, UsageLimit.NONE));
        assertThat(admin.replace(STORE, first.rule().id(), share)).isInstanceOf(EarningRuleAdmin.Outcome.Saved.class);
        assertThat(admin.create(STORE, like)).as("the old name is free again").isInstanceOf(EarningRuleAdmin.Outcome.Saved.class);
        assertThat(admin.create(STORE, share)).isEqualTo(new EarningRuleAdmin.Outcome.EventNameTaken("share"));
        // Replacing a rule with its own name keeps its claim.
        assertThat(admin.replace(STORE, first.rule().id(), share)).isInstanceOf(EarningRuleAdmin.Outcome.Saved.class);
        assertThat(repository.list(STORE)).hasSize(2);
    }

    @Test
    void concurrentCreatesOfOneCustomEventNameMakeExactlyOneRule() throws Exception {
        EarningRuleAdmin admin = new EarningRuleAdmin(catalog, clock);
        RuleDefinition like = Rules.definition("like", new RuleTerms.CustomEvent("like", BigDecimal.ONE, UsageLimit.NONE));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<EarningRuleAdmin.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit((Callable<EarningRuleAdmin.Outcome>) () -> admin.create(STORE, like)));
            }
            int saved = 0;
            for (Future<EarningRuleAdmin.Outcome> outcome : outcomes) {
                saved += outcome.get() instanceof EarningRuleAdmin.Outcome.Saved ? 1 : 0;
            }
            assertThat(saved).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(repository.list(STORE)).hasSize(1);
    }

    @Test
    void aChangeIsWrittenOnlyOverTheVersionItWasDecidedOn() {
        EarningRule rule = Rules.rule("r", Rules.spending("1"));
        repository.execute(STORE, EarningRulePlans.create(rule));
        EarningRule off = rule.withActive(false, clock.instant());
        assertThat(repository.execute(STORE, EarningRulePlans.replace(rule, off))).isInstanceOf(PlanResult.Committed.class);
        PlanResult<EarningRuleStep> stale = repository.execute(STORE, EarningRulePlans.replace(rule, rule.withActive(true,
                clock.instant())));
        assertThat(stale).isInstanceOf(PlanResult.Refused.class);
        assertThat(repository.find(STORE, rule.id())).contains(off);
    }

    @Test
    void concurrentActivationsAllLandOneAfterAnother() throws Exception {
        EarningRuleAdmin admin = new EarningRuleAdmin(catalog, clock);
        var saved = (EarningRuleAdmin.Outcome.Saved) admin.create(STORE, Rules.definition("r", Rules.spending("1")));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<EarningRuleAdmin.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                boolean active = i % 2 == 0;
                outcomes.add(pool.submit(() -> admin.activate(STORE, saved.rule().id(), active)));
            }
            for (Future<EarningRuleAdmin.Outcome> outcome : outcomes) {
                assertThat(outcome.get()).isInstanceOf(EarningRuleAdmin.Outcome.Saved.class);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(repository.find(STORE, saved.rule().id()).orElseThrow().version()).isEqualTo(7);
        assertThat(admin.activate(STORE, "missing", true)).isInstanceOf(EarningRuleAdmin.Outcome.NotFound.class);
    }
    @Test
    void aCreateWhoseCommitWasNotHeardIsRecognisedAsDoneNotRetriedForever() {
        // The first transaction commits but its answer is lost (AWS may answer 500 for a write it made): the service
        // tries again with the same rule, whose id is now taken, and must answer that rule, once.
        boolean[] lost = {false};
        EarningRuleRepository losing = new EarningRuleRepository() {
            @Override
            public java.util.Optional<EarningRule> find(StoreCode store, String ruleId) {
                return repository.find(store, ruleId);
            }

            @Override
            public List<EarningRule> list(StoreCode store) {
                return repository.list(store);
            }

            @Override
            public PlanResult<EarningRuleStep> execute(StoreCode store, List<EarningRuleStep> plan,
                                                       java.util.Optional<IdempotencyRecord> record) {
                PlanResult<EarningRuleStep> result = repository.execute(store, plan, record);
                if (!lost[0]) {
                    lost[0] = true;
                    return new PlanResult.Contended<>("answer lost");
                }
                return result;
            }
        };
        EarningRuleAdmin admin = new EarningRuleAdmin(new EarningRuleCatalog(losing, Duration.ofSeconds(30), clock), clock);
        RuleDefinition like = Rules.definition("like", new RuleTerms.CustomEvent("like", BigDecimal.ONE, UsageLimit.NONE));
        var outcome = admin.create(STORE, like);
        assertThat(outcome).isInstanceOf(EarningRuleAdmin.Outcome.Saved.class);
        assertThat(repository.list(STORE)).singleElement()
                .isEqualTo(((EarningRuleAdmin.Outcome.Saved) outcome).rule());
    }
}

package org.serverlessloyalty.shared.earning.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.model.Basket;
import org.serverlessloyalty.shared.earning.model.BasketItem;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleStep;
import org.serverlessloyalty.shared.earning.port.EarningRuleRepository;
import org.serverlessloyalty.shared.earning.testing.Rules;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.store.model.StoreCode;

class RuleEarningTest {

    private static final StoreCode STORE = new StoreCode("s1");
    private static final Basket BASKET = new Basket(Instant.parse("2026-11-29T12:00:00Z"), null,
            List.of(new BasketItem("A", new BigDecimal("10"), "c", null, List.of())), Set.of());

    /** Counts the reads of the store's rules. */
    private static final class CountingRepository implements EarningRuleRepository {
        final List<EarningRule> rules = new ArrayList<>();
        final AtomicInteger lists = new AtomicInteger();

        @Override
        public Optional<EarningRule> find(StoreCode store, String ruleId) {
            return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
        }

        @Override
        public List<EarningRule> list(StoreCode store) {
            lists.incrementAndGet();
            return List.copyOf(rules);
        }

        @Override
        public PlanResult<EarningRuleStep> execute(StoreCode store, List<EarningRuleStep> plan,
                                                   Optional<org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord> record) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void e2AMemberWhoseStatusMayNotEarnEarnsNothingButAPreviewDoes() {
        CountingRepository repository = new CountingRepository();
        repository.rules.add(Rules.rule("r", Rules.spending("2")));
        PointsSettings onlyActive = new PointsSettings(ExpiryMode.AFTER_X_DAYS, 90, 0, Set.of("active"), Set.of(), false);
        RuleEarning earning = new RuleEarning(new EarningRuleCatalog(repository, Duration.ofSeconds(30),
                Clock.systemUTC()), store -> onlyActive);
        assertThat(earning.evaluate(STORE, BASKET, Optional.of(new Audience("m", "blocked", Rules.ANY_LEVEL, Set.of())))
                .points()).isEqualByComparingTo("0");
        assertThat(earning.evaluate(STORE, BASKET, Optional.of(new Audience("m", "active", Rules.ANY_LEVEL, Set.of())))
                .points()).isEqualByComparingTo("20");
        assertThat(earning.evaluate(STORE, BASKET, Optional.empty()).points()).isEqualByComparingTo("20");
    }

    @Test
    void readsTheStoresRulesOncePerTtl() {
        CountingRepository repository = new CountingRepository();
        repository.rules.add(Rules.rule("r", Rules.spending("1")));
        Instant[] now = {Instant.parse("2026-11-29T12:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        RuleEarning earning = new RuleEarning(new EarningRuleCatalog(repository, Duration.ofSeconds(30), clock),
                store -> PointsSettings.DEFAULTS);
        for (int i = 0; i < 5; i++) {
            earning.evaluate(STORE, BASKET, Optional.empty());
        }
        assertThat(repository.lists).hasValue(1);
        repository.rules.add(Rules.rule("r2", Rules.spending("1")));
        now[0] = now[0].plusSeconds(31);
        assertThat(earning.evaluate(STORE, BASKET, Optional.empty()).points()).isEqualByComparingTo("20");
        assertThat(repository.lists).hasValue(2);
    }
}

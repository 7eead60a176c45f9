package org.serverlessloyalty.tests.points;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.shared.earning.dynamodb.DynamoDbEarningRuleRepository;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.rules.EarningRulePlans;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Event rules written straight into a local stack's table (issue 10, h10-events), aimed at every member: what the
 * earning rule routes (E-1, area h10-rules) will create over HTTP once merged. Write them before the store's first
 * points call: an instance keeps a store's rules for the store cache's TTL.
 */
public final class EventRuleSeed {

    private EventRuleSeed() {
    }

    public static void seed(LocalStack stack, String store, List<RuleTerms> terms) {
        var rules = new DynamoDbEarningRuleRepository(stack.dynamoDbClient(), stack.tableName("LoyaltyTable"),
                java.time.Clock.systemUTC());
        int n = 0;
        for (RuleTerms t : terms) {
            Instant now = Instant.now().plusMillis(n++);
            var rule = new RuleDefinition("Seeded " + t.type().name().toLowerCase(), "seeded for a test", true, true,
                    null, null, null, Set.of(), Set.of(), Set.of(), false, t).toRule(UUID.randomUUID().toString(), now,
                    now, 1);
            var result = rules.execute(new StoreCode(store), EarningRulePlans.create(rule));
            if (!(result instanceof PlanResult.Committed<?>)) {
                throw new IllegalStateException("could not seed " + t + ": " + result);
            }
        }
    }

    /** The rules the events/points/event-earning files use: custom event app_review, E13's place, E14's code. */
    public static List<RuleTerms> eventFiles() {
        return List.of(
                new RuleTerms.CustomEvent("app_review", new BigDecimal("3"),
                        org.serverlessloyalty.shared.earning.model.UsageLimit.NONE),
                new RuleTerms.Geolocation(new BigDecimal("50.00"), new BigDecimal("15.00"), new BigDecimal("4"),
                        new BigDecimal("2"), org.serverlessloyalty.shared.earning.model.UsageLimit.NONE),
                new RuleTerms.QrCode("qrcodeabcd", new BigDecimal("10"),
                        org.serverlessloyalty.shared.earning.model.UsageLimit.NONE));
    }
}

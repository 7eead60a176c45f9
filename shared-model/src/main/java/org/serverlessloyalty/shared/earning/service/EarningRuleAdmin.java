package org.serverlessloyalty.shared.earning.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleStep;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.rules.EarningRulePlans;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Creating, replacing and (de)activating earning rules (E-1, E-2, E-5), and reading them (E-3, E-4). */
public final class EarningRuleAdmin {

    /** What a change did. */
    public sealed interface Outcome {
        record Saved(EarningRule rule) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        /** Another custom event rule of the store has this event name (E-1: "400 on eventName"). */
        record EventNameTaken(String eventName) implements Outcome {
        }
    }

    private final EarningRuleCatalog catalog;
    private final Supplier<String> ids;
    private final Clock clock;

    public EarningRuleAdmin(EarningRuleCatalog catalog, Clock clock) {
        this(catalog, () -> UUID.randomUUID().toString(), clock);
    }

    public EarningRuleAdmin(EarningRuleCatalog catalog, Supplier<String> ids, Clock clock) {
        this.catalog = catalog;
        this.ids = ids;
        this.clock = clock;
    }

    public Optional<EarningRule> find(StoreCode store, String ruleId) {
        return catalog.repository().find(store, ruleId);
    }

    /** Every rule, in creation order, read from the table (not the cache: an admin sees their change at once). */
    public List<EarningRule> list(StoreCode store) {
        return catalog.repository().list(store);
    }

    public Outcome create(StoreCode store, RuleDefinition definition) {
        return create(store, definition, Claim.none());
    }

    /**
     * E-1; with a keyed request's claim, its answer is recorded in the rule's own transaction, so a retry of a
     * create that did happen replays it instead of creating a second rule.
     */
    public Outcome create(StoreCode store, RuleDefinition definition, Claim<Outcome> claim) {
        Instant now = clock.instant();
        EarningRule rule = definition.toRule(ids.get(), now, now, 1);
        Outcome saved = new Outcome.Saved(rule);
        return Contention.retry("create earning rule", () -> {
            PlanResult<EarningRuleStep> result = catalog.repository().execute(store, EarningRulePlans.create(rule),
                    claim.record(saved));
            if (result instanceof PlanResult.Refused<EarningRuleStep> refused
                    && refused.failed().stream().anyMatch(step -> step instanceof EarningRuleStep.Put)) {
                // The new rule's own id is taken: an earlier attempt of this very create committed and its answer was
                // lost (AWS may answer 500 for a write it made, and the SDK then sends it again).
                Optional<EarningRule> written = catalog.repository().find(store, rule.id());
                if (written.isPresent()) {
                    catalog.invalidate(store);
                    return Optional.of(new Outcome.Saved(written.get()));
                }
            }
            Optional<Outcome> outcome = outcome(store, result, rule);
            return outcome.map(o -> o instanceof Outcome.Saved ? claim.committed(o) : o);
        });
    }

    /** The full replacement of a rule (E-2): its id, type and creation time stay. */
    public Outcome replace(StoreCode store, String ruleId, RuleDefinition definition) {
        return change(store, ruleId, previous -> definition.toRule(ruleId, previous.createdAt(), clock.instant(),
                previous.version() + 1));
    }

    /** E-5. */
    public Outcome activate(StoreCode store, String ruleId, boolean active) {
        return change(store, ruleId, previous -> previous.withActive(active, clock.instant()));
    }

    private Outcome change(StoreCode store, String ruleId, java.util.function.Function<EarningRule, EarningRule> next) {
        return Contention.retry("change earning rule", () -> {
            Optional<EarningRule> previous = catalog.repository().find(store, ruleId);
            if (previous.isEmpty()) {
                return Optional.of(new Outcome.NotFound());
            }
            EarningRule rule = next.apply(previous.get());
            if (previous.get().type() != rule.type()) {
                throw new IllegalArgumentException("an earning rule's type cannot change");
            }
            PlanResult<EarningRuleStep> result = catalog.repository().execute(store,
                    EarningRulePlans.replace(previous.get(), rule));
            return outcome(store, result, rule);
        });
    }

    /** Empty: contention, or the rule changed since it was read (a Put's version failed): read and decide again. */
    private Optional<Outcome> outcome(StoreCode store, PlanResult<EarningRuleStep> result, EarningRule rule) {
        if (result instanceof PlanResult.Committed) {
            catalog.invalidate(store);
            return Optional.of(new Outcome.Saved(rule));
        }
        if (result instanceof PlanResult.Refused<EarningRuleStep> refused) {
            for (EarningRuleStep step : refused.failed()) {
                if (step instanceof EarningRuleStep.ClaimEventName claim) {
                    return Optional.of(new Outcome.EventNameTaken(claim.eventName()));
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }
}

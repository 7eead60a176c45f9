package org.serverlessloyalty.shared.earning.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.Basket;
import org.serverlessloyalty.shared.earning.model.DraftPreview;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleType;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;

/**
 * Ours (issue 12; Open Loyalty has no draft simulation): what an earning rule form would give a basket before it is
 * saved. Pure: the draft, the store's saved rules and the basket in, two figures out; it reuses
 * {@link TransactionRules#evaluate} so the arithmetic is the one a real transaction gets (E1, E3-E9).
 */
public final class DraftRules {

    /** The id the draft is evaluated under: never a saved rule's (those are UUIDs). */
    static final String DRAFT_ID = "draft";

    private DraftRules() {
    }

    /**
     * E3: only transaction rules run on a basket; event, custom_event, referral, geolocation and qrcode rules answer
     * events (E11-E14), so previewing one on a basket is refused with this reason.
     */
    public static Optional<String> refusal(EarningRuleType type) {
        if (type.appliesToTransactions()) {
            return Optional.empty();
        }
        return Optional.of("a " + type.value() + " rule is not applied to transactions (E3): only points, "
                + "multiply_for_product, multiply_by_product_labels, product_purchase and instant_reward rules can "
                + "be simulated on a basket");
    }

    /**
     * The draft is evaluated as active, whatever its form's {@code active} says (the merchant asks what it would
     * give once on), and created {@code now}, so it runs after the saved rules of its priority (E3) and its
     * {@code lastExecutedRule} stops only what follows it (E9). Its window and POS still apply (E1) against the
     * basket's purchase date and POS. No member: every active rule counts whatever its targeting (T7).
     *
     * @param saved the store's rules, any type, active or not
     * @throws IllegalArgumentException for a draft {@link #refusal} refuses
     */
    public static DraftPreview preview(RuleDefinition draft, List<EarningRule> saved, Basket basket, Instant now) {
        if (refusal(draft.type()).isPresent()) {
            throw new IllegalArgumentException("not a transaction rule: " + draft.type().value());
        }
        EarningRule rule = asActive(draft).toRule(DRAFT_ID, now, now, 0);
        List<EarningRule> all = new ArrayList<>(saved);
        all.add(rule);
        return new DraftPreview(
                TransactionRules.evaluate(List.of(rule), basket, Optional.empty()).points(),
                TransactionRules.evaluate(all, basket, Optional.empty()).points());
    }

    private static RuleDefinition asActive(RuleDefinition d) {
        return new RuleDefinition(d.name(), d.description(), true, d.allTimeActive(), d.startAt(), d.endAt(),
                d.target(), d.levels(), d.segments(), d.pos(), d.lastExecutedRule(), d.terms());
    }
}

package org.serverlessloyalty.shared.earning.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleStep;

/** The writes of creating or changing an earning rule, each with the condition the store must check. */
public final class EarningRulePlans {

    private EarningRulePlans() {
    }

    /** A new rule; a custom event rule also claims its event name (E-1: one custom event rule per name). */
    public static List<EarningRuleStep> create(EarningRule rule) {
        List<EarningRuleStep> plan = new ArrayList<>();
        plan.add(new EarningRuleStep.Put(rule, null));
        rule.customEventName().ifPresent(name -> plan.add(new EarningRuleStep.ClaimEventName(name, rule.id())));
        return plan;
    }

    /** {@code next} over {@code previous}'s version; a renamed custom event moves its claim. */
    public static List<EarningRuleStep> replace(EarningRule previous, EarningRule next) {
        List<EarningRuleStep> plan = new ArrayList<>();
        plan.add(new EarningRuleStep.Put(next, previous.version()));
        Optional<String> before = previous.customEventName();
        Optional<String> after = next.customEventName();
        if (!before.equals(after)) {
            before.ifPresent(name -> plan.add(new EarningRuleStep.ReleaseEventName(name, previous.id())));
            after.ifPresent(name -> plan.add(new EarningRuleStep.ClaimEventName(name, next.id())));
        }
        return plan;
    }
}

package org.serverlessloyalty.shared.platform.plan;

import java.util.List;

/**
 * What the store answered to a plan: the writes of one business action, each holding a limit (docs/architecture.md,
 * "Decisions in the domain, writes in the adapter"). The domain service turns it into the business answer.
 *
 * @param <S> the domain's step type: one write and the limit it must hold (take a code use while below its limit,
 *            spend from a points lot while it still holds enough, ...)
 */
public sealed interface PlanResult<S> {

    /** Every write was made, every limit held. */
    record Committed<S>() implements PlanResult<S> {
    }

    /**
     * Nothing was written: the limit of each of {@code failed} did not hold (a condition the store checked).
     * The domain decides what that means: drop those steps and plan again, or refuse the action.
     */
    record Refused<S>(List<S> failed) implements PlanResult<S> {
        public Refused {
            failed = List.copyOf(failed);
        }
    }

    /**
     * Nothing was written, and no limit was found wanting: another writer overlapped on an item
     * (DynamoDB's TransactionConflict) or the store throttled one of the writes. Reading again and planning
     * again is always right; the client never hears of it unless it keeps happening.
     */
    record Contended<S>(String reason) implements PlanResult<S> {
    }

    static <S> PlanResult<S> committed() {
        return new Committed<>();
    }
}

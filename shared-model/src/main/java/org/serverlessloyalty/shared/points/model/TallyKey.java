package org.serverlessloyalty.shared.points.model;

/**
 * A counter a points action may be bounded by ({@link LedgerStep.Tally}): written in the same transaction as the
 * points, so the bound holds whatever runs at the same time (section 4, items 3 and 9).
 */
public sealed interface TallyKey {

    /**
     * Uses of earning rule {@code ruleId} by member {@code memberId} in one calendar period (rule E12): {@code period}
     * names it, e.g. {@code 2026-11-29}, {@code 2026-W48}, {@code 2026-Q4}, {@code forever}.
     */
    record RuleUsage(String ruleId, String memberId, String period) implements TallyKey {
    }

    /** Points taken back so far from what transaction {@code transactionId} earned, by its returns (rule T5). */
    record Revoked(String transactionId) implements TallyKey {
    }

    /**
     * Whether sale {@code transactionId} has earned its points (at most 1): a permanent mark, where an
     * Idempotency-Key's record lives 24 hours, so a sale finished days after a crash still earns once (E10).
     */
    record Earned(String transactionId) implements TallyKey {
    }
}

package org.serverlessloyalty.shared.points.model;

/** What a points action did: the answer the HTTP layer renders (and an Idempotency-Key replays). */
public sealed interface TransferOutcome {

    /**
     * The action was written.
     *
     * @param id     the transfer it created ({@code {"pointsTransferId": id}}: for a p2p, the p2p_spending one, B6),
     *               or the one it changed (cancel, activate, expire)
     * @param points the points it moved (a revocation, rule P8, may move less than asked)
     */
    record Done(TransferId id, Points points) implements TransferOutcome {
    }

    /** Nothing needed writing: a transfer cancelled twice (rule P9 answers 200), a revocation with nothing left. */
    record Unchanged(TransferId id) implements TransferOutcome {
    }

    record Refused(Refusal refusal) implements TransferOutcome {
    }
}

package org.serverlessloyalty.shared.giftcode.model;

/**
 * Where a creation request (a batch of codes) stands. Its codes count only once it is COMPLETE:
 * that status change is the request's commit point, one conditional write.
 */
public enum BatchStatus {
    /** Being written; its codes are not usable, listable only as PENDING. */
    PENDING,
    /** Committed: every code of the batch is usable (subject to its own terms). Never changes again. */
    COMPLETE,
    /** Given up (its writer died and nobody resumed it in time): its codes are deleted, never usable. */
    ABANDONED
}

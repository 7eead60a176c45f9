package org.serverlessloyalty.shared.points.model;

import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * One write of a member plan (docs/architecture.md, "Decisions in the domain, writes in the adapter"), with the
 * limit it holds. The adapter executes a plan as one transaction; a refused plan names the steps whose limit failed.
 */
public sealed interface MemberStep {

    /**
     * Write {@code member}: a new one when {@code expectedVersion} is null (the id must be free), else only while the
     * stored member still has {@code expectedVersion} (nobody changed it since it was read).
     */
    record PutMember(Member member, Long expectedVersion) implements MemberStep {
    }

    /** Take {@code claim} for {@code memberId}: only while no member holds it (uniqueness in the store). */
    record Claim(StoreCode store, MemberClaim claim, String memberId) implements MemberStep {
    }

    /** Give {@code claim} up: deleted only when {@code memberId} holds it (never another member's). */
    record Release(StoreCode store, MemberClaim claim, String memberId) implements MemberStep {
    }
}

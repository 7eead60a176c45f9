package org.serverlessloyalty.shared.points.model;

import java.time.Instant;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A loyalty member (Open Loyalty's customer) of one store.
 *
 * @param memberId    Open Loyalty's {@code customerId}: a UUID, random, or derived from the registration's
 *                    {@code Idempotency-Key} ({@code MemberIds})
 * @param version     1 when registered, one more at each change: every write is conditional on the version read
 * @param requestHash SHA-256 (hex) of the registration, kept when it carried an {@code Idempotency-Key}; else null
 */
public record Member(StoreCode store, String memberId, MemberStatus status, MemberProfile profile, Instant createdAt,
                     Instant updatedAt, long version, String requestHash) {

    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }

    public boolean isAnonymized() {
        return status == MemberStatus.ANONYMIZED;
    }

    /** What the points ledger knows of this member. */
    public MemberRef ref() {
        return new MemberRef(store, memberId, status.value(), profile.email(), profile.phone(),
                profile.loyaltyCardNumber(), profile.firstName(), profile.lastName());
    }

    /** The next version of this member: {@code profile} and {@code status} as given, changed at {@code now}. */
    public Member next(MemberStatus newStatus, MemberProfile newProfile, Instant now) {
        return new Member(store, memberId, newStatus, newProfile, createdAt, now, version + 1, requestHash);
    }
}

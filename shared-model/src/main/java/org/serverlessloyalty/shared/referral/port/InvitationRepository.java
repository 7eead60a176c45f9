package org.serverlessloyalty.shared.referral.port;

import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.referral.model.Invitation;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Invitations and who registered with them. */
public interface InvitationRepository {

    /** Stores a new invitation (its token is new: a clash is an {@link IllegalStateException}). */
    void create(Invitation invitation);

    Optional<Invitation> byToken(StoreCode store, String token);

    /** The store's invitations, oldest first. */
    List<Invitation> list(StoreCode store);

    /**
     * Ties {@code memberId} to the invitation of {@code token}, once: only an invitation nobody registered with yet,
     * and only a member not tied to any invitation yet (one conditional transaction).
     *
     * @return the invitation as tied, empty when it did not tie (unknown token, used already, member invited before)
     */
    Optional<Invitation> attach(StoreCode store, String token, String memberId);

    /** The invitation {@code memberId} registered with, if any: who referred them. */
    Optional<Invitation> referralOf(StoreCode store, String memberId);

    /** Marks the invitation {@code made_purchase} (the referred member bought for the first time); idempotent. */
    void markPurchased(StoreCode store, String token);
}

package org.serverlessloyalty.shared.referral.model;

import java.time.Instant;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A member's invitation of someone to the store (the docs' Invitation object): the token the invited person gives
 * at registration ({@code customer[invitationToken]}) ties them to the referrer, once, for the referral rules.
 *
 * @param recipientId null until someone registered with the token
 */
public record Invitation(StoreCode store, String invitationId, String token, String referrerId, String referrerEmail,
                         String referrerName, String recipientEmail, String recipientPhone, String recipientId,
                         InvitationStatus status, Instant createdAt) {

    public Invitation withRecipient(String memberId) {
        return new Invitation(store, invitationId, token, referrerId, referrerEmail, referrerName, recipientEmail,
                recipientPhone, memberId, InvitationStatus.REGISTERED, createdAt);
    }

    public Invitation purchased() {
        return new Invitation(store, invitationId, token, referrerId, referrerEmail, referrerName, recipientEmail,
                recipientPhone, recipientId, InvitationStatus.MADE_PURCHASE, createdAt);
    }
}

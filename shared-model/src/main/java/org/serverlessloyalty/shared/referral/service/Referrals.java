package org.serverlessloyalty.shared.referral.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.serverlessloyalty.shared.referral.model.Invitation;
import org.serverlessloyalty.shared.referral.model.InvitationStatus;
import org.serverlessloyalty.shared.referral.port.InvitationRepository;
import org.serverlessloyalty.shared.referral.rules.InvitationFilter;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A member invites someone; the store lists its invitations (the docs' Invitation section). */
public final class Referrals {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRepository invitations;
    private final Clock clock;

    public Referrals(InvitationRepository invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    /** Who invites: the member's id and what the list shows of them. */
    public record Referrer(String memberId, String email, String name) {
    }

    /**
     * A new invitation with an unguessable token (160 random bits, 40 hex digits as in the docs' example): whoever
     * registers with it is tied to the referrer.
     */
    public Invitation invite(StoreCode store, Referrer referrer, String recipientEmail, String recipientPhone) {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        Invitation invitation = new Invitation(store, UUID.randomUUID().toString(), HexFormat.of().formatHex(bytes),
                referrer.memberId(), referrer.email(), referrer.name(), recipientEmail, recipientPhone, null,
                InvitationStatus.INVITED, clock.instant());
        invitations.create(invitation);
        return invitation;
    }

    /** The invitation of {@code token}, whether used or not: a registration naming another token is refused (400). */
    public java.util.Optional<Invitation> find(StoreCode store, String token) {
        return invitations.byToken(store, token);
    }

    public List<Invitation> list(StoreCode store, InvitationFilter filter) {
        return invitations.list(store).stream().filter(filter).toList();
    }
}

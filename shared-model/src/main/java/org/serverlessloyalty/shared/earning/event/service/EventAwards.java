package org.serverlessloyalty.shared.earning.event.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.serverlessloyalty.shared.earning.event.model.Award;
import org.serverlessloyalty.shared.earning.event.model.BuiltInEvent;
import org.serverlessloyalty.shared.earning.event.model.EventDecision;
import org.serverlessloyalty.shared.earning.event.model.EventRule;
import org.serverlessloyalty.shared.earning.event.model.EventRuleType;
import org.serverlessloyalty.shared.earning.event.model.GeoPoint;
import org.serverlessloyalty.shared.earning.event.port.EventRuleSource;
import org.serverlessloyalty.shared.earning.event.rules.EventAwarding;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.port.EventEarning;
import org.serverlessloyalty.shared.level.port.MemberAudience;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransactionRef;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.referral.model.Invitation;
import org.serverlessloyalty.shared.referral.port.InvitationRepository;

/**
 * Event earning (rules E11-E14, section 4 item 3): built-in events, custom events, places, QR codes and referrals.
 * Decided by {@link EventAwarding}, written by {@link PointsTransfers#add} with the decision's bounds in the same
 * transaction, so a usage limit holds under any concurrency and an occasion (a registration, a transaction) earns
 * once even when it is reported again, days later: its counter is permanent, unlike an Idempotency-Key's record.
 */
public final class EventAwards implements EventEarning {

    /** The {@link Refusal}s of E-6 to E-9, with Open Loyalty's texts. */
    public static final Refusal EVENT_DOES_NOT_EXIST = new Refusal(Refusal.Kind.BUSINESS, null,
            EventDecision.EVENT_DOES_NOT_EXIST);
    public static final Refusal NOT_IN_RANGE = new Refusal(Refusal.Kind.BUSINESS, null, EventDecision.NOT_IN_RANGE);
    public static final Refusal NO_SUCH_MEMBER = new Refusal(Refusal.Kind.NOT_FOUND, null, "customer not found");

    private final EventRuleSource rules;
    private final MemberAudience audiences;
    private final PointsTransfers transfers;
    private final InvitationRepository invitations;
    private final Clock clock;

    public EventAwards(EventRuleSource rules, MemberAudience audiences, PointsTransfers transfers,
                       InvitationRepository invitations, Clock clock) {
        this.rules = rules;
        this.audiences = audiences;
        this.transfers = transfers;
        this.invitations = invitations;
        this.clock = clock;
    }

    @Override
    public BigDecimal award(StoreZone store, String memberId, String eventName, String occasion) {
        return once(store, memberId, EventRuleType.EVENT, eventName, "event:" + eventName, occasion, r -> true, null);
    }

    /**
     * A member registered: {@code oloy.account.created} (occasion: the member), and with an invitation token, the
     * invitation tied to them and its referral {@code register} rules for the referred and the referrer.
     *
     * @return the points the new member earned
     */
    public BigDecimal registered(StoreZone store, String memberId, Optional<String> invitationToken) {
        BigDecimal earned = award(store, memberId, BuiltInEvent.ACCOUNT_CREATED, memberId);
        if (invitationToken.isPresent()) {
            // A replayed registration finds the invitation tied to this member already: reward it all the same (once).
            Optional<Invitation> invitation = invitations.attach(store.code(), invitationToken.get(), memberId)
                    .or(() -> invitations.referralOf(store.code(), memberId)
                            .filter(i -> i.token().equals(invitationToken.get())));
            if (invitation.isPresent()) {
                earned = earned.add(referral(store, invitation.get(), BuiltInEvent.REFERRAL_REGISTER, memberId));
            }
        }
        return earned;
    }

    @Override
    public void purchased(StoreZone store, String memberId, String transactionId, boolean first) {
        if (first) {
            once(store, memberId, EventRuleType.EVENT, BuiltInEvent.FIRST_TRANSACTION,
                    "event:" + BuiltInEvent.FIRST_TRANSACTION, transactionId, r -> true, transactionId);
        }
        Optional<Invitation> invitation = invitations.referralOf(store.code(), memberId);
        if (invitation.isEmpty()) {
            return;
        }
        if (first) {
            invitations.markPurchased(store.code(), invitation.get().token());
            referral(store, invitation.get(), BuiltInEvent.REFERRAL_FIRST_PURCHASE, transactionId);
        }
        referral(store, invitation.get(), BuiltInEvent.REFERRAL_EVERY_PURCHASE, transactionId);
    }

    /** E-6 / E-7: a custom event of the member; answers the points added or why none were. */
    public TransferOutcome customEvent(StoreZone store, String memberId, String eventName,
                                       Claim<TransferOutcome> claim) {
        Optional<Audience> audience = audiences.of(store.code(), memberId);
        if (audience.isEmpty()) {
            return new TransferOutcome.Refused(NO_SUCH_MEMBER);
        }
        Instant now = clock.instant();
        return earn(store, EventAwarding.customEvent(rules.eventRules(store.code()), eventName, audience.get(), now,
                store.zone()), claim);
    }

    /** E-8 (E13): the member is at {@code place}. */
    public TransferOutcome geolocation(StoreZone store, String memberId, GeoPoint place, Optional<String> ruleId,
                                       Claim<TransferOutcome> claim) {
        Optional<Audience> audience = audiences.of(store.code(), memberId);
        if (audience.isEmpty()) {
            return new TransferOutcome.Refused(NO_SUCH_MEMBER);
        }
        return earn(store, EventAwarding.geolocation(rules.eventRules(store.code()), place, ruleId, audience.get(),
                clock.instant(), store.zone()), claim);
    }

    /** E-9 (E14): the member scanned {@code code}. */
    public TransferOutcome qrCode(StoreZone store, String memberId, String code, Optional<String> ruleId,
                                  Claim<TransferOutcome> claim) {
        Optional<Audience> audience = audiences.of(store.code(), memberId);
        if (audience.isEmpty()) {
            return new TransferOutcome.Refused(NO_SUCH_MEMBER);
        }
        return earn(store, EventAwarding.qrCode(rules.eventRules(store.code()), code, ruleId, audience.get(),
                clock.instant(), store.zone()), claim);
    }

    private TransferOutcome earn(StoreZone store, EventDecision decision, Claim<TransferOutcome> claim) {
        if (decision instanceof EventDecision.NoSuchEvent) {
            return new TransferOutcome.Refused(EVENT_DOES_NOT_EXIST);
        }
        if (decision instanceof EventDecision.NotInRange) {
            return new TransferOutcome.Refused(NOT_IN_RANGE);
        }
        if (decision instanceof EventDecision.LimitExceeded) {
            return new TransferOutcome.Refused(Refusal.LIMIT_EXCEEDED);
        }
        Award award = ((EventDecision.Earn) decision).award();
        return transfers.add(store, new AddPoints(award.memberId(), award.points(), award.comment(), Issuer.SYSTEM,
                null), award.bounds(), claim);
    }

    /** The referral rules of {@code event} for the invited member and the member who invited them, each once. */
    private BigDecimal referral(StoreZone store, Invitation invitation, String event, String occasion) {
        BigDecimal referred = once(store, invitation.recipientId(), EventRuleType.REFERRAL, event,
                "referral:" + event + ":referred", occasion, r -> r.reward() != null && r.reward().rewardsReferred(),
                null);
        once(store, invitation.referrerId(), EventRuleType.REFERRAL, event, "referral:" + event + ":referrer",
                occasion, r -> r.reward() != null && r.reward().rewardsReferrer(), null);
        return referred;
    }

    /**
     * The best matching rule's points for {@code memberId}, bounded by the occasion's once-only counter.
     *
     * @param counter the name of the occasion's once-only counter ({@link EventAwarding#once})
     * @return the points added; zero when nothing matched, the member may not earn, or the occasion earned already
     */
    private BigDecimal once(StoreZone store, String memberId, EventRuleType type, String eventName, String counter,
                            String occasion, Predicate<EventRule> also, String transactionId) {
        Optional<Audience> audience = audiences.of(store.code(), memberId);
        if (audience.isEmpty()) {
            return BigDecimal.ZERO;
        }
        Optional<Award> award = EventAwarding.once(rules.eventRules(store.code()), type, eventName, audience.get(),
                clock.instant(), counter, occasion, also);
        if (award.isEmpty()) {
            return BigDecimal.ZERO;
        }
        // A repeated occasion fails its counter: "limit exceeded", i.e. earned already.
        TransferOutcome outcome = transfers.add(store, new AddPoints(memberId, award.get().points(),
                award.get().comment(), Issuer.SYSTEM, transactionId == null ? null : TransactionRef.of(transactionId)),
                award.get().bounds(), Claim.none());
        return outcome instanceof TransferOutcome.Done done ? done.points().value() : BigDecimal.ZERO;
    }
}

package org.serverlessloyalty.shared.order.service;

import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.order.port.ShopperEnrolment;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.RequestHash;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Enrols an order's shopper through the member directory. The member's id derives from the shopper's id (as an
 * Idempotency-Key does), and the shop's id is a unique claim: concurrent or repeated enrolments of one shopper
 * make one member.
 */
public final class MemberEnrolment implements ShopperEnrolment {

    private final MemberDirectory members;

    public MemberEnrolment(MemberDirectory members) {
        this.members = members;
    }

    @Override
    public Optional<String> enrol(StoreCode store, String externalId, String email, String phone) {
        Optional<Member> known = members.findBy(store, ClaimKind.EXTERNAL_ID, externalId);
        if (known.isPresent()) {
            return known.map(Member::memberId);
        }
        MemberProfile profile = new MemberProfile(null, null, null, email, phone, null, null, null, null, externalId,
                List.of(), false, false, false);
        var registration = members.register(store, profile, null, Optional.of(new MemberDirectory.Idempotency(
                new IdempotencyKey("enrol:" + RequestHash.of(externalId)), RequestHash.of("enrol", externalId))));
        if (registration instanceof MemberDirectory.Registration.Registered registered) {
            return Optional.of(registered.member().memberId());
        }
        // Another member holds the e-mail or phone (or the shopper was enrolled with other data): theirs stands.
        return members.findBy(store, ClaimKind.EXTERNAL_ID, externalId).map(Member::memberId);
    }
}

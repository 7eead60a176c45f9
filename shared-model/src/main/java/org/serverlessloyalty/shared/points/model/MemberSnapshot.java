package org.serverlessloyalty.shared.points.model;

/**
 * The member's names and contacts as they were when the transfer was made: the PointsTransfer object shows
 * them and the store-wide list filters on them (rule P12) without a read per transfer.
 */
public record MemberSnapshot(String email, String phone, String loyaltyCardNumber, String firstName,
                             String lastName) {

    public static final MemberSnapshot NONE = new MemberSnapshot(null, null, null, null, null);

    public static MemberSnapshot of(MemberRef member) {
        return new MemberSnapshot(member.email(), member.phone(), member.loyaltyCardNumber(), member.firstName(),
                member.lastName());
    }
}

package org.serverlessloyalty.shared.points.model;

import java.util.Set;

/**
 * An update as Open Loyalty's {@code PUT /customer/{customer}} means it: the fields given replace the member's
 * (an empty value erases one), the others stay; {@code address} and {@code company} are replaced as a whole.
 *
 * @param given  the names ({@link MemberProfile#FIELDS}) the body gave
 * @param values their new values (null where erased); the fields not in {@code given} are ignored
 */
public record MemberPatch(Set<String> given, MemberProfile values) {

    public MemberPatch {
        given = Set.copyOf(given);
    }

    public boolean gives(String field) {
        return given.contains(field);
    }

    /** {@code current} with the given fields replaced. */
    public MemberProfile applyTo(MemberProfile current) {
        return new MemberProfile(
                pick(MemberProfile.FIRST_NAME, values.firstName(), current.firstName()),
                pick(MemberProfile.LAST_NAME, values.lastName(), current.lastName()),
                pick(MemberProfile.GENDER, values.gender(), current.gender()),
                pick(MemberProfile.EMAIL, values.email(), current.email()),
                pick(MemberProfile.PHONE, values.phone(), current.phone()),
                pick(MemberProfile.BIRTH_DATE, values.birthDate(), current.birthDate()),
                pick(MemberProfile.ADDRESS, values.address(), current.address()),
                pick(MemberProfile.COMPANY, values.company(), current.company()),
                pick(MemberProfile.LOYALTY_CARD_NUMBER, values.loyaltyCardNumber(), current.loyaltyCardNumber()),
                pick(MemberProfile.EXTERNAL_ID, values.externalId(), current.externalId()),
                pick(MemberProfile.LABELS, values.labels(), current.labels()),
                pick(MemberProfile.AGREEMENT1, values.agreement1(), current.agreement1()),
                pick(MemberProfile.AGREEMENT2, values.agreement2(), current.agreement2()),
                pick(MemberProfile.AGREEMENT3, values.agreement3(), current.agreement3()));
    }

    private <T> T pick(String field, T given, T current) {
        return gives(field) ? given : current;
    }
}

package org.serverlessloyalty.shared.points.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a member tells about themselves, Open Loyalty's customer fields (register, update) plus {@code externalId}.
 * Identity (passwords, avatars, SMS codes, push tokens) belongs to the shop and is not kept. Absent values are null
 * ({@code labels} empty).
 */
public record MemberProfile(String firstName, String lastName, Gender gender, String email, String phone,
                            LocalDate birthDate, Address address, Company company, String loyaltyCardNumber,
                            String externalId, List<Label> labels, boolean agreement1, boolean agreement2,
                            boolean agreement3) {

    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String GENDER = "gender";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String BIRTH_DATE = "birthDate";
    public static final String ADDRESS = "address";
    public static final String COMPANY = "company";
    public static final String LOYALTY_CARD_NUMBER = "loyaltyCardNumber";
    public static final String EXTERNAL_ID = "externalId";
    public static final String LABELS = "labels";
    public static final String AGREEMENT1 = "agreement1";
    public static final String AGREEMENT2 = "agreement2";
    public static final String AGREEMENT3 = "agreement3";

    /** Every field a register or update body may give. */
    public static final Set<String> FIELDS = Set.of(FIRST_NAME, LAST_NAME, GENDER, EMAIL, PHONE, BIRTH_DATE, ADDRESS,
            COMPANY, LOYALTY_CARD_NUMBER, EXTERNAL_ID, LABELS, AGREEMENT1, AGREEMENT2, AGREEMENT3);

    /** What an anonymized member keeps: nothing personal. */
    public static final MemberProfile ERASED = new MemberProfile(null, null, null, null, null, null, null, null, null,
            null, List.of(), false, false, false);

    public MemberProfile {
        labels = labels == null ? List.of() : List.copyOf(labels);
        address = address == null || address.isEmpty() ? null : address;
    }
}

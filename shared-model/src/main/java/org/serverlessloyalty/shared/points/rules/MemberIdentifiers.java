package org.serverlessloyalty.shared.points.rules;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.MemberClaim;
import org.serverlessloyalty.shared.points.model.MemberProfile;

/**
 * The unique values of a member and the one form each is compared in: an e-mail lower-cased (case-insensitive,
 * as Open Loyalty), a phone without separators, a loyalty card number and an external id exactly as given.
 */
public final class MemberIdentifiers {

    public static final int MAX_EMAIL = 254;
    /** A phone as typed (with spaces, dashes...); its digits are at most {@link #MAX_PHONE_DIGITS}. */
    public static final int MAX_PHONE_INPUT = 32;
    public static final int MIN_PHONE_DIGITS = 3;
    public static final int MAX_PHONE_DIGITS = 20;
    public static final int MAX_LOYALTY_CARD_NUMBER = 64;
    public static final int MAX_EXTERNAL_ID = 128;

    /** Symfony's loose e-mail check, which Open Loyalty uses: something, {@code @}, a host with a dot. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** What a phone number may be written with besides its digits and a leading {@code +}. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()/]");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{" + MIN_PHONE_DIGITS + "," + MAX_PHONE_DIGITS + "}");
    private static final Pattern PHONE_PREFIX = Pattern.compile("\\+?[0-9]{0," + MAX_PHONE_DIGITS + "}");

    private MemberIdentifiers() {
    }

    public static boolean isEmail(String email) {
        return email != null && email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches();
    }

    /** The form an e-mail is compared in. */
    public static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /**
     * A phone in the form it is stored and compared in: spaces, dashes, dots, slashes and parentheses removed
     * ({@code +48 (22) 123-45-67} is {@code +48221234567}); empty when what remains is not an optional {@code +}
     * and 3-20 digits.
     */
    public static Optional<String> phone(String typed) {
        if (typed == null || typed.length() > MAX_PHONE_INPUT) {
            return Optional.empty();
        }
        String bare = SEPARATORS.matcher(typed).replaceAll("");
        return PHONE.matcher(bare).matches() ? Optional.of(bare) : Optional.empty();
    }

    /** The start of a phone, normalised as {@link #phone}, for a prefix search; empty when it cannot start one. */
    public static Optional<String> phonePrefix(String typed) {
        if (typed == null || typed.length() > MAX_PHONE_INPUT) {
            return Optional.empty();
        }
        String bare = SEPARATORS.matcher(typed).replaceAll("");
        return !bare.isEmpty() && PHONE_PREFIX.matcher(bare).matches() ? Optional.of(bare) : Optional.empty();
    }

    /** The claim of one value, normalised as the member's own would be; empty when no member could hold it. */
    public static Optional<MemberClaim> claim(ClaimKind kind, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        return switch (kind) {
            case EMAIL -> isEmail(trimmed) ? Optional.of(new MemberClaim(kind, emailKey(trimmed))) : Optional.empty();
            case PHONE -> phone(trimmed).map(p -> new MemberClaim(kind, p));
            case LOYALTY_CARD_NUMBER -> trimmed.length() <= MAX_LOYALTY_CARD_NUMBER
                    ? Optional.of(new MemberClaim(kind, trimmed)) : Optional.empty();
            case EXTERNAL_ID -> trimmed.length() <= MAX_EXTERNAL_ID
                    ? Optional.of(new MemberClaim(kind, trimmed)) : Optional.empty();
        };
    }

    /** The claims a member with {@code profile} holds: one per unique value it has. */
    public static Set<MemberClaim> claims(MemberProfile profile) {
        Set<MemberClaim> claims = new LinkedHashSet<>();
        if (profile.email() != null) {
            claims.add(new MemberClaim(ClaimKind.EMAIL, emailKey(profile.email())));
        }
        if (profile.phone() != null) {
            claims.add(new MemberClaim(ClaimKind.PHONE, profile.phone()));
        }
        if (profile.loyaltyCardNumber() != null) {
            claims.add(new MemberClaim(ClaimKind.LOYALTY_CARD_NUMBER, profile.loyaltyCardNumber()));
        }
        if (profile.externalId() != null) {
            claims.add(new MemberClaim(ClaimKind.EXTERNAL_ID, profile.externalId()));
        }
        return claims;
    }
}

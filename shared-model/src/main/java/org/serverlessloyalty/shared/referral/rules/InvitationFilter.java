package org.serverlessloyalty.shared.referral.rules;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.serverlessloyalty.shared.referral.model.Invitation;
import org.serverlessloyalty.shared.referral.model.InvitationStatus;

/**
 * The docs' {@code GET /invitations} filters: ids and phones match exactly, emails and names case-insensitively as
 * parts ({@code john} finds {@code John Doe}); an empty status (the docs' {@code All}) keeps every status.
 */
public record InvitationFilter(String referrerId, String referrerEmail, String referrerName, String recipientId,
                               String recipientEmail, String recipientPhone, Optional<InvitationStatus> status)
        implements Predicate<Invitation> {

    public static final InvitationFilter ALL = new InvitationFilter(null, null, null, null, null, null,
            Optional.empty());

    @Override
    public boolean test(Invitation i) {
        return exact(referrerId, i.referrerId()) && part(referrerEmail, i.referrerEmail())
                && part(referrerName, i.referrerName()) && exact(recipientId, i.recipientId())
                && part(recipientEmail, i.recipientEmail()) && exact(recipientPhone, i.recipientPhone())
                && status.map(s -> s == i.status()).orElse(true);
    }

    private static boolean exact(String wanted, String value) {
        return wanted == null || wanted.equals(value);
    }

    private static boolean part(String wanted, String value) {
        return wanted == null || (value != null
                && value.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT)));
    }
}

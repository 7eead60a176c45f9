package org.serverlessloyalty.shared.points.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberCandidates;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.MemberSearch;
import org.serverlessloyalty.shared.points.model.MemberSort;

/**
 * How a member search runs without a scan: it reads the candidates of one key condition (a unique value's claims,
 * the name index, or the store's member list), at most {@link #MAX_CANDIDATES}, and keeps those every filter
 * matches. Filters compare case-insensitively (e-mails, names) or exactly (phone, card, external id), whole values
 * with {@code strict}, prefixes without.
 */
public final class MemberSearchRules {

    /** Open Loyalty's search limit ("we can only show 10,000 results"): a search reads at most this many members. */
    public static final int MAX_CANDIDATES = 10_000;

    private MemberSearchRules() {
    }

    /** The sort key of the name index: last name, then first name, lower-cased. */
    public static String nameKey(String lastName, String firstName) {
        return lower(lastName) + "#" + lower(firstName);
    }

    /**
     * The narrowest key condition the filters allow, in this order: external id, loyalty card number, e-mail, phone
     * (their claims: exact, or a prefix), last name (the name index: a prefix, or the whole last name, and then the
     * first name too), else the store's whole member list in the order of its creation time.
     */
    public static MemberCandidates candidates(MemberSearch search) {
        if (search.externalId() != null) {
            return new MemberCandidates.ByClaim(ClaimKind.EXTERNAL_ID, search.externalId(), !search.strict());
        }
        if (search.loyaltyCardNumber() != null) {
            return new MemberCandidates.ByClaim(ClaimKind.LOYALTY_CARD_NUMBER, search.loyaltyCardNumber(),
                    !search.strict());
        }
        if (search.email() != null) {
            return new MemberCandidates.ByClaim(ClaimKind.EMAIL, MemberIdentifiers.emailKey(search.email()),
                    !search.strict());
        }
        if (search.phone() != null) {
            return new MemberCandidates.ByClaim(ClaimKind.PHONE, search.phone(), !search.strict());
        }
        if (search.lastName() != null) {
            if (!search.strict()) {
                return new MemberCandidates.ByName(lower(search.lastName()));
            }
            // The whole last name: "doe#" is not a prefix of "doerr#...". A first name narrows the key further.
            String prefix = lower(search.lastName()) + "#";
            if (search.firstName() != null) {
                prefix += lower(search.firstName()) + "#";
            }
            return new MemberCandidates.ByName(prefix);
        }
        boolean newestFirst = search.sort() != MemberSort.CREATED_AT || search.descending();
        return new MemberCandidates.All(newestFirst);
    }

    /** Whether {@code member} passes every filter of {@code search} at {@code now}. */
    public static boolean matches(Member member, MemberSearch search, Instant now) {
        MemberProfile p = member.profile();
        return text(p.firstName(), search.firstName(), search.strict(), true)
                && text(p.lastName(), search.lastName(), search.strict(), true)
                && text(p.email(), search.email(), search.strict(), true)
                && text(p.phone(), search.phone(), search.strict(), false)
                && text(p.loyaltyCardNumber(), search.loyaltyCardNumber(), search.strict(), false)
                && text(p.externalId(), search.externalId(), search.strict(), false)
                && search.labels().stream().allMatch(wanted -> hasLabel(p.labels(), wanted))
                && (search.hoursFromLastUpdateTo() == null
                || !member.updatedAt().isBefore(now.minus(Duration.ofHours(search.hoursFromLastUpdateTo()))));
    }

    private static boolean text(String value, String filter, boolean strict, boolean ignoreCase) {
        if (filter == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        String have = ignoreCase ? lower(value) : value;
        String want = ignoreCase ? lower(filter) : filter;
        return strict ? have.equals(want) : have.startsWith(want);
    }

    private static boolean hasLabel(List<Label> labels, Label wanted) {
        return labels.stream().anyMatch(l -> l.key().equals(wanted.key())
                && (wanted.value() == null || wanted.value().equals(l.value())));
    }

    /** The order of a search's answer: by its column (members without a value last), then by id. */
    public static Comparator<Member> order(MemberSort sort, boolean descending) {
        Comparator<Member> byColumn = switch (sort) {
            case CREATED_AT -> Comparator.comparing(Member::createdAt);
            case UPDATED_AT -> Comparator.comparing(Member::updatedAt);
            case CUSTOMER_ID -> Comparator.comparing(Member::memberId);
            case FIRST_NAME -> nullsLast(m -> lowerOrNull(m.profile().firstName()), descending);
            case LAST_NAME -> nullsLast(m -> lowerOrNull(m.profile().lastName()), descending);
            case EMAIL -> nullsLast(m -> lowerOrNull(m.profile().email()), descending);
            case PHONE -> nullsLast(m -> m.profile().phone(), descending);
            case LOYALTY_CARD_NUMBER -> nullsLast(m -> m.profile().loyaltyCardNumber(), descending);
            case EXTERNAL_ID -> nullsLast(m -> m.profile().externalId(), descending);
        };
        Comparator<Member> ordered = descending ? byColumn.reversed() : byColumn;
        Comparator<Member> byId = Comparator.comparing(Member::memberId);
        return ordered.thenComparing(descending ? byId.reversed() : byId);
    }

    /** Nulls last whichever the direction: the reversal below would otherwise put them first. */
    private static Comparator<Member> nullsLast(Function<Member, String> key, boolean descending) {
        Comparator<String> values = descending ? Comparator.nullsFirst(Comparator.<String>naturalOrder())
                : Comparator.nullsLast(Comparator.<String>naturalOrder());
        return Comparator.comparing(key, values);
    }

    private static String lowerOrNull(String text) {
        return text == null ? null : lower(text);
    }

    private static String lower(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}

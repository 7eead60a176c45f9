package org.serverlessloyalty.points;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.QueryParameters;
import org.serverlessloyalty.shared.points.model.TransferQuery;
import org.serverlessloyalty.shared.points.model.TransferState;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.points.rules.MemberIds;

/**
 * The query of the transfer lists (B1 {@code GET /points/transfer}, B2 {@code GET /customer/points/transfer}; rule
 * P12): {@code customerFirstName}, {@code customerLastName}, {@code customerPhone}, {@code customerEmail},
 * {@code customerId}, {@code state[]} (or {@code state}, comma-separated or repeated), {@code type},
 * {@code willExpireTill}, and the paging {@code page}, {@code perPage}, {@code sort} ({@code createdAt},
 * {@code value}, {@code expiresAt}), {@code direction}. Open Loyalty silently drops a filter it cannot read; this
 * engine answers 400 naming it, since a dropped filter lists the wrong transfers.
 */
final class TransferListQuery {

    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_PER_PAGE = 100;
    static final int MAX_TEXT = 128;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([ T].*)?");

    private TransferListQuery() {
    }

    /** B1: the admin's list, oldest first unless told otherwise. */
    static TransferQuery admin(ApiRequest request) {
        return parse(request, null, false);
    }

    /** B2: the token's member's own transfers only, newest first by default; who else is named is not looked at. */
    static TransferQuery member(ApiRequest request, String memberId) {
        return parse(request, memberId, true);
    }

    private static TransferQuery parse(ApiRequest request, String ownMember, boolean newestFirst) {
        FieldErrors errors = FieldErrors.none();
        String memberId = ownMember;
        String firstName = null;
        String lastName = null;
        String email = null;
        String phone = null;
        if (ownMember == null) {
            Optional<String> id = text(request, "customerId", 64, errors);
            if (id.isPresent()) {
                memberId = MemberIds.parse(id.get()).orElse(null);
                if (memberId == null) {
                    errors.add("customerId", "must be a customer id (a UUID)");
                }
            }
            firstName = text(request, "customerFirstName", MAX_TEXT, errors).orElse(null);
            lastName = text(request, "customerLastName", MAX_TEXT, errors).orElse(null);
            email = text(request, "customerEmail", MAX_TEXT, errors).orElse(null);
            phone = text(request, "customerPhone", MAX_TEXT, errors).orElse(null);
        }
        Set<TransferState> states = EnumSet.noneOf(TransferState.class);
        for (String name : new String[] {"state[]", "state"}) {
            Optional<String> raw = request.queryParameter(name);
            if (raw.isEmpty()) {
                continue;
            }
            for (String one : raw.get().split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                try {
                    states.add(TransferState.fromOpenLoyaltyName(one.strip().toLowerCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    errors.add(name, "must be active, pending, expired, canceled or blocked");
                }
            }
        }
        TransferType type = null;
        Optional<String> typeName = text(request, "type", MAX_TEXT, errors);
        if (typeName.isPresent()) {
            try {
                type = TransferType.fromOpenLoyaltyName(typeName.get().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("type", "must be adding, spending, p2p_adding, p2p_spending or blocked");
            }
        }
        LocalDate willExpireTill = null;
        Optional<String> till = text(request, "willExpireTill", MAX_TEXT, errors);
        if (till.isPresent()) {
            try {
                if (!DATE.matcher(till.get()).matches()) {
                    throw new DateTimeParseException("not a date", till.get(), 0);
                }
                willExpireTill = LocalDate.parse(till.get().substring(0, 10));
            } catch (DateTimeParseException e) {
                errors.add("willExpireTill", "must be a date such as 2026-12-31");
            }
        }
        int page = QueryParameters.integer(request, "page", 1, TransferQuery.MAX_RESULTS, 1, errors);
        int perPage = QueryParameters.integer(request, "perPage", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE, errors);
        if ((long) page * perPage > TransferQuery.MAX_RESULTS + (long) perPage - 1) {
            errors.add("page", "a list shows at most its first " + TransferQuery.MAX_RESULTS + " transfers");
        }
        TransferQuery.SortField sort = TransferQuery.SortField.CREATED_AT;
        Optional<String> sortName = text(request, "sort", MAX_TEXT, errors);
        if (sortName.isPresent()) {
            sort = null;
            for (TransferQuery.SortField field : TransferQuery.SortField.values()) {
                if (field.openLoyaltyName().equalsIgnoreCase(sortName.get())) {
                    sort = field;
                }
            }
            if (sort == null) {
                errors.add("sort", "must be createdAt, value or expiresAt");
                sort = TransferQuery.SortField.CREATED_AT;
            }
        }
        boolean descending = newestFirst && sortName.isEmpty();
        Optional<String> direction = text(request, "direction", MAX_TEXT, errors);
        if (direction.isPresent()) {
            switch (direction.get().toLowerCase(Locale.ROOT)) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> errors.add("direction", "must be asc or desc");
            }
        }
        errors.throwIfAny();
        return new TransferQuery(memberId, firstName, lastName, email, phone, states, type, willExpireTill, page,
                perPage, sort, descending);
    }

    private static Optional<String> text(ApiRequest request, String name, int maxLength, FieldErrors errors) {
        Optional<String> value = request.queryParameter(name).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isPresent() && value.get().length() > maxLength) {
            errors.add(name, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        return value;
    }
}

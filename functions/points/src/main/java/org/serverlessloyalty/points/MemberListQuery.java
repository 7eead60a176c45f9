package org.serverlessloyalty.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.QueryParameters;
import org.serverlessloyalty.shared.points.json.MemberJson;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.points.model.MemberSearch;
import org.serverlessloyalty.shared.points.model.MemberSort;
import org.serverlessloyalty.shared.points.rules.MemberIdentifiers;
import org.serverlessloyalty.shared.points.rules.MemberSearchRules;

/**
 * The query of {@code GET /api/{storeCode}/admin/customer}: Open Loyalty's filters ({@code firstName}, {@code lastName},
 * {@code email}, {@code phone}, {@code loyaltyCardNumber}, {@code strict}, {@code labels[i][key]} /
 * {@code labels[i][value]}, {@code hoursFromLastUpdateTo}) plus {@code externalId}, and its paging ({@code page},
 * {@code perPage}, {@code sort}, {@code direction}). Open Loyalty's transaction filters are refused, not ignored:
 * this engine keeps no transactions, and a filter silently dropped answers the wrong customers.
 */
final class MemberListQuery {

    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_PER_PAGE = 100;
    static final int MAX_LABELS = 20;
    static final List<String> UNSUPPORTED = List.of("transactionsAmountFrom", "transactionsAmountTo",
            "averageTransactionAmountFrom", "averageTransactionAmountTo", "transactionsCountFrom",
            "transactionsCountTo", "daysFromLastTransactionTo", "scrollId");

    private MemberListQuery() {
    }

    static MemberSearch parse(ApiRequest request) {
        FieldErrors errors = FieldErrors.none();
        for (String name : UNSUPPORTED) {
            if (request.queryParameter(name).isPresent()) {
                errors.add(name, "is not supported: this engine keeps no transactions (scrollId: page with page and perPage)");
            }
        }
        boolean strict = bool(request, "strict", errors);
        String firstName = text(request, "firstName", MemberJson.MAX_NAME, errors);
        String lastName = text(request, "lastName", MemberJson.MAX_NAME, errors);
        String email = text(request, "email", MemberIdentifiers.MAX_EMAIL, errors);
        String phone = null;
        Optional<String> typedPhone = request.queryParameter("phone");
        if (typedPhone.isPresent()) {
            phone = (strict ? MemberIdentifiers.phone(typedPhone.get()) : MemberIdentifiers.phonePrefix(typedPhone.get()))
                    .orElse(null);
            if (phone == null) {
                errors.add("phone", "must be an optional + and digits (spaces, dashes, dots and parentheses are ignored)");
            }
        }
        String card = text(request, "loyaltyCardNumber", MemberIdentifiers.MAX_LOYALTY_CARD_NUMBER, errors);
        String externalId = text(request, "externalId", MemberIdentifiers.MAX_EXTERNAL_ID, errors);
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < MAX_LABELS; i++) {
            String key = text(request, "labels[" + i + "][key]", 100, errors);
            String value = text(request, "labels[" + i + "][value]", 255, errors);
            if (key != null) {
                labels.add(new Label(key, value));
            } else if (value != null) {
                errors.add("labels[" + i + "][key]", "is required with labels[" + i + "][value]");
            }
        }
        Integer hours = QueryParameters.integer(request, "hoursFromLastUpdateTo", 1, 24 * 365 * 100, null, errors);
        int page = QueryParameters.integer(request, "page", 1, MemberSearchRules.MAX_CANDIDATES, 1, errors);
        int perPage = QueryParameters.integer(request, "perPage", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE, errors);
        if ((long) page * perPage > MemberSearchRules.MAX_CANDIDATES) {
            errors.add("page", "page × perPage must be at most " + MemberSearchRules.MAX_CANDIDATES
                    + ": a search shows at most its first 10,000 customers");
        }
        MemberSort sort = MemberSort.CREATED_AT;
        Optional<String> sortName = request.queryParameter("sort");
        if (sortName.isPresent()) {
            sort = MemberSort.fromColumn(sortName.get()).orElse(null);
            if (sort == null) {
                errors.add("sort", "must be one of createdAt, updatedAt, customerId, firstName, lastName, email, phone,"
                        + " loyaltyCardNumber, externalId");
                sort = MemberSort.CREATED_AT;
            }
        }
        // Newest first by default; a column asked for sorts ascending unless told otherwise.
        boolean descending = sortName.isEmpty();
        Optional<String> direction = request.queryParameter("direction");
        if (direction.isPresent()) {
            switch (direction.get().toLowerCase(Locale.ROOT)) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> errors.add("direction", "must be asc or desc");
            }
        }
        errors.throwIfAny();
        return new MemberSearch(firstName, lastName, email, phone, card, externalId, strict, labels, hours, page,
                perPage, sort, descending);
    }

    private static String text(ApiRequest request, String name, int maxLength, FieldErrors errors) {
        Optional<String> value = request.queryParameter(name).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isPresent() && value.get().length() > maxLength) {
            errors.add(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return value.orElse(null);
    }

    /** Open Loyalty's booleans as a query value: {@code 1}/{@code true} or {@code 0}/{@code false}. */
    private static boolean bool(ApiRequest request, String name, FieldErrors errors) {
        Optional<String> value = request.queryParameter(name);
        if (value.isEmpty()) {
            return false;
        }
        switch (value.get().strip().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> {
                return true;
            }
            case "0", "false" -> {
                return false;
            }
            default -> {
                errors.add(name, "must be 1 (true) or 0 (false)");
                return false;
            }
        }
    }
}

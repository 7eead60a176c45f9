package org.serverlessloyalty.points;

import java.util.Locale;
import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.EarningRuleType;
import org.serverlessloyalty.shared.earning.rules.RuleListing;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.QueryParameters;

/**
 * E-3's query: {@code active} (true/false, 1/0, or the docs' active/inactive), {@code type}, {@code paginated}
 * (default true), {@code page}, {@code perPage}, {@code sort} (createdAt, name, type, active), {@code direction}
 * (asc, desc). A value it cannot read is a 400 naming it rather than a silently wrong list.
 */
record EarningRuleListQuery(RuleListing.Query query, boolean paginated, int page, int perPage) {

    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_PER_PAGE = 100;

    static EarningRuleListQuery parse(ApiRequest request) {
        FieldErrors errors = FieldErrors.none();
        Boolean active = flag(request, "active", errors);
        EarningRuleType type = null;
        Optional<String> typeText = request.queryParameter("type").map(String::strip).filter(t -> !t.isEmpty());
        if (typeText.isPresent()) {
            type = EarningRuleType.fromValue(typeText.get()).orElse(null);
            if (type == null) {
                errors.add("type", "must be an earning rule type such as points or custom_event");
            }
        }
        Boolean paginated = flag(request, "paginated", errors);
        int page = QueryParameters.integer(request, "page", 1, 100_000, 1, errors);
        int perPage = QueryParameters.integer(request, "perPage", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE, errors);
        RuleListing.Sort sort = RuleListing.Sort.CREATED_AT;
        Optional<String> sortText = request.queryParameter("sort").map(String::strip).filter(t -> !t.isEmpty());
        if (sortText.isPresent()) {
            sort = RuleListing.Sort.fromValue(sortText.get()).orElse(null);
            if (sort == null) {
                errors.add("sort", "must be createdAt, name, type or active");
                sort = RuleListing.Sort.CREATED_AT;
            }
        }
        boolean descending = false;
        Optional<String> direction = request.queryParameter("direction").map(d -> d.strip().toLowerCase(Locale.ROOT));
        if (direction.isPresent() && !direction.get().isEmpty()) {
            if (direction.get().equals("desc")) {
                descending = true;
            } else if (!direction.get().equals("asc")) {
                errors.add("direction", "must be asc or desc");
            }
        }
        if (!errors.list().isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return new EarningRuleListQuery(new RuleListing.Query(active, type, sort, descending),
                paginated == null || paginated, page, perPage);
    }

    private static Boolean flag(ApiRequest request, String name, FieldErrors errors) {
        Optional<String> raw = request.queryParameter(name).map(v -> v.strip().toLowerCase(Locale.ROOT));
        if (raw.isEmpty() || raw.get().isEmpty()) {
            return null;
        }
        switch (raw.get()) {
            case "true", "1", "active":
                return true;
            case "false", "0", "inactive":
                return false;
            default:
                errors.add(name, "must be true or false");
                return null;
        }
    }
}

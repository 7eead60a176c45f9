package org.serverlessloyalty.points.level;

import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.QueryParameters;

/** Open Loyalty's {@code page} (default 1) and {@code perPage} (default 10) for the level and segment lists. */
record Paging(int page, int perPage) {

    static final int MAX_PER_PAGE = 100;
    static final int MAX_PAGE = 10_000;

    /** 400 naming each bad parameter. */
    static Paging of(ApiRequest request) {
        FieldErrors errors = FieldErrors.none();
        int page = QueryParameters.integer(request, "page", 1, MAX_PAGE, 1, errors);
        int perPage = QueryParameters.integer(request, "perPage", 1, MAX_PER_PAGE, 10, errors);
        errors.throwIfAny();
        return new Paging(page, perPage);
    }

    int offset() {
        return (page - 1) * perPage;
    }
}

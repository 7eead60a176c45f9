package org.serverlessloyalty.campaigns.catalogue;

import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.QueryParameters;

/** Open Loyalty's {@code page} (default 1) and {@code perPage} (default 10); 400 naming each bad one. */
record Paging(int page, int perPage) {

    static final int MAX_PER_PAGE = 100;
    static final int MAX_PAGE = 10_000;

    static Paging of(ApiRequest request) {
        FieldErrors errors = FieldErrors.none();
        Paging paging = of(request, errors);
        errors.throwIfAny();
        return paging;
    }

    static Paging of(ApiRequest request, FieldErrors errors) {
        int page = QueryParameters.integer(request, "page", 1, MAX_PAGE, 1, errors);
        int perPage = QueryParameters.integer(request, "perPage", 1, MAX_PER_PAGE, 10, errors);
        return new Paging(page, perPage);
    }

    int offset() {
        return (page - 1) * perPage;
    }
}

package org.serverlessloyalty.points.level;

import java.util.Optional;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.FieldErrors;

/** Open Loyalty's {@code page} (default 1) and {@code perPage} (default 10) for the level and segment lists. */
record Paging(int page, int perPage) {

    static final int MAX_PER_PAGE = 100;
    static final int MAX_PAGE = 10_000;

    /** 400 naming each bad parameter. */
    static Paging of(ApiRequest request) {
        FieldErrors errors = FieldErrors.none();
        int page = integer(request, "page", 1, MAX_PAGE, 1, errors);
        int perPage = integer(request, "perPage", 1, MAX_PER_PAGE, 10, errors);
        errors.throwIfAny();
        return new Paging(page, perPage);
    }

    int offset() {
        return (page - 1) * perPage;
    }

    private static int integer(ApiRequest request, String name, int min, int max, int defaultValue,
                               FieldErrors errors) {
        Optional<String> raw = request.queryParameter(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(name, "must be a whole number between " + min + " and " + max);
        return defaultValue;
    }
}

package org.serverlessloyalty.points;

import java.util.Optional;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.FieldErrors;

/** Query-string values the points routes share, each bad one named in the request's one 400. */
final class QueryParameters {

    private QueryParameters() {
    }

    /** The whole number {@code name} within [min, max], or {@code defaultValue} when absent or bad (then named). */
    static Integer integer(ApiRequest request, String name, int min, int max, Integer defaultValue,
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

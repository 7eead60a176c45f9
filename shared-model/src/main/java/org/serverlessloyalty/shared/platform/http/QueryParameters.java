package org.serverlessloyalty.shared.platform.http;

import java.util.Optional;

/** Query-string values the routes share, each bad one named in the request's one 400. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The whole number {@code name} within [min, max], or {@code defaultValue} when absent or bad (then named). */
    public static Integer integer(ApiRequest request, String name, int min, int max, Integer defaultValue,
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

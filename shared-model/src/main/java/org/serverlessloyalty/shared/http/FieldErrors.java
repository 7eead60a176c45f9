package org.serverlessloyalty.shared.http;

import java.util.ArrayList;
import java.util.List;

/** Every offending field of one request, collected before anything is refused or written. */
public final class FieldErrors {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    public static FieldErrors none() {
        return new FieldErrors();
    }

    public static FieldErrors single(String field, String message) {
        return new FieldErrors().add(field, message);
    }

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** Throws 400 naming every collected field, if any were collected. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(this);
        }
    }
}

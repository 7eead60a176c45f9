package org.serverlessloyalty.shared.platform.http;

import java.util.ArrayList;
import java.util.List;
import org.serverlessloyalty.shared.platform.text.PlainText;

/**
 * Every offending field of one request, collected before anything is refused or written. Field paths
 * and messages are cut to {@link #MAX_FIELD_CHARS} and {@link #MAX_MESSAGE_CHARS} (control and format
 * characters shown as {@code ?}): an error may quote a short prefix of an input, never echo all of it.
 */
public final class FieldErrors {

    public static final int MAX_FIELD_CHARS = 120;
    public static final int MAX_MESSAGE_CHARS = 300;

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
        errors.add(new FieldError(PlainText.excerpt(field, MAX_FIELD_CHARS), PlainText.excerpt(message, MAX_MESSAGE_CHARS)));
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

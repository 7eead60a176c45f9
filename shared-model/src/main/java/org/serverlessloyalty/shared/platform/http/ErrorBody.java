package org.serverlessloyalty.shared.platform.http;

import java.util.List;
import org.serverlessloyalty.shared.platform.text.PlainText;

/**
 * The one error shape of the whole API (docs/api-errors.md):
 * {@code {"status":400,"code":"VALIDATION_FAILED","message":"...","errors":[{"field":"codes[2].value","message":"..."}],"requestId":"..."}}.
 */
public record ErrorBody(int status, String code, String message, List<FieldErrors.FieldError> errors, String requestId) {

    static ErrorBody of(ApiException e, String requestId) {
        // A message may quote an input (a path value, a code): never more than a short prefix of it.
        return new ErrorBody(e.status(), e.code(), PlainText.excerpt(e.getMessage(), FieldErrors.MAX_MESSAGE_CHARS),
                e.fieldErrors().list(), requestId);
    }
}

package org.serverlessloyalty.shared.http;

import java.util.List;

/**
 * The one error shape of the whole API (docs/api-errors.md):
 * {@code {"status":400,"code":"VALIDATION_FAILED","message":"...","errors":[{"field":"codes[2].value","message":"..."}],"requestId":"..."}}.
 */
public record ErrorBody(int status, String code, String message, List<FieldErrors.FieldError> errors, String requestId) {

    static ErrorBody of(ApiException e, String requestId) {
        return new ErrorBody(e.status(), e.code(), e.getMessage(), e.fieldErrors().list(), requestId);
    }
}

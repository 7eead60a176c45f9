package org.serverlessloyalty.shared.platform.http;

/** An answer other than success, carried to the one place that turns it into the error shape. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient FieldErrors fieldErrors;

    public ApiException(int status, String code, String message, FieldErrors fieldErrors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fieldErrors = fieldErrors;
    }

    public static ApiException badRequest(FieldErrors errors) {
        return new ApiException(400, "VALIDATION_FAILED", "The request has invalid fields", errors);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "UNAUTHORIZED", "A valid API key is required", FieldErrors.none());
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what + " was not found", FieldErrors.none());
    }

    public static ApiException conflict(String message, FieldErrors errors) {
        return new ApiException(409, "CONFLICT", message, errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public FieldErrors fieldErrors() {
        return fieldErrors;
    }
}

package org.serverlessloyalty.local.dynamodb.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the engine reports to the client the way DynamoDB does: HTTP 400 (or 500) with a JSON body
 * {@code {"__type":"<namespace>#<Code>","message":"..."}} plus optional extra members
 * (e.g. {@code Item} for ConditionalCheckFailedException, {@code CancellationReasons} for TransactionCanceledException).
 *
 * <p>The AWS SDK maps the part after {@code #} to its exception classes, so the codes here must be DynamoDB's.
 */
public class ApiException extends RuntimeException {

    public static final String DYNAMODB_NS = "com.amazonaws.dynamodb.v20120810#";
    public static final String CORAL_NS = "com.amazon.coral.service#";

    private final String namespace;
    private final String code;
    private final int status;
    private final Map<String, Object> extra;
    private final String messageMember;

    public ApiException(String namespace, String code, int status, String message, Map<String, Object> extra) {
        this(namespace, code, status, message, extra, "message");
    }

    private ApiException(String namespace, String code, int status, String message, Map<String, Object> extra,
                         String messageMember) {
        super(message, null, false, false);
        this.namespace = namespace;
        this.code = code;
        this.status = status;
        this.extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        this.messageMember = messageMember;
    }

    public String code() {
        return code;
    }

    public String type() {
        return namespace + code;
    }

    public int status() {
        return status;
    }

    /**
     * The body member that carries the message: {@code message}, except for TransactionCanceledException, whose
     * model member (and AWS's answer) is {@code Message}. The SDK reads either.
     */
    public String messageMember() {
        return messageMember;
    }

    /** Extra top-level members of the error body, already in wire form (Jackson-serialisable). */
    public Map<String, Object> extra() {
        return extra;
    }

    public static ApiException validation(String message) {
        return new ApiException(DYNAMODB_NS, "ValidationException", 400, message, null);
    }

    public static ApiException resourceNotFound(String message) {
        return new ApiException(DYNAMODB_NS, "ResourceNotFoundException", 400, message, null);
    }

    public static ApiException tableNotFound() {
        return resourceNotFound("Requested resource not found");
    }

    public static ApiException resourceInUse(String message) {
        return new ApiException(DYNAMODB_NS, "ResourceInUseException", 400, message, null);
    }

    public static ApiException conditionalCheckFailed(Map<String, Object> extra) {
        return new ApiException(DYNAMODB_NS, "ConditionalCheckFailedException", 400, "The conditional request failed", extra);
    }

    public static ApiException unknownOperation(String operation) {
        return new ApiException(CORAL_NS, "UnknownOperationException", 400,
                "Operation " + operation + " is not supported by the local DynamoDB engine", null);
    }

    public static ApiException serialization(String message) {
        return new ApiException(CORAL_NS, "SerializationException", 400, message, null);
    }

    public static ApiException internal(String message) {
        return new ApiException(DYNAMODB_NS, "InternalServerError", 500, message, null);
    }

    /**
     * A cancelled transaction: {@code reasons} is the wire-form {@code CancellationReasons} list (one entry per action,
     * in request order), {@code codes} their codes, which AWS repeats in the message.
     */
    public static ApiException transactionCanceled(List<String> codes, Object reasons) {
        return new ApiException(DYNAMODB_NS, "TransactionCanceledException", 400,
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
                Map.of("CancellationReasons", reasons), "Message");
    }
}

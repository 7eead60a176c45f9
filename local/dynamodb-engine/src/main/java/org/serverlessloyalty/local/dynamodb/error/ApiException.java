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

    /** A PutItem, UpdateItem or DeleteItem on an item that an ongoing transaction holds. */
    public static ApiException transactionConflict() {
        return new ApiException(DYNAMODB_NS, "TransactionConflictException", 400, TRANSACTION_CONFLICT_MESSAGE, null);
    }

    /** The message of a {@code TransactionConflict} cancellation reason and of TransactionConflictException. */
    public static final String TRANSACTION_CONFLICT_MESSAGE = "Transaction is ongoing for the item";

    /**
     * Throttling as DynamoDB answers it: an on-demand (PAY_PER_REQUEST) table gets {@code ThrottlingException}, a
     * provisioned one {@code ProvisionedThroughputExceededException}, both HTTP 400 with the throttling reasons
     * naming the throttled table or index ({@code throttlingReasons} in the first, {@code ThrottlingReasons} in the
     * second, as in DynamoDB's service model).
     *
     * @param reason   e.g. {@code TableWriteKeyRangeThroughputExceeded}
     * @param resource the ARN of the table or index
     */
    public static ApiException throttling(boolean onDemand, boolean index, String reason, String resource) {
        Map<String, String> throttled = new LinkedHashMap<>();
        throttled.put("reason", reason);
        throttled.put("resource", resource);
        List<Map<String, String>> reasons = List.of(throttled);
        // The service model spells the member differently in the two exceptions, and so does the wire.
        return onDemand
                ? new ApiException(DYNAMODB_NS, "ThrottlingException", 400, throttlingMessage(true, index),
                        Map.of("throttlingReasons", reasons))
                : new ApiException(DYNAMODB_NS, "ProvisionedThroughputExceededException", 400,
                        throttlingMessage(false, index), Map.of("ThrottlingReasons", reasons));
    }

    /** DynamoDB's wording for throttling, which also appears in transaction cancellation reasons. */
    public static String throttlingMessage(boolean onDemand, boolean index) {
        if (onDemand) {
            return index
                    ? "Throughput exceeds the current capacity for one or more global secondary indexes. DynamoDB is "
                            + "automatically scaling your index so please try again shortly."
                    : "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling "
                            + "your table or index so please try again shortly. If exceptions persist, check if you have "
                            + "a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";
        }
        return index
                ? "The level of configured provisioned throughput for one or more global secondary indexes of the table "
                        + "was exceeded. Consider increasing your provisioning level for the under-provisioned global "
                        + "secondary indexes with the UpdateTable API"
                : "The level of configured provisioned throughput for the table was exceeded. Consider increasing your "
                        + "provisioning level with the UpdateTable API.";
    }
}

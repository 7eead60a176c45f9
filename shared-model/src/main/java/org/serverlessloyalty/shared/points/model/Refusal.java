package org.serverlessloyalty.shared.points.model;

/**
 * Why a points action did nothing, with Open Loyalty's exact English text where it has one (rules P8-P10).
 *
 * @param kind  how the HTTP layer answers it
 * @param field the form field the message belongs to ({@code points}, {@code receiver}, ...), null for a
 *              business error answered as {@code {"error": message}}
 */
public record Refusal(Kind kind, String field, String message) {

    public enum Kind {
        /** 400, a form error on {@code field} (Open Loyalty's {@code form.children.<field>.errors}). */
        INVALID_FIELD,
        /** 400 {@code {"error": message}}. */
        BUSINESS,
        /** 404. */
        NOT_FOUND
    }

    public static final String NOT_ENOUGH_POINTS_TEXT = "not enough points";
    public static final String CANNOT_CANCEL_TEXT = "this transfer cannot be canceled";
    public static final String SELF_TRANSFER_TEXT = "transferring points to yourself is forbidden";
    public static final String NO_SUCH_CUSTOMER_TEXT = "such customer does not exist";

    /** P8, B4, B6: the balance does not cover the amount. */
    public static final Refusal NOT_ENOUGH_POINTS = new Refusal(Kind.INVALID_FIELD, "points", NOT_ENOUGH_POINTS_TEXT);
    /** P9, B5: only adding transfers (and blocks, B9) can be cancelled. */
    public static final Refusal CANNOT_CANCEL = new Refusal(Kind.BUSINESS, null, CANNOT_CANCEL_TEXT);
    /** P10. */
    public static final Refusal SELF_TRANSFER = new Refusal(Kind.INVALID_FIELD, "receiver", SELF_TRANSFER_TEXT);
    /** P10: the receiver is resolved by id, email or phone and none matched. */
    public static final Refusal NO_SUCH_RECEIVER = new Refusal(Kind.INVALID_FIELD, "receiver", NO_SUCH_CUSTOMER_TEXT);
    /** The admin p2p sender did not resolve either. */
    public static final Refusal NO_SUCH_SENDER = new Refusal(Kind.INVALID_FIELD, "sender", NO_SUCH_CUSTOMER_TEXT);
    /** B3: add and spend name the member by id. */
    public static final Refusal NO_SUCH_CUSTOMER = new Refusal(Kind.INVALID_FIELD, "customer", NO_SUCH_CUSTOMER_TEXT);
    /** B10: only a pending transfer can be activated. */
    public static final Refusal CANNOT_ACTIVATE = new Refusal(Kind.BUSINESS, null, "this transfer cannot be activated");
    /** B11: only an active lot can be expired. */
    public static final Refusal CANNOT_EXPIRE = new Refusal(Kind.BUSINESS, null, "this transfer cannot be expired");
    /** Item 8's option {@code refuseCancelWhenSpent}: part of the lot was spent, sent or blocked. */
    public static final Refusal CANCEL_AFTER_SPEND = new Refusal(Kind.BUSINESS, null,
            "this transfer cannot be canceled: some of its points were already spent");
    /** The store's settings do not let members of this status earn (receive) points; {@code field} names the member. */
    public static Refusal cannotEarn(String field) {
        return new Refusal(Kind.INVALID_FIELD, field, "this customer's status does not allow earning points");
    }

    /** The store's settings do not let members of this status spend, send or have points blocked. */
    public static Refusal cannotSpend(String field) {
        return new Refusal(Kind.INVALID_FIELD, field, "this customer's status does not allow spending points");
    }

    /**
     * A bound the action carried ({@link LedgerStep.Tally}) would be passed: Open Loyalty's text for an earning
     * rule's usage limit (rule E12).
     */
    public static final Refusal LIMIT_EXCEEDED = new Refusal(Kind.BUSINESS, null, "limit exceeded");

    public static final Refusal TRANSFER_NOT_FOUND = new Refusal(Kind.NOT_FOUND, null, "points transfer not found");

    /** The amount needs more lots than one DynamoDB transaction can change at once. */
    public static Refusal tooManyLots(int lots) {
        return new Refusal(Kind.INVALID_FIELD, "points", "these points come from " + lots
                + " earlier transfers, more than one operation can draw on at once; use a smaller amount");
    }

    /** P3 and item 10: not a valid amount (answered 400, never 500). */
    public static Refusal invalidPoints(String field, String message) {
        return new Refusal(Kind.INVALID_FIELD, field, message);
    }
}

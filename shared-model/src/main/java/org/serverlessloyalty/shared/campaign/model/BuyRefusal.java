package org.serverlessloyalty.shared.campaign.model;

/**
 * Why a purchase issued nothing, with Open Loyalty's verbatim English text (1.A, A12) where it has one.
 */
public enum BuyRefusal {
    /** C6, C8: cashback and custom campaigns: 400 {@code {"error":{"code":400,"message":…}}}. */
    NOT_BOUGHT_MANUALLY("This campaign cannot be bought manually."),
    /** C16 step 2, C7, section 4 item 4: inactive, not visible, or not targeting the member: 404. */
    NOT_FOUND("Campaign not found"),
    /** No such member in the store: 404. */
    NO_SUCH_CUSTOMER("Customer not found"),
    LIMIT_EXCEEDED("Limit exceeded"),
    LIMIT_PER_CUSTOMER_EXCEEDED("Limit per customer exceeded"),
    NO_COUPONS_LEFT("No coupons left"),
    NOT_ALLOWED("Not allowed"),
    NOT_ENOUGH_POINTS("Not enough points"),
    TRANSACTION_REQUIRED("Transaction required"),
    INVALID_TRANSACTION("Invalid transaction"),
    GENERATED_VALUE_ZERO("Generated coupon value is 0"),
    /** The purchase would need more writes than one DynamoDB transaction holds: 400 on {@code quantity}. */
    TOO_MANY_AT_ONCE("is too large: one purchase issues at most this many coupons at once"),
    /**
     * A pool code equals a gift code the store already has (made elsewhere): it cannot become this coupon's code.
     * 409: the merchant must replace that code in the pool.
     */
    CODE_TAKEN("A coupon code of this campaign is already a gift code of the store");

    private final String message;

    BuyRefusal(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}

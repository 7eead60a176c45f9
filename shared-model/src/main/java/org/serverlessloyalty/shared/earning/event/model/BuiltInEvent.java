package org.serverlessloyalty.shared.earning.event.model;

/** Open Loyalty's built-in event names (section 1.B.3) and the referral events. */
public final class BuiltInEvent {

    public static final String ACCOUNT_CREATED = "oloy.account.created";
    public static final String FIRST_TRANSACTION = "oloy.transaction.customer_first_transaction";
    public static final String LOGGED_IN = "oloy.customer.logged_in";
    public static final String NEWSLETTER_SUBSCRIPTION = "oloy.customer.newsletter_subscription";

    /** Referral rules' {@code eventName}. */
    public static final String REFERRAL_REGISTER = "register";
    public static final String REFERRAL_FIRST_PURCHASE = "first_purchase";
    public static final String REFERRAL_EVERY_PURCHASE = "every_purchase";

    private BuiltInEvent() {
    }
}

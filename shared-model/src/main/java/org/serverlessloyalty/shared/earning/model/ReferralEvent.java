package org.serverlessloyalty.shared.earning.model;

import java.util.Arrays;
import java.util.Optional;

/** What a referral rule rewards: the invited member registering, their first purchase, or every purchase. */
public enum ReferralEvent {
    REGISTER("register"),
    FIRST_PURCHASE("first_purchase"),
    EVERY_PURCHASE("every_purchase");

    private final String value;

    ReferralEvent(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ReferralEvent> fromValue(String text) {
        return Arrays.stream(values()).filter(v -> v.value.equals(text)).findFirst();
    }
}

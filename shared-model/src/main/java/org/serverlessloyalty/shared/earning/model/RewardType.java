package org.serverlessloyalty.shared.earning.model;

import java.util.Arrays;
import java.util.Optional;

/** Who a referral rule rewards: the invited member, the member who invited them, or both. */
public enum RewardType {
    REFERRED("referred"),
    REFERRER("referrer"),
    BOTH("both");

    private final String value;

    RewardType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<RewardType> fromValue(String text) {
        return Arrays.stream(values()).filter(v -> v.value.equals(text)).findFirst();
    }
}

package org.serverlessloyalty.shared.earning.event.model;

import java.util.Optional;

/** Who a referral rule rewards ({@code rewardType}): the invited member, the member who invited them, or both. */
public enum ReferralReward {
    REFERRED, REFERRER, BOTH;

    public boolean rewardsReferred() {
        return this != REFERRER;
    }

    public boolean rewardsReferrer() {
        return this != REFERRED;
    }

    public static Optional<ReferralReward> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name) {
            case "referred" -> Optional.of(REFERRED);
            case "referrer" -> Optional.of(REFERRER);
            case "both" -> Optional.of(BOTH);
            default -> Optional.empty();
        };
    }
}

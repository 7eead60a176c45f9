package org.serverlessloyalty.shared.campaign.model;

import java.util.Arrays;
import java.util.Optional;

/** A campaign's {@code reward} (rule C1): what buying it gives. */
public enum RewardType {
    DISCOUNT_CODE("discount_code"),
    FREE_DELIVERY_CODE("free_delivery_code"),
    GIFT_CODE("gift_code"),
    EVENT_CODE("event_code"),
    VALUE_CODE("value_code"),
    /** C6: points turned into money by a provider; never bought through the buy routes. */
    CASHBACK("cashback"),
    /** C7: a code worth a share of one transaction; admin buy (with a transactionId) and instant rewards only. */
    PERCENTAGE_DISCOUNT_CODE("percentage_discount_code"),
    /** C8: tied to an earning rule (connectType); never bought through the buy routes. */
    CUSTOM_CAMPAIGN_CODE("custom_campaign_code");

    private final String wire;

    RewardType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<RewardType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }

    /** The five types whose purchase hands out a code from the campaign's pool (C4, C18, C19). */
    public boolean pooled() {
        return this == DISCOUNT_CODE || this == FREE_DELIVERY_CODE || this == GIFT_CODE || this == EVENT_CODE
                || this == VALUE_CODE;
    }

    /** C6, C8: cashback and custom campaigns cannot be bought through the buy routes. */
    public boolean boughtManually() {
        return this != CASHBACK && this != CUSTOM_CAMPAIGN_CODE;
    }
}

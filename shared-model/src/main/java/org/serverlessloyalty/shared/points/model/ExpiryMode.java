package org.serverlessloyalty.shared.points.model;

/** When added points expire (rule P5); Open Loyalty's setting {@code pointsDaysExpiryAfter}. */
public enum ExpiryMode {
    /** {@code after_x_days}: at 23:59:59 (store time zone) of the day N days after the points became active. */
    AFTER_X_DAYS("after_x_days"),
    /** {@code at_the_end_of_the_month}: at 23:59:59 of the last day of that month. */
    END_OF_MONTH("at_the_end_of_the_month"),
    /** {@code at_the_end_of_the_year}: at 23:59:59 of 31 December. */
    END_OF_YEAR("at_the_end_of_the_year"),
    /** {@code all_time_active}: never. */
    NEVER("all_time_active");

    private final String openLoyaltyName;

    ExpiryMode(String openLoyaltyName) {
        this.openLoyaltyName = openLoyaltyName;
    }

    public String openLoyaltyName() {
        return openLoyaltyName;
    }

    public static ExpiryMode fromOpenLoyaltyName(String name) {
        for (ExpiryMode mode : values()) {
            if (mode.openLoyaltyName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown expiry mode " + name);
    }
}

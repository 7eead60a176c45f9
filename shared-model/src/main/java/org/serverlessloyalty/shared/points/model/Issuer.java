package org.serverlessloyalty.shared.points.model;

/** Who made a transfer (rule P4): {@code issuer} of the PointsTransfer object. */
public enum Issuer {
    SYSTEM("system"),
    ADMIN("admin"),
    SELLER("seller"),
    API("api"),
    INTERNAL("internal");

    private final String openLoyaltyName;

    Issuer(String openLoyaltyName) {
        this.openLoyaltyName = openLoyaltyName;
    }

    public String openLoyaltyName() {
        return openLoyaltyName;
    }

    public static Issuer fromOpenLoyaltyName(String name) {
        for (Issuer issuer : values()) {
            if (issuer.openLoyaltyName.equals(name)) {
                return issuer;
            }
        }
        throw new IllegalArgumentException("unknown issuer " + name);
    }
}

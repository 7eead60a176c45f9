package org.serverlessloyalty.shared.store.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/**
 * A store's settings. {@code apiKeyHash} is the SHA-256 of the storefront key: the key itself is
 * shown once, at creation or rotation, and never stored.
 */
public record Store(
        StoreCode code,
        String name,
        Currency currency,
        ZoneId timezone,
        Locale locale,
        boolean active,
        byte[] apiKeyHash,
        Instant createdAt,
        Instant updatedAt) {

    /** How many minor units make one major unit of the store currency (100 for EUR, 1 for JPY). */
    public java.math.BigDecimal minorUnitsPerMajor() {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return java.math.BigDecimal.TEN.pow(digits);
    }

    public Store withApiKeyHash(byte[] hash, Instant now) {
        return new Store(code, name, currency, timezone, locale, active, hash, createdAt, now);
    }
}

package org.serverlessloyalty.admin;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Open Loyalty's store body ({@code store[code]}, {@code store[name]}, {@code store[currency]}, {@code store[active]}),
 * form-encoded or JSON, wrapped in {@code store} or flat ({@code {"code":"13","name":...}}), as
 * {@link org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody} reads it, with this engine's {@code timezone} and
 * {@code locale}, which an Open Loyalty client does not send: they default to {@link #DEFAULT_TIMEZONE} and
 * {@link #DEFAULT_LOCALE}. {@code active} follows Open Loyalty's checkbox rule; when absent a new store is active.
 */
final class StoreJson {

    /** The time zone of a store created without one (an Open Loyalty client sends none). */
    static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("UTC");
    static final Locale DEFAULT_LOCALE = Locale.ENGLISH;

    private static final Set<String> FIELDS = Set.of("code", "name", "currency", "timezone", "locale", "active");

    private StoreJson() {
    }

    /** A new store's settings; 400 naming every bad field as the client sent it. */
    static Store parseNew(JsonFields json) {
        FieldErrors errors = json.errors();
        json.rejectUnknown(FIELDS);
        json.require("code");
        json.require("name");
        json.require("currency");
        String code = json.string("code", 64);
        if (code != null && !StoreCode.isValid(code)) {
            errors.add(json.path("code"), "must be 1-64 letters, digits or '-'");
        }
        Store parsed = settings(json, null);
        errors.throwIfAny();
        return new Store(new StoreCode(code), parsed.name(), parsed.currency(), parsed.timezone(), parsed.locale(),
                parsed.active(), null, null, null);
    }

    /** The existing store with the body's fields applied; {@code code} cannot change. */
    static Store parseUpdate(JsonFields json, Store existing) {
        return parseUpdate(json, existing, Set.of());
    }

    /**
     * As {@link #parseUpdate(JsonFields, Store)}, the body may also carry {@code more} fields (the store's points
     * settings), read by their own parser into the same errors: one 400 names every bad field.
     */
    static Store parseUpdate(JsonFields json, Store existing, Set<String> more) {
        FieldErrors errors = json.errors();
        Set<String> known = new java.util.HashSet<>(FIELDS);
        known.addAll(more);
        json.rejectUnknown(known);
        String code = json.string("code", 64);
        if (code != null && !code.equals(existing.code().value())) {
            errors.add(json.path("code"), "cannot be changed");
        }
        Store parsed = settings(json, existing);
        errors.throwIfAny();
        return parsed;
    }

    private static Store settings(JsonFields json, Store base) {
        String name = json.string("name", 200);
        if (name != null && name.isEmpty()) {
            json.errors().add(json.path("name"), "must not be blank");
        }
        Currency currency = null;
        String currencyCode = json.string("currency", 3);
        if (currencyCode != null) {
            try {
                currency = Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                json.errors().add(json.path("currency"), "must be an ISO 4217 currency code such as EUR");
            }
        }
        ZoneId zone = null;
        String zoneId = json.string("timezone", 64);
        if (zoneId != null) {
            try {
                zone = ZoneId.of(zoneId);
            } catch (DateTimeException e) {
                json.errors().add(json.path("timezone"), "must be an IANA time zone such as Europe/Paris");
            }
        }
        Locale locale = null;
        String tag = json.string("locale", 35);
        if (tag != null) {
            try {
                locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
            } catch (IllformedLocaleException e) {
                json.errors().add(json.path("locale"), "must be a language tag such as fr or en-GB");
            }
        }
        Boolean active = json.bool("active");
        if (base == null) {
            return new Store(null, name, currency, zone == null ? DEFAULT_TIMEZONE : zone,
                    locale == null ? DEFAULT_LOCALE : locale,
                    active == null || active, null, null, null);
        }
        return new Store(base.code(),
                name != null ? name : base.name(),
                currency != null ? currency : base.currency(),
                zone != null ? zone : base.timezone(),
                locale != null ? locale : base.locale(),
                active != null ? active : base.active(),
                base.apiKeyHash(), base.createdAt(), base.updatedAt());
    }

    static Map<String, Object> toJson(Store store) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", store.code().value());
        json.put("name", store.name());
        json.put("currency", store.currency().getCurrencyCode());
        json.put("timezone", store.timezone().getId());
        json.put("locale", store.locale().toLanguageTag());
        json.put("active", store.active());
        json.put("createdAt", store.createdAt() == null ? null : store.createdAt().toString());
        json.put("updatedAt", store.updatedAt() == null ? null : store.updatedAt().toString());
        return json;
    }

    static Map<String, Object> toJson(Store store, String apiKey, String publishableKey) {
        Map<String, Object> json = toJson(store);
        json.put("apiKey", apiKey);
        json.put("publishableKey", publishableKey);
        return json;
    }
}

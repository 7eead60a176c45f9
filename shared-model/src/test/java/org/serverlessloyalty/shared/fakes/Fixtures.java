package org.serverlessloyalty.shared.fakes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Small builders for the domain records, so each test states only what it is about. */
public final class Fixtures {

    public static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {
    }

    public static Store store(String code, String currency, String zone, Locale locale) {
        return new Store(new StoreCode(code), "Store " + code, Currency.getInstance(currency), ZoneId.of(zone),
                locale, true, null, CREATED, CREATED);
    }

    public static Store store(String code) {
        return store(code, "EUR", "Europe/Paris", Locale.FRENCH);
    }

    /** A store whose key hash is that of {@code apiKey}. */
    public static Store storeWithKey(String code, String apiKey, boolean active) {
        Store s = store(code);
        return new Store(s.code(), s.name(), s.currency(), s.timezone(), s.locale(), active, ApiKey.hash(apiKey),
                CREATED, CREATED);
    }

    public static GiftCode code(Store store, String code, GiftCodeTerms terms, long usedCount) {
        return new GiftCode(store.code(), CodeValue.of(code), terms, usedCount, CREATED);
    }

    public static GiftCode code(Store store, String code, GiftCodeTerms terms) {
        return code(store, code, terms, 0);
    }

    public static Terms terms() {
        return new Terms();
    }

    /** A builder for {@link GiftCodeTerms}; defaults: 5 off, combinable, no limits, no dates. */
    public static final class Terms {
        private BigDecimal value = new BigDecimal("5");
        private DiscountType discountType = DiscountType.VALUE;
        private BigDecimal threshold;
        private boolean combinable = true;
        private String description = "5 EUR";
        private String name = "Five off";
        private LocalDate expirationDate;
        private LocalDate activeFrom;
        private Integer numberOfUsage;
        private Integer perCustomerLimit;
        private List<String> products = List.of();
        private List<String> categories = List.of();
        private boolean discountWholeCart = true;
        private String campaignId;
        private GiftCodeTerms.CodeUser user;

        public Terms value(String v) { value = v == null ? null : new BigDecimal(v); return this; }
        public Terms discountType(DiscountType t) { discountType = t; return this; }
        public Terms threshold(String t) { threshold = t == null ? null : new BigDecimal(t); return this; }
        public Terms combinable(boolean c) { combinable = c; return this; }
        public Terms description(String d) { description = d; return this; }
        public Terms name(String n) { name = n; return this; }
        public Terms expirationDate(String d) { expirationDate = d == null ? null : LocalDate.parse(d); return this; }
        public Terms activeFrom(String d) { activeFrom = d == null ? null : LocalDate.parse(d); return this; }
        public Terms numberOfUsage(Integer n) { numberOfUsage = n; return this; }
        public Terms perCustomerLimit(Integer n) { perCustomerLimit = n; return this; }
        public Terms products(String... p) { products = List.of(p); return this; }
        public Terms categories(String... c) { categories = List.of(c); return this; }
        public Terms discountWholeCart(boolean w) { discountWholeCart = w; return this; }
        public Terms campaignId(String c) { campaignId = c; return this; }
        public Terms user(String email, String customerGuid) { user = new GiftCodeTerms.CodeUser(email, customerGuid); return this; }

        public GiftCodeTerms build() {
            return new GiftCodeTerms(value, discountType, threshold, combinable, description, name, expirationDate,
                    activeFrom, numberOfUsage, perCustomerLimit, products, categories, discountWholeCart, campaignId,
                    user);
        }
    }
}

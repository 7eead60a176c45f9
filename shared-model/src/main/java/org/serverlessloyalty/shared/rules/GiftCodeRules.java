package org.serverlessloyalty.shared.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.serverlessloyalty.shared.model.Cart;
import org.serverlessloyalty.shared.model.GiftCode;
import org.serverlessloyalty.shared.model.Store;
import org.serverlessloyalty.shared.model.ValidationQuery;
import org.serverlessloyalty.shared.model.ValidationReason;

/**
 * Whether a code may be used on a cart, as pure logic: the store's reads are done before, so every
 * rule is testable without DynamoDB. Reasons are checked in {@link ValidationReason} order.
 */
public final class GiftCodeRules {

    private GiftCodeRules() {
    }

    /**
     * Everything the rules look at for one validation.
     *
     * @param code          the code as stored, empty when the store has no such code
     * @param customerUses  how many orders of {@code query.customerGuid()} already used it
     * @param appliedCodes  the store's codes among {@code query.otherAppliedCodes()} (unknown ones are not ours)
     */
    public record Facts(Store store, ValidationQuery query, Optional<GiftCode> code, long customerUses,
                        List<GiftCode> appliedCodes, Instant now) {
    }

    public static Optional<ValidationReason> refusal(Facts facts) {
        if (facts.code().isEmpty()) {
            return Optional.of(ValidationReason.NOT_FOUND);
        }
        GiftCode code = facts.code().get();
        var terms = code.terms();
        Optional<ValidationReason> unusable = unusableAt(code, facts.now(), facts.store().timezone());
        if (unusable.isPresent()) {
            return unusable;
        }
        if (code.usageExhausted()) {
            return Optional.of(ValidationReason.USAGE_EXHAUSTED);
        }
        if (terms.perCustomerLimit() != null && facts.query().customerGuid() != null
                && facts.customerUses() >= terms.perCustomerLimit()) {
            return Optional.of(ValidationReason.CUSTOMER_LIMIT_REACHED);
        }
        if (!facts.appliedCodes().isEmpty()
                && (!terms.combinable() || facts.appliedCodes().stream().anyMatch(c -> !c.terms().combinable()))) {
            return Optional.of(ValidationReason.NOT_COMBINABLE);
        }
        if (terms.threshold() != null
                && cartTotal(facts.query().cart(), facts.store()).compareTo(terms.threshold()) < 0) {
            return Optional.of(ValidationReason.THRESHOLD_NOT_REACHED);
        }
        if (!hasEligibleItem(terms.products(), terms.categories(), facts.query().cart())) {
            return Optional.of(ValidationReason.NO_ELIGIBLE_ITEM);
        }
        return Optional.empty();
    }

    /**
     * Whether the code itself may be used at {@code at}, whatever the cart and the counters: not before
     * its {@code activeFrom} day, not after its {@code expirationDate} day, both in the store's time zone
     * {@code zone}. Validation asks it at the time of the request; the order ledger at the order's date,
     * so an order takes a use only of a code that checkout would have accepted then.
     *
     * @return NOT_YET_ACTIVE or EXPIRED, or empty when the code is usable at {@code at}
     */
    public static Optional<ValidationReason> unusableAt(GiftCode code, Instant at, ZoneId zone) {
        var terms = code.terms();
        LocalDate day = localDate(at, zone);
        if (terms.activeFrom() != null && day.isBefore(terms.activeFrom())) {
            return Optional.of(ValidationReason.NOT_YET_ACTIVE);
        }
        if (terms.expirationDate() != null && day.isAfter(terms.expirationDate())) {
            return Optional.of(ValidationReason.EXPIRED);
        }
        return Optional.empty();
    }

    /**
     * The store's calendar day at {@code now}. A code whose {@code expirationDate} is D is valid
     * until D 23:59:59.999 local time; {@link java.time.ZoneRules} handles DST transitions.
     */
    static LocalDate localDate(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone);
    }

    /** The cart total in major units (the unit of {@code threshold}). */
    static BigDecimal cartTotal(Cart cart, Store store) {
        int digits = Math.max(0, store.currency().getDefaultFractionDigits());
        return BigDecimal.valueOf(cart.totalMinorUnits()).divide(store.minorUnitsPerMajor(), digits, RoundingMode.UNNECESSARY);
    }

    /**
     * With no restriction every cart is eligible. Otherwise one item must match: its productId or
     * its name among {@code products}, or its category among {@code categories} (trimmed,
     * case-insensitive).
     */
    static boolean hasEligibleItem(List<String> products, List<String> categories, Cart cart) {
        if (products.isEmpty() && categories.isEmpty()) {
            return true;
        }
        Set<String> productSet = normalised(products);
        Set<String> categorySet = normalised(categories);
        return cart.items().stream().anyMatch(item ->
                productSet.contains(normalise(item.productId()))
                        || productSet.contains(normalise(item.name()))
                        || categorySet.contains(normalise(item.category())));
    }

    private static Set<String> normalised(List<String> values) {
        return values.stream().map(GiftCodeRules::normalise).collect(Collectors.toSet());
    }

    private static String normalise(String value) {
        return value == null ? "\u0000" : value.strip().toLowerCase(Locale.ROOT);
    }
}

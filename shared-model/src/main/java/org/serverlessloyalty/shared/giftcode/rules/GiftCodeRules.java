package org.serverlessloyalty.shared.giftcode.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.Cart;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeStatus;
import org.serverlessloyalty.shared.giftcode.model.ValidationQuery;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.store.model.Store;

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
     * @param batches       the status of the batch of every pending code among those (read only for pending codes)
     */
    public record Facts(Store store, ValidationQuery query, Optional<GiftCode> code, long customerUses,
                        List<GiftCode> appliedCodes, Map<String, BatchStatus> batches, Instant now) {

        public Facts {
            batches = batches == null ? Map.of() : Map.copyOf(batches);
        }

        /** Facts without pending codes (every code read was committed). */
        public Facts(Store store, ValidationQuery query, Optional<GiftCode> code, long customerUses,
                     List<GiftCode> appliedCodes, Instant now) {
            this(store, query, code, customerUses, appliedCodes, Map.of(), now);
        }

        Optional<BatchStatus> batchOf(GiftCode code) {
            return code.pending() ? Optional.ofNullable(batches.get(code.batchId())) : Optional.empty();
        }
    }

    public static Optional<ValidationReason> refusal(Facts facts) {
        if (facts.code().isEmpty()) {
            return Optional.of(ValidationReason.NOT_FOUND);
        }
        GiftCode code = facts.code().get();
        var terms = code.terms();
        Optional<ValidationReason> unavailable = unavailability(code, facts.batchOf(code), facts.now(),
                facts.store().timezone());
        if (unavailable.isPresent()) {
            return unavailable;
        }
        if (code.usageExhausted()) {
            return Optional.of(ValidationReason.USAGE_EXHAUSTED);
        }
        if (terms.perCustomerLimit() != null && facts.query().customerGuid() != null
                && facts.customerUses() >= terms.perCustomerLimit()) {
            return Optional.of(ValidationReason.CUSTOMER_LIMIT_REACHED);
        }
        // An applied code whose creation never committed is not one of ours (yet): like an unknown code.
        List<GiftCode> applied = facts.appliedCodes().stream().filter(c -> committed(c, facts.batchOf(c))).toList();
        if (!applied.isEmpty()
                && (!terms.combinable() || applied.stream().anyMatch(c -> !c.terms().combinable()))) {
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
     * Whether a stored code can be used at all at {@code now}, whatever the cart and the shopper: the
     * checks every use of a code shares (validation at checkout, an order taking a use). Reasons in
     * {@link ValidationReason} order: NOT_FOUND (its creation has not committed: it does not exist
     * yet), VOIDED, NOT_YET_ACTIVE, EXPIRED. Usage limits are not here: they are counters, held by
     * the conditional writes that consume them.
     *
     * @param batchOfPending the status of {@code code.batchId()}'s batch, read only when {@code code.pending()};
     *                       empty for a committed code (or when the batch record is gone)
     * @param zone           the store's time zone: days start and end there
     */
    public static Optional<ValidationReason> unavailability(GiftCode code, Optional<BatchStatus> batchOfPending,
                                                            Instant now, ZoneId zone) {
        if (!committed(code, batchOfPending)) {
            return Optional.of(ValidationReason.NOT_FOUND);
        }
        if (code.voided()) {
            return Optional.of(ValidationReason.VOIDED);
        }
        var terms = code.terms();
        LocalDate today = localDate(now, zone);
        if (terms.activeFrom() != null && today.isBefore(terms.activeFrom())) {
            return Optional.of(ValidationReason.NOT_YET_ACTIVE);
        }
        if (terms.expirationDate() != null && today.isAfter(terms.expirationDate())) {
            return Optional.of(ValidationReason.EXPIRED);
        }
        return Optional.empty();
    }

    /**
     * A code counts once its creation committed: it carries no pending mark, or its batch is
     * COMPLETE (the marks are cleared right after the commit; a crash in between leaves marks that
     * only cost this extra read).
     */
    public static boolean committed(GiftCode code, Optional<BatchStatus> batchOfPending) {
        return !code.pending() || batchOfPending.filter(s -> s == BatchStatus.COMPLETE).isPresent();
    }

    /** The code's state for the admin listing ({@link GiftCodeStatus} says the order). */
    public static GiftCodeStatus status(GiftCode code, Optional<BatchStatus> batchOfPending, Instant now, ZoneId zone) {
        Optional<ValidationReason> unavailable = unavailability(code, batchOfPending, now, zone);
        if (unavailable.isPresent()) {
            return switch (unavailable.get()) {
                case NOT_FOUND -> GiftCodeStatus.PENDING;
                case VOIDED -> GiftCodeStatus.VOIDED;
                case NOT_YET_ACTIVE -> GiftCodeStatus.SCHEDULED;
                case EXPIRED -> GiftCodeStatus.EXPIRED;
                default -> throw new IllegalStateException("unavailability answered " + unavailable.get());
            };
        }
        return code.usageExhausted() ? GiftCodeStatus.EXHAUSTED : GiftCodeStatus.ACTIVE;
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

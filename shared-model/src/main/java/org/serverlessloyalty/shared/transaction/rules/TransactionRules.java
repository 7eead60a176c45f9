package org.serverlessloyalty.shared.transaction.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.transaction.model.CustomerData;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionFilter;
import org.serverlessloyalty.shared.transaction.model.TransactionItem;
import org.serverlessloyalty.shared.transaction.model.TransactionRefusal;
import org.serverlessloyalty.shared.transaction.model.TransactionTotals;

/** The transactions' pure decisions (rules T2-T6): no store, no clock. */
public final class TransactionRules {

    private TransactionRules() {
    }

    /** One identifier to look a member up by, in the order rule T4 tries them. */
    public record Identifier(ClaimKind kind, String value) {
    }

    /**
     * Rule T4: the shop's own customer id first (an order's shopper), then the customer data the store's
     * {@code customersIdentificationPriority} names, in its order; blank values are skipped. Case does not matter:
     * the member directory compares e-mails lower-cased.
     */
    public static List<Identifier> identifiers(String externalId, CustomerData data, List<ClaimKind> priority) {
        List<Identifier> out = new ArrayList<>();
        if (externalId != null && !externalId.isBlank()) {
            out.add(new Identifier(ClaimKind.EXTERNAL_ID, externalId));
        }
        for (ClaimKind kind : priority) {
            String value = switch (kind) {
                case PHONE -> data.phone();
                case EMAIL -> data.email() == null ? null : data.email().toLowerCase(Locale.ROOT);
                case LOYALTY_CARD_NUMBER -> data.loyaltyCardNumber();
                case EXTERNAL_ID -> null;
            };
            if (value != null && !value.isBlank()) {
                out.add(new Identifier(kind, value));
            }
        }
        return out;
    }

    /**
     * Rule T2: a return must revise an existing sale of the same member. {@code returnMember} is the member the
     * return matched (null: none, the return takes the sale's).
     */
    public static Optional<TransactionRefusal> revisionRefusal(Optional<Transaction> sale, String returnMember) {
        if (sale.isEmpty()) {
            return Optional.of(TransactionRefusal.REVISED_NOT_FOUND);
        }
        if (!sale.get().isSell()) {
            return Optional.of(TransactionRefusal.REVISED_WRONG_TYPE);
        }
        if (returnMember != null && !returnMember.equals(sale.get().memberId())) {
            return Optional.of(TransactionRefusal.REVISED_WRONG_OWNER);
        }
        return Optional.empty();
    }

    /**
     * Rule T5 with section 4 item 9: a return takes back {@code round(earned / |gross(sale)| x |gross(return)|, 2)},
     * and never more than what is still unrevoked ({@code earned - revokedSoFar}); zero when nothing is left.
     */
    public static BigDecimal revocation(BigDecimal earned, BigDecimal saleGross, BigDecimal returnGross,
                                        BigDecimal revokedSoFar) {
        BigDecimal left = earned.subtract(revokedSoFar).max(BigDecimal.ZERO);
        if (earned.signum() <= 0 || saleGross.signum() == 0 || left.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal proportional = earned.multiply(returnGross.abs())
                .divide(saleGross.abs(), 2, RoundingMode.HALF_UP);
        return proportional.min(left).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Rule T6 (and L4's exclusions): a member's sells, less each sell its returns fully offset, and their amount
     * less the returns linked to them, floored at 0; items with an excluded SKU or category count for nothing.
     */
    public static TransactionTotals totals(List<Transaction> transactions, Set<String> excludedSkus,
                                           Set<String> excludedCategories, Set<String> deliverySkus) {
        Map<String, BigDecimal> returned = new HashMap<>();
        Map<String, BigDecimal> returnedWithoutDelivery = new HashMap<>();
        Map<String, Transaction> sells = new HashMap<>();
        for (Transaction t : transactions) {
            if (t.isSell()) {
                sells.put(t.id(), t);
            }
        }
        for (Transaction t : transactions) {
            if (!t.isSell() && t.revisedTransactionId() != null && sells.containsKey(t.revisedTransactionId())) {
                returned.merge(t.revisedTransactionId(), counted(t, excludedSkus, excludedCategories, Set.of()).abs(),
                        BigDecimal::add);
                returnedWithoutDelivery.merge(t.revisedTransactionId(),
                        counted(t, excludedSkus, excludedCategories, deliverySkus).abs(), BigDecimal::add);
            }
        }
        long count = 0;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal withoutDelivery = BigDecimal.ZERO;
        for (Transaction sell : sells.values()) {
            BigDecimal gross = counted(sell, excludedSkus, excludedCategories, Set.of());
            BigDecimal back = returned.getOrDefault(sell.id(), BigDecimal.ZERO);
            // A sell is "fully offset" when its returns cover its whole gross value (T6: sell 9, return 9 -> 0).
            if (!(back.signum() > 0 && back.compareTo(sell.grossValue().abs()) >= 0)) {
                count++;
            }
            amount = amount.add(gross).subtract(back);
            withoutDelivery = withoutDelivery.add(counted(sell, excludedSkus, excludedCategories, deliverySkus))
                    .subtract(returnedWithoutDelivery.getOrDefault(sell.id(), BigDecimal.ZERO));
        }
        return new TransactionTotals(count, amount.max(BigDecimal.ZERO), withoutDelivery.max(BigDecimal.ZERO));
    }

    private static BigDecimal counted(Transaction t, Set<String> excludedSkus, Set<String> excludedCategories,
                                      Set<String> deliverySkus) {
        BigDecimal sum = BigDecimal.ZERO;
        for (TransactionItem item : t.items()) {
            if (!excludedSkus.contains(item.sku()) && !excludedCategories.contains(item.category())
                    && !deliverySkus.contains(item.sku())) {
                sum = sum.add(item.grossValue());
            }
        }
        return sum;
    }

    /** T-2's filters. */
    public static boolean matches(TransactionFilter f, Transaction t) {
        CustomerData c = t.customerData();
        return same(f.loyaltyCardNumber(), c.loyaltyCardNumber())
                && contains(f.name(), c.name())
                && same(f.email(), c.email())
                && same(f.phone(), c.phone())
                && (f.memberId() == null || f.memberId().equals(t.memberId()))
                && (f.documentType() == null || f.documentType() == t.documentType())
                && (f.documentNumber() == null || f.documentNumber().equals(t.documentNumber()))
                && (f.pos() == null || f.pos().equals(t.pos()))
                && (f.purchasedFrom() == null || !t.purchaseDate().isBefore(f.purchasedFrom()))
                && (f.purchasedTo() == null || !t.purchaseDate().isAfter(f.purchasedTo()))
                && (f.grossFrom() == null || t.grossValue().compareTo(f.grossFrom()) >= 0)
                && (f.grossTo() == null || t.grossValue().compareTo(f.grossTo()) <= 0)
                && t.labels().containsAll(f.labels());
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || (actual != null && actual.equalsIgnoreCase(wanted));
    }

    private static boolean contains(String wanted, String actual) {
        return wanted == null || (actual != null
                && actual.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT)));
    }
}

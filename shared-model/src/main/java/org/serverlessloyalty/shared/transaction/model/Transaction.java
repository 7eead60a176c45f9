package org.serverlessloyalty.shared.transaction.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.serverlessloyalty.shared.earning.model.Basket;
import org.serverlessloyalty.shared.points.model.Label;

/**
 * A registered purchase or return (section 1.B.4, rules T1-T5).
 *
 * @param id                   Open Loyalty's {@code transactionId}: a UUID
 * @param revisedTransactionId a return's sale ({@code revisedDocument} resolved), null for a sale
 * @param externalId           the shop's own customer id the transaction came with (an order's shopper), matched
 *                             first (T4); null from Open Loyalty's form, which has no such field
 * @param memberId             Open Loyalty's {@code customerId}: null until matched (T4) or assigned (T-5)
 * @param pointsEarned         what earning gave it when it got its member (pending points included, section 4 item
 *                             9); null while not yet earned (no member, or the earning not finished)
 */
public record Transaction(String id, String documentNumber, DocumentType documentType, Instant purchaseDate,
                          String purchasePlace, String revisedDocument, String revisedTransactionId,
                          List<TransactionItem> items, CustomerData customerData, String externalId, String pos,
                          List<Label> labels, String memberId, Instant assignedAt, BigDecimal pointsEarned,
                          Instant createdAt) {

    public Transaction {
        items = List.copyOf(items);
        labels = labels == null ? List.of() : List.copyOf(labels);
        customerData = customerData == null ? CustomerData.NONE : customerData;
    }

    /** Rule T3: the sum of the lines' gross values (negative for a return). */
    public BigDecimal grossValue() {
        return items.stream().map(TransactionItem::grossValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isSell() {
        return documentType == DocumentType.SELL;
    }

    public Basket basket(Set<String> deliverySkus) {
        return new Basket(purchaseDate, pos, items.stream().map(TransactionItem::toBasketItem).toList(), deliverySkus);
    }

    public Transaction withMember(String member, Instant at) {
        return new Transaction(id, documentNumber, documentType, purchaseDate, purchasePlace, revisedDocument,
                revisedTransactionId, items, customerData, externalId, pos, labels, member, at, pointsEarned,
                createdAt);
    }

    public Transaction withPointsEarned(BigDecimal points) {
        return new Transaction(id, documentNumber, documentType, purchaseDate, purchasePlace, revisedDocument,
                revisedTransactionId, items, customerData, externalId, pos, labels, memberId, assignedAt, points,
                createdAt);
    }

    public Transaction withLabels(List<Label> newLabels) {
        return new Transaction(id, documentNumber, documentType, purchaseDate, purchasePlace, revisedDocument,
                revisedTransactionId, items, customerData, externalId, pos, newLabels, memberId, assignedAt,
                pointsEarned, createdAt);
    }
}

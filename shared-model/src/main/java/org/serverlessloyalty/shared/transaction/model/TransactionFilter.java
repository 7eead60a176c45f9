package org.serverlessloyalty.shared.transaction.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.serverlessloyalty.shared.points.model.Label;

/** T-2's filters; null means "any". Text filters compare case-insensitively, as Open Loyalty's search does. */
public record TransactionFilter(String loyaltyCardNumber, String name, String email, String phone, String memberId,
                                DocumentType documentType, String documentNumber, String pos, Instant purchasedFrom,
                                Instant purchasedTo, BigDecimal grossFrom, BigDecimal grossTo, List<Label> labels) {

    public static final TransactionFilter ANY = new TransactionFilter(null, null, null, null, null, null, null, null,
            null, null, null, null, List.of());

    public TransactionFilter {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}

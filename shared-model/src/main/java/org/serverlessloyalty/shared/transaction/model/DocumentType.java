package org.serverlessloyalty.shared.transaction.model;

import java.util.Locale;
import java.util.Optional;

/** Open Loyalty's {@code documentType}: a sale, or a return revising one (rule T2). */
public enum DocumentType {
    SELL,
    RETURN;

    public String openLoyaltyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DocumentType> parse(String text) {
        for (DocumentType type : values()) {
            if (type.openLoyaltyName().equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

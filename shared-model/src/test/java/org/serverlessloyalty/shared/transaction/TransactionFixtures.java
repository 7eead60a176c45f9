package org.serverlessloyalty.shared.transaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.Earned;
import org.serverlessloyalty.shared.earning.model.BasketItem;
import org.serverlessloyalty.shared.earning.port.TransactionEarning;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.CustomerData;
import org.serverlessloyalty.shared.transaction.model.DocumentType;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionItem;
import org.serverlessloyalty.shared.transaction.port.Shoppers;

/** Drafts and fakes the transaction tests share. */
public final class TransactionFixtures {

    public static final Instant BOUGHT = Instant.parse("2026-11-28T10:00:00Z");

    private TransactionFixtures() {
    }

    /** A sale of one line worth {@code gross}, for the customer with {@code email}. */
    public static Transaction sale(String documentNumber, String gross, String email) {
        return draft(documentNumber, DocumentType.SELL, null, gross, email);
    }

    public static Transaction returnOf(String documentNumber, String saleDocument, String gross, String email) {
        return draft(documentNumber, DocumentType.RETURN, saleDocument, gross, email);
    }

    public static Transaction draft(String documentNumber, DocumentType type, String revised, String gross,
                                    String email) {
        return new Transaction(null, documentNumber, type, BOUGHT, "shop", revised, null,
                List.of(new TransactionItem("SKU1", "item 1", BigDecimal.ONE, new BigDecimal(gross), "shoes", "acme",
                        List.of())),
                new CustomerData("Jan Nowak", email, null, null, null, null), null, null, List.of(), null, null,
                null, BOUGHT);
    }

    /** Earning rules for tests: one point per unit of the basket's gross value (the real engine is h10-rules'). */
    public static final TransactionEarning ONE_POINT_PER_UNIT = (store, basket, audience) -> {
        BigDecimal sum = basket.items().stream().map(BasketItem::grossValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Earned(sum.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP), List.of("per unit"));
    };

    /** The in-memory members as the transactions domain looks them up (T4: e-mail in any case). */
    public static Shoppers shoppers(InMemoryMembers members, List<MemberRef> all) {
        return new Shoppers() {
            @Override
            public Optional<MemberRef> byId(StoreCode store, String memberId) {
                return members.byId(store, memberId);
            }

            @Override
            public Optional<MemberRef> by(StoreCode store, ClaimKind kind, String value) {
                List<MemberRef> candidates = new ArrayList<>(all);
                return candidates.stream().filter(m -> m.store().equals(store)).filter(m -> switch (kind) {
                    case EMAIL -> m.email() != null && m.email().toLowerCase(Locale.ROOT)
                            .equals(value.toLowerCase(Locale.ROOT));
                    case PHONE -> value.equals(m.phone());
                    case LOYALTY_CARD_NUMBER -> value.equals(m.loyaltyCardNumber());
                    case EXTERNAL_ID -> false;
                }).findFirst().flatMap(m -> members.byId(store, m.memberId()));
            }
        };
    }
}

package org.serverlessloyalty.shared.transaction.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.transaction.TransactionFixtures.returnOf;
import static org.serverlessloyalty.shared.transaction.TransactionFixtures.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.transaction.model.CustomerData;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionRefusal;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;
import org.serverlessloyalty.shared.transaction.model.TransactionTotals;

class TransactionRulesTest {

    private static Transaction stored(Transaction draft, String id, String member, String revisedId) {
        return new Transaction(id, draft.documentNumber(), draft.documentType(), draft.purchaseDate(),
                draft.purchasePlace(), draft.revisedDocument(), revisedId, draft.items(), draft.customerData(), null,
                null, List.of(), member, Instant.EPOCH, null, Instant.EPOCH);
    }

    @Test
    void ruleT5RevokesTheReturnsShareRoundedToTwoDecimals() {
        // 10 points earned on 30.00: a return of 10.00 takes back 3.33.
        assertThat(TransactionRules.revocation(new BigDecimal("10"), new BigDecimal("30"), new BigDecimal("-10"),
                BigDecimal.ZERO)).isEqualByComparingTo("3.33");
    }

    @Test
    void sectionFourItemNineCapsTheRevocationAtWhatIsLeft() {
        assertThat(TransactionRules.revocation(new BigDecimal("100"), new BigDecimal("100"), new BigDecimal("-60"),
                new BigDecimal("70"))).isEqualByComparingTo("30");
        assertThat(TransactionRules.revocation(new BigDecimal("100"), new BigDecimal("100"), new BigDecimal("-60"),
                new BigDecimal("100"))).isZero();
    }

    @Test
    void ruleT6SellNineReturnNineCountsNothing() {
        Transaction sell = stored(sale("S", "9", null), "s", "m", null);
        Transaction ret = stored(returnOf("R", "S", "-9", null), "r", "m", "s");
        TransactionTotals totals = TransactionRules.totals(List.of(sell, ret), Set.of(), Set.of(), Set.of());
        assertThat(totals.count()).isZero();
        assertThat(totals.amount()).isEqualByComparingTo("0");
    }

    @Test
    void ruleT6SellNineReturnThreeCountsOneOfSix() {
        Transaction sell = stored(sale("S", "9", null), "s", "m", null);
        Transaction ret = stored(returnOf("R", "S", "-3", null), "r", "m", "s");
        TransactionTotals totals = TransactionRules.totals(List.of(sell, ret), Set.of(), Set.of(), Set.of());
        assertThat(totals.count()).isEqualTo(1);
        assertThat(totals.amount()).isEqualByComparingTo("6");
    }

    @Test
    void ruleL4ExcludedSkusAndDeliverySkusDoNotCount() {
        Transaction sell = stored(sale("S", "9", null), "s", "m", null);
        TransactionTotals excluded = TransactionRules.totals(List.of(sell), Set.of("SKU1"), Set.of(), Set.of());
        assertThat(excluded.amount()).isZero();
        TransactionTotals delivery = TransactionRules.totals(List.of(sell), Set.of(), Set.of(), Set.of("SKU1"));
        assertThat(delivery.amount()).isEqualByComparingTo("9");
        assertThat(delivery.amountWithoutDeliveryCost()).isZero();
    }

    @Test
    void ruleT4TriesTheExternalIdThenTheStoresPriorityWithEmailLowerCased() {
        CustomerData data = new CustomerData("Jan", "USER@OLOY.COM", "123", "card-1", null, null);
        assertThat(TransactionRules.identifiers("shop-7", data, TransactionSettings.DEFAULTS.identificationPriority()))
                .containsExactly(new TransactionRules.Identifier(ClaimKind.EXTERNAL_ID, "shop-7"),
                        new TransactionRules.Identifier(ClaimKind.PHONE, "123"),
                        new TransactionRules.Identifier(ClaimKind.LOYALTY_CARD_NUMBER, "card-1"),
                        new TransactionRules.Identifier(ClaimKind.EMAIL, "user@oloy.com"));
        assertThat(TransactionRules.identifiers(null, data, List.of(ClaimKind.EMAIL)))
                .containsExactly(new TransactionRules.Identifier(ClaimKind.EMAIL, "user@oloy.com"));
    }

    @Test
    void ruleT2ReturnsReviseAnExistingSaleOfTheSameMember() {
        Transaction sell = stored(sale("S", "9", null), "s", "m", null);
        Transaction ret = stored(returnOf("R", "S", "-9", null), "r", "m", "s");
        assertThat(TransactionRules.revisionRefusal(Optional.empty(), null))
                .contains(TransactionRefusal.REVISED_NOT_FOUND);
        assertThat(TransactionRules.revisionRefusal(Optional.of(ret), null))
                .contains(TransactionRefusal.REVISED_WRONG_TYPE);
        assertThat(TransactionRules.revisionRefusal(Optional.of(sell), "other"))
                .contains(TransactionRefusal.REVISED_WRONG_OWNER);
        assertThat(TransactionRules.revisionRefusal(Optional.of(sell), null)).isEmpty();
        assertThat(TransactionRefusal.REVISED_NOT_FOUND.message()).isEqualTo("Transaction not exist");
    }
}

package org.serverlessloyalty.shared.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.fakes.Fixtures.code;
import static org.serverlessloyalty.shared.fakes.Fixtures.store;
import static org.serverlessloyalty.shared.fakes.Fixtures.terms;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.model.CodeValue;
import org.serverlessloyalty.shared.model.GiftCode;
import org.serverlessloyalty.shared.model.Store;
import org.serverlessloyalty.shared.model.ValidationReason;
import org.serverlessloyalty.shared.model.order.OrderReport;
import org.serverlessloyalty.shared.model.order.OrderSource;
import org.serverlessloyalty.shared.model.order.OrderStatus;

/** The ledger's decisions before it writes, without DynamoDB: which codes cannot take a use, judged when. */
class OrderCodeDecisionTest {

    private static final Store PARIS = store("13");
    private static final Instant APPLIED_AT = Instant.parse("2026-12-01T10:00:00Z");

    private static OrderReport placedAt(String orderDate) {
        return new OrderReport(PARIS.code(), "o-1", OrderSource.CITRUSAD, OrderStatus.PAID, "c1",
                orderDate == null ? null : OffsetDateTime.parse(orderDate), BigDecimal.TEN, null, null, null,
                List.of(), List.of(), Map.of());
    }

    @Test
    void anOrderIsJudgedAtItsOrderDateElseWhenItIsApplied() {
        assertThat(DynamoDbOrderLedger.orderTime(placedAt("2026-11-24T23:30:00+01:00"), APPLIED_AT))
                .isEqualTo(Instant.parse("2026-11-24T22:30:00Z"));
        assertThat(DynamoDbOrderLedger.orderTime(placedAt(null), APPLIED_AT)).isEqualTo(APPLIED_AT);
    }

    @Test
    void unknownExpiredAndNotYetActiveCodesAreRefusedInOrderAndUsableOnesAreNot() {
        GiftCode expired = code(PARIS, "OLD", terms().expirationDate("2026-11-24").build());
        GiftCode early = code(PARIS, "SOON", terms().activeFrom("2026-11-26").build());
        GiftCode fine = code(PARIS, "FINE", terms().expirationDate("2026-11-25").numberOfUsage(1).build(), 1);
        List<CodeValue> wanted = List.of(CodeValue.of("GHOST"), CodeValue.of("OLD"), CodeValue.of("FINE"),
                CodeValue.of("SOON"));

        Map<CodeValue, ValidationReason> refused = DynamoDbOrderLedger.refusedBeforeWriting(wanted,
                Map.of(expired.code(), expired, early.code(), early, fine.code(), fine),
                Instant.parse("2026-11-25T12:00:00Z"), PARIS.timezone());

        // FINE is exhausted, but that is the store's condition to hold in the transaction, not decided here.
        assertThat(refused).containsExactly(
                Map.entry(CodeValue.of("GHOST"), ValidationReason.NOT_FOUND),
                Map.entry(CodeValue.of("OLD"), ValidationReason.EXPIRED),
                Map.entry(CodeValue.of("SOON"), ValidationReason.NOT_YET_ACTIVE));
    }
}

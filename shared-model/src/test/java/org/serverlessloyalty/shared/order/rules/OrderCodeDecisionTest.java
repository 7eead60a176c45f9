package org.serverlessloyalty.shared.order.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.fakes.Fixtures.code;
import static org.serverlessloyalty.shared.fakes.Fixtures.store;
import static org.serverlessloyalty.shared.fakes.Fixtures.terms;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository.CodeRead;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.store.model.Store;

/** The order's decisions before it writes, without DynamoDB: which codes cannot take a use, judged when. */
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
        assertThat(OrderPlans.orderTime(placedAt("2026-11-24T23:30:00+01:00"), APPLIED_AT))
                .isEqualTo(Instant.parse("2026-11-24T22:30:00Z"));
        assertThat(OrderPlans.orderTime(placedAt(null), APPLIED_AT)).isEqualTo(APPLIED_AT);
    }

    private static CodeRead committed(GiftCode code) {
        return new CodeRead(code, Optional.empty());
    }

    @Test
    void unknownUncommittedVoidedExpiredAndNotYetActiveCodesAreRefusedInOrderAndUsableOnesAreNot() {
        GiftCode expired = code(PARIS, "OLD", terms().expirationDate("2026-11-24").build());
        GiftCode early = code(PARIS, "SOON", terms().activeFrom("2026-11-26").build());
        GiftCode fine = code(PARIS, "FINE", terms().expirationDate("2026-11-25").numberOfUsage(1).build(), 1);
        GiftCode voided = new GiftCode(PARIS.code(), CodeValue.of("GONE"), terms().build(), 0,
                Instant.parse("2026-11-01T00:00:00Z"), "b-1", false, Instant.parse("2026-11-20T00:00:00Z"));
        GiftCode uncommitted = code(PARIS, "HALF", terms().build()).inBatch("b-2", true);
        GiftCode committedLate = code(PARIS, "LATE", terms().build()).inBatch("b-3", true);
        List<CodeValue> wanted = List.of(CodeValue.of("GHOST"), CodeValue.of("OLD"), CodeValue.of("FINE"),
                CodeValue.of("SOON"), CodeValue.of("GONE"), CodeValue.of("HALF"), CodeValue.of("LATE"));

        Map<CodeValue, ValidationReason> refused = OrderPlans.refusedBeforeWriting(wanted,
                Map.of(expired.code(), committed(expired), early.code(), committed(early), fine.code(), committed(fine),
                        voided.code(), committed(voided),
                        uncommitted.code(), new CodeRead(uncommitted, Optional.of(BatchStatus.PENDING)),
                        committedLate.code(), new CodeRead(committedLate, Optional.of(BatchStatus.COMPLETE))),
                Instant.parse("2026-11-25T12:00:00Z"), PARIS.timezone());

        // FINE is exhausted, but that is the store's condition to hold in the transaction, not decided here;
        // LATE's batch committed, so its pending mark (not yet cleared) does not refuse it.
        assertThat(refused).containsExactly(
                Map.entry(CodeValue.of("GHOST"), ValidationReason.NOT_FOUND),
                Map.entry(CodeValue.of("OLD"), ValidationReason.EXPIRED),
                Map.entry(CodeValue.of("SOON"), ValidationReason.NOT_YET_ACTIVE),
                Map.entry(CodeValue.of("GONE"), ValidationReason.VOIDED),
                Map.entry(CodeValue.of("HALF"), ValidationReason.NOT_FOUND));
    }
}

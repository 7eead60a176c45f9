package org.serverlessloyalty.shared.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** How a cancelled transaction reads as a plan's result, without DynamoDB. */
class TransactionsTest {

    private static final List<Transactions.Write<String>> WRITES = List.of(
            new Transactions.Write<>(TransactWriteItem.builder().build(), "record order"),
            new Transactions.Write<>(TransactWriteItem.builder().build(), "take a use of A"),
            new Transactions.Write<>(TransactWriteItem.builder().build(), null),
            new Transactions.Write<>(TransactWriteItem.builder().build(), "take a use of B"));

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder().message("Transaction cancelled")
                .cancellationReasons(Arrays.stream(codes).map(c -> CancellationReason.builder().code(c).build()).toList())
                .build();
    }

    @Test
    void namesEveryStepWhoseConditionFailed() {
        PlanResult<String> result = Transactions.cancelled(
                cancelled("None", "ConditionalCheckFailed", "None", "ConditionalCheckFailed"), WRITES);
        assertThat(result).isEqualTo(new PlanResult.Refused<>(List.of("take a use of A", "take a use of B")));
    }

    @Test
    void aConflictOrThrottlingWithoutAFailedConditionIsContention() {
        assertThat(Transactions.cancelled(cancelled("None", "TransactionConflict", "None", "None"), WRITES))
                .isInstanceOf(PlanResult.Contended.class);
        assertThat(Transactions.cancelled(cancelled("ThrottlingError", "None", "None", "None"), WRITES))
                .isEqualTo(new PlanResult.Contended<String>("ThrottlingError"));
    }

    @Test
    void aFailedConditionWinsOverAConflictOnAnotherItem() {
        assertThat(Transactions.cancelled(cancelled("TransactionConflict", "ConditionalCheckFailed", "None", "None"),
                WRITES)).isEqualTo(new PlanResult.Refused<>(List.of("take a use of A")));
    }

    @Test
    void anyOtherCancellationIsNotADecisionToTake() {
        assertThatThrownBy(() -> Transactions.cancelled(cancelled("ValidationError", "None", "None", "None"), WRITES))
                .isInstanceOf(TransactionCanceledException.class);
        assertThatThrownBy(() -> Transactions.cancelled(cancelled("None", "None", "ConditionalCheckFailed", "None"),
                WRITES)).isInstanceOf(IllegalStateException.class);
    }
}

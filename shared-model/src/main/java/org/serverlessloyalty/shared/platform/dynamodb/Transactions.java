package org.serverlessloyalty.shared.platform.dynamodb;

import java.util.ArrayList;
import java.util.List;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Executes a plan as one DynamoDB transaction and says which step's condition failed: the mechanics every
 * domain adapter shares, so each adapter only maps its steps to items.
 */
public final class Transactions {

    /** DynamoDB's limit on actions in one TransactWriteItems. */
    public static final int MAX_ITEMS = 100;

    /** One action of the transaction and the domain step it writes (null for writes no decision depends on). */
    public record Write<S>(TransactWriteItem item, S step) {
    }

    private Transactions() {
    }

    /**
     * @return Committed; Refused naming the steps whose ConditionalCheckFailed (nothing was written); or Contended
     *         when the transaction was cancelled by a concurrent one or throttled without any condition failing
     * @throws TransactionCanceledException cancelled for another reason (a validation error is a bug, not a limit)
     */
    public static <S> PlanResult<S> execute(DynamoDbClient dynamoDb, List<Write<S>> writes) {
        if (writes.isEmpty() || writes.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("A transaction holds 1-" + MAX_ITEMS + " writes, not " + writes.size());
        }
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(writes.stream().map(Write::item).toList()));
            return new PlanResult.Committed<>();
        } catch (TransactionCanceledException e) {
            return cancelled(e, writes);
        }
    }

    /** What a cancelled transaction means for the plan (also for adapters that send the transaction themselves). */
    public static <S> PlanResult<S> cancelled(TransactionCanceledException e, List<Write<S>> writes) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        List<S> failed = new ArrayList<>();
        boolean contended = false;
        for (int i = 0; i < reasons.size() && i < writes.size(); i++) {
            String code = reasons.get(i).code();
            if ("ConditionalCheckFailed".equals(code)) {
                S step = writes.get(i).step();
                if (step == null) {
                    throw new IllegalStateException("A write without a step failed its condition", e);
                }
                failed.add(step);
            } else if ("TransactionConflict".equals(code) || "ThrottlingError".equals(code)
                    || "ProvisionedThroughputExceeded".equals(code)) {
                contended = true;
            } else if (code != null && !"None".equals(code)) {
                throw e;
            }
        }
        if (!failed.isEmpty()) {
            return new PlanResult.Refused<>(failed);
        }
        if (contended) {
            return new PlanResult.Contended<>(reasons.stream().map(CancellationReason::code)
                    .filter(c -> c != null && !"None".equals(c)).findFirst().orElse("contention"));
        }
        throw e;
    }
}

package org.serverlessloyalty.shared.platform.idempotency.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.idempotency.AlreadyRecordedException;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link Transactions#execute} with an idempotency record riding along: the business writes and the record
 * commit together or not at all. Any domain adapter executes its plan through this.
 */
public final class IdempotentTransactions {

    /** The writes one plan may have when a record rides along. */
    public static final int MAX_PLAN_ITEMS_WITH_RECORD = Transactions.MAX_ITEMS - 1;

    /** Marks the record's write among the plan's steps. */
    private static final Object RECORD = new Object();

    private IdempotentTransactions() {
    }

    /**
     * @throws AlreadyRecordedException when a live record of the key exists: a concurrent request with the key
     *                                  committed first (nothing of this one was written)
     */
    @SuppressWarnings("unchecked")
    public static <S> PlanResult<S> execute(DynamoDbClient dynamoDb, String table, List<Transactions.Write<S>> writes,
                                            Optional<IdempotencyRecord> record, Instant now) {
        if (record.isEmpty()) {
            return Transactions.execute(dynamoDb, writes);
        }
        List<Transactions.Write<Object>> all = new ArrayList<>(writes.size() + 1);
        writes.forEach(w -> all.add(new Transactions.Write<>(w.item(), w.step())));
        all.add(new Transactions.Write<>(IdempotencyItems.put(table, record.get(), now), RECORD));
        PlanResult<Object> result = Transactions.execute(dynamoDb, all);
        if (result instanceof PlanResult.Refused<Object> refused) {
            if (refused.failed().contains(RECORD)) {
                throw new AlreadyRecordedException();
            }
            return new PlanResult.Refused<>(refused.failed().stream().map(s -> (S) s).toList());
        }
        return (PlanResult<S>) result;
    }
}

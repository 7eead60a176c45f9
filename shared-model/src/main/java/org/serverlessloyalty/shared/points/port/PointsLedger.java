package org.serverlessloyalty.shared.points.port;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Predicate;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.LedgerAccount;
import org.serverlessloyalty.shared.points.model.LedgerPlan;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.TallyKey;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** The points ledger's store: members' accounts (their transfers) and the store's histogram counters. */
public interface PointsLedger {

    /** DynamoDB's limit on the writes of one transaction: a plan (and its idempotency record) must fit. */
    int MAX_TRANSACTION_ITEMS = 100;

    /**
     * The member's lots and blocks, oldest first, as committed (strongly consistent): what the status (rules P1,
     * P11) and every plan are computed from. One Query.
     */
    List<PointsTransfer> account(StoreCode store, String memberId);

    /**
     * {@link #account} with the member's account version ({@link LedgerAccount}), in the same strongly consistent
     * Query: what the spends, blocks and p2p sends decide on.
     */
    LedgerAccount versionedAccount(StoreCode store, String memberId);

    /** Every transfer of the member (lots, blocks, spends, p2p), oldest first. One Query. */
    List<PointsTransfer> transfers(StoreCode store, String memberId);

    /**
     * The transfer with this id in the store, from an index: its immutable fields (member, type) are exact, its
     * balance may lag the table by DynamoDB's index propagation (milliseconds), and one created a moment ago may
     * not be found yet. Read the member's {@link #account} for the current state.
     */
    Optional<PointsTransfer> find(StoreCode store, TransferId id);

    /**
     * The store's transfers in creation order (newest first when asked) that {@code keep} accepts, at most
     * {@code limit} of them: a Query of the store's transfers read page by page until {@code limit} are kept.
     */
    List<PointsTransfer> storeTransfers(StoreCode store, boolean newestFirst, Predicate<PointsTransfer> keep, int limit);

    /**
     * Executes the plan as one transaction, with the idempotency record when given.
     *
     * @throws org.serverlessloyalty.shared.platform.idempotency.AlreadyRecordedException when the record's key was
     *         recorded by a concurrent request first (nothing was written)
     */
    PlanResult<LedgerStep> execute(LedgerPlan plan, Optional<IdempotencyRecord> record);

    /** The histogram counters of {@code type} summed per day from {@code from} to {@code to} (inclusive); days without any are absent. */
    SortedMap<LocalDate, BigDecimal> histogram(StoreCode store, HistogramType type, LocalDate from, LocalDate to);

    /** Counter {@code key}'s value as committed (0 when never added to). */
    BigDecimal tally(StoreCode store, TallyKey key);
}

package org.serverlessloyalty.points.level;

import java.time.Duration;
import org.serverlessloyalty.shared.level.port.LevelRepository;
import org.serverlessloyalty.shared.level.port.LevelSettingsRepository;
import org.serverlessloyalty.shared.segment.port.SegmentRepository;
import org.serverlessloyalty.shared.transaction.model.TransactionTotals;
import org.serverlessloyalty.shared.transaction.port.MemberTransactions;

/**
 * What the points function needs for levels and segments (issue 10, h10-levels).
 *
 * @param transactions a member's transaction totals (T6, for levels by transactions, L4); the transactions domain's
 *                     implementation is wired in by the points handler
 * @param settingsTtl  how long an instance keeps a store's level settings ({@code StoreCacheSeconds})
 */
public record LevelPorts(LevelRepository levels, LevelSettingsRepository settings, SegmentRepository segments,
                         MemberTransactions transactions, Duration settingsTtl) {

    /**
     * Until the transactions domain (branch h10-tx) is merged, no member has a transaction, so their totals are none;
     * the merge replaces this with its DynamoDB {@code MemberTransactions}.
     */
    public static final MemberTransactions TRANSACTIONS_NOT_WIRED =
            (store, memberId, skus, categories) -> TransactionTotals.NONE;
}

package org.serverlessloyalty.shared.level.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.serverlessloyalty.shared.level.port.LevelRecalculation;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.LedgerAccount;
import org.serverlessloyalty.shared.points.model.LedgerPlan;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TallyKey;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The points ledger, with every member a committed plan touched recalculated right after (rule L3: "on every change
 * to available points"): add, spend, block, cancel, activate, expire, p2p (both members), import, and whatever other
 * domain adds points through {@code PointsTransfers}. One place, so no points route can forget it.
 *
 * <p>The recalculation runs after the commit and is idempotent; when it fails (the store unreachable a moment), the
 * points change stands and is answered as done, the failure is logged, and the member's next change or the scheduled
 * recalculation places them.
 */
public final class LevelTrackingLedger implements PointsLedger {

    private static final Logger LOG = LoggerFactory.getLogger(LevelTrackingLedger.class);

    private final PointsLedger ledger;
    private final LevelRecalculation levels;
    private final Function<StoreCode, Optional<ZoneId>> zones;

    /** @param zones the store's time zone (the points' expiry days are the store's, rule P5) */
    public LevelTrackingLedger(PointsLedger ledger, LevelRecalculation levels,
                               Function<StoreCode, Optional<ZoneId>> zones) {
        this.ledger = ledger;
        this.levels = levels;
        this.zones = zones;
    }

    @Override
    public PlanResult<LedgerStep> execute(LedgerPlan plan, Optional<IdempotencyRecord> record) {
        PlanResult<LedgerStep> result = ledger.execute(plan, record);
        if (result instanceof PlanResult.Committed<LedgerStep>) {
            recalculate(plan);
        }
        return result;
    }

    private void recalculate(LedgerPlan plan) {
        Set<String> members = new LinkedHashSet<>();
        plan.steps().forEach(step -> {
            if (step.memberId() != null) {
                members.add(step.memberId());
            }
        });
        for (String memberId : members) {
            ZoneId zone = zones.apply(plan.store()).orElse(ZoneId.of("UTC"));
            recalculateAfterCommit(levels, new StoreZone(plan.store(), zone), memberId);
        }
    }

    /**
     * Recalculates after something was committed (a points change, a registration, L6): a failure is logged, not
     * thrown, so the committed change is answered as done; the member's next change places them.
     */
    public static void recalculateAfterCommit(LevelRecalculation levels, StoreZone store, String memberId) {
        try {
            levels.recalculate(store, memberId);
        } catch (RuntimeException e) {
            LOG.warn("Level recalculation failed after a committed change; store={} member={}",
                    store.code().value(), memberId, e);
        }
    }

    @Override
    public List<PointsTransfer> account(StoreCode store, String memberId) {
        return ledger.account(store, memberId);
    }

    @Override
    public LedgerAccount versionedAccount(StoreCode store, String memberId) {
        return ledger.versionedAccount(store, memberId);
    }

    @Override
    public List<PointsTransfer> transfers(StoreCode store, String memberId) {
        return ledger.transfers(store, memberId);
    }

    @Override
    public Optional<PointsTransfer> find(StoreCode store, TransferId id) {
        return ledger.find(store, id);
    }

    @Override
    public List<PointsTransfer> storeTransfers(StoreCode store, boolean newestFirst, Predicate<PointsTransfer> keep,
                                               int limit) {
        return ledger.storeTransfers(store, newestFirst, keep, limit);
    }

    @Override
    public SortedMap<LocalDate, BigDecimal> histogram(StoreCode store, HistogramType type, LocalDate from,
                                                      LocalDate to) {
        return ledger.histogram(store, type, from, to);
    }

    @Override
    public BigDecimal tally(StoreCode store, TallyKey key) {
        return ledger.tally(store, key);
    }
}

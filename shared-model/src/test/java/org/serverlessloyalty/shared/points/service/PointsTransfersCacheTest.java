package org.serverlessloyalty.shared.points.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerAccount;
import org.serverlessloyalty.shared.points.model.LedgerPlan;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The account cache's rules in {@link PointsTransfers}: a spend decides on the instance's cached account (one
 * transaction, no read), holds the version it was decided on, drops the cache and decides again on a fresh read
 * when its transaction is refused, and never answers a refusal decided on the cache.
 */
class PointsTransfersCacheTest {

    private static final StoreCode STORE = new StoreCode("13");
    private static final StoreZone ZONE = new StoreZone(STORE, ZoneId.of("Europe/Paris"));
    private static final String ALICE = "alice";
    private static final Instant T0 = Instant.parse("2026-06-10T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedLedger ledger = new ScriptedLedger();
    private final InMemoryMembers members = new InMemoryMembers();
    private final PointsTransfers transfers = new PointsTransfers(ledger, members, s -> PointsSettings.DEFAULTS, clock);

    PointsTransfersCacheTest() {
        members.add(STORE, ALICE);
    }

    @Test
    void spendsFromTheCachedAccountWithoutReadingItAgain() {
        PointsTransfer lot = lot("100", T0.minusSeconds(60), null);
        ledger.stored = new LedgerAccount(List.of(lot), 2);

        assertThat(spend("10")).isInstanceOf(TransferOutcome.Done.class);
        assertThat(spend("20")).isInstanceOf(TransferOutcome.Done.class);

        assertThat(ledger.reads).isEqualTo(1);
        assertThat(ledger.executed).hasSize(2);
        assertThat(takes(ledger.executed.get(1))).containsExactly(new Take(lot.id(), "20"));
        assertThat(ledger.executed.get(1).steps()).contains(new LedgerStep.CheckVersion(ALICE, 2));
    }

    @Test
    void aRefusalIsNeverDecidedOnTheCacheButOnAFreshRead() {
        PointsTransfer old = lot("100", T0.minusSeconds(60), null);
        ledger.stored = new LedgerAccount(List.of(old), 0);
        spend("90");
        // The other instance added 50 points meanwhile: this instance's cache holds 10 points only.
        PointsTransfer added = lot("50", T0.minusSeconds(30), null);
        ledger.stored = new LedgerAccount(List.of(old.withAvailable(Points.of("10")), added), 0);

        assertThat(spend("30")).isInstanceOf(TransferOutcome.Done.class);

        assertThat(ledger.reads).isEqualTo(2);
        assertThat(takes(ledger.executed.get(1))).containsExactly(new Take(old.id(), "10"), new Take(added.id(), "20"));
    }

    @Test
    void refusesNotEnoughPointsOnlyAfterAFreshReadFallsShortToo() {
        PointsTransfer lot = lot("100", T0.minusSeconds(60), null);
        ledger.stored = new LedgerAccount(List.of(lot), 0);
        spend("90");
        ledger.stored = new LedgerAccount(List.of(lot.withAvailable(Points.of("10"))), 0);

        assertThat(spend("30")).isEqualTo(new TransferOutcome.Refused(Refusal.NOT_ENOUGH_POINTS));

        assertThat(ledger.reads).isEqualTo(2);
        assertThat(ledger.executed).hasSize(1);
    }

    @Test
    void dropsTheCachedAccountAndDecidesAgainOnAFreshReadWhenACachedLotNoLongerHolds() {
        PointsTransfer lot = lot("100", T0.minusSeconds(60), null);
        ledger.stored = new LedgerAccount(List.of(lot), 0);
        spend("10");
        // The other instance spent 80 of what this cache still counts: the take's condition fails at commit.
        ledger.stored = new LedgerAccount(List.of(lot.withAvailable(Points.of("10"))), 0);
        ledger.results.add(new PlanResult.Refused<>(List.of(new LedgerStep.Take(ALICE, lot.id(), Points.of("20"), T0))));

        assertThat(spend("20")).isEqualTo(new TransferOutcome.Refused(Refusal.NOT_ENOUGH_POINTS));
        assertThat(ledger.reads).isEqualTo(2);

        ledger.stored = new LedgerAccount(List.of(lot.withAvailable(Points.of("60"))), 0);
        ledger.results.add(new PlanResult.Refused<>(List.of(new LedgerStep.Take(ALICE, lot.id(), Points.of("5"), T0))));
        assertThat(spend("5")).isInstanceOf(TransferOutcome.Done.class);
        assertThat(ledger.reads).isEqualTo(3);
        assertThat(takes(ledger.executed.get(ledger.executed.size() - 1))).containsExactly(new Take(lot.id(), "5"));
    }

    @Test
    void aCachedDecisionHoldsItsVersionAndAnOlderLotActivatedElsewhereIsDrawnFirstOnceTheCheckFails() {
        PointsTransfer locked = lot("40", T0.minusSeconds(120), T0.plus(Duration.ofDays(2)));
        PointsTransfer active = lot("100", T0.minusSeconds(60), null);
        ledger.stored = new LedgerAccount(List.of(locked, active), 0);
        spend("10");
        assertThat(ledger.executed.get(0).steps()).contains(new LedgerStep.CheckVersion(ALICE, 0));
        // The other instance activated the older lot: it bumped the version, so the cached decision (taking from
        // the newer lot) is refused by its version check.
        ledger.stored = new LedgerAccount(List.of(locked.activated(T0), active.withAvailable(Points.of("90"))), 1);
        ledger.results.add(new PlanResult.Refused<>(List.of(new LedgerStep.CheckVersion(ALICE, 0))));

        assertThat(spend("5")).isInstanceOf(TransferOutcome.Done.class);

        LedgerPlan cached = ledger.executed.get(1);
        LedgerPlan fresh = ledger.executed.get(2);
        assertThat(takes(cached)).containsExactly(new Take(active.id(), "5"));
        assertThat(takes(fresh)).containsExactly(new Take(locked.id(), "5"));
        assertThat(fresh.steps()).contains(new LedgerStep.CheckVersion(ALICE, 1));
        assertThat(ledger.reads).isEqualTo(2);
    }

    @Test
    void onlyTheActionsGivingAnExistingLotPointsBumpTheVersion() {
        PointsTransfer locked = lot("40", T0.minusSeconds(120), T0.plus(Duration.ofDays(2)));
        PointsTransfer active = lot("100", T0.minusSeconds(60), null);
        ledger.stored = new LedgerAccount(List.of(locked, active), 0);
        spend("10");
        transfers.add(ZONE, new AddPoints(ALICE, new BigDecimal("5"), null, Issuer.ADMIN, null), Claim.none());
        transfers.activate(ZONE, locked.id(), Claim.none());

        assertThat(ledger.executed).hasSize(3);
        assertThat(ledger.executed.get(0).steps()).noneMatch(s -> s instanceof LedgerStep.BumpVersion);
        assertThat(ledger.executed.get(1).steps()).noneMatch(s -> s instanceof LedgerStep.BumpVersion);
        assertThat(ledger.executed.get(2).steps()).contains(new LedgerStep.BumpVersion(ALICE));
    }

    @Test
    void anAddDropsTheCachedAccountSoALotAddedElsewhereBeforeItIsNeverSkipped() {
        PointsTransfer lot = lot("10", T0.minusSeconds(60), null);
        ledger.stored = new LedgerAccount(List.of(lot), 0);
        spend("5");
        // Another instance adds a lot, then this one: the copy must not hold this one's lot without the other's.
        PointsTransfer elsewhere = lot("30", T0.minusSeconds(20), null);
        transfers.add(ZONE, new AddPoints(ALICE, new BigDecimal("50"), null, Issuer.ADMIN, null), Claim.none());
        PointsTransfer mine = lot("50", T0.minusSeconds(10), null);
        ledger.stored = new LedgerAccount(List.of(lot.withAvailable(Points.of("5")), elsewhere, mine), 0);

        assertThat(spend("20")).isInstanceOf(TransferOutcome.Done.class);
        assertThat(ledger.reads).as("the add dropped the cached account").isEqualTo(2);
        assertThat(takes(ledger.executed.get(2))).containsExactly(new Take(lot.id(), "5"), new Take(elsewhere.id(), "15"));

        PointsTransfer locked = lot("7", T0.minusSeconds(10), T0.plus(Duration.ofDays(1)));
        ledger.stored = new LedgerAccount(List.of(locked), 0);
        assertThat(transfers.activate(ZONE, locked.id(), Claim.none())).isInstanceOf(TransferOutcome.Done.class);
        int reads = ledger.reads;
        spend("1");
        assertThat(ledger.reads).as("the activate dropped the cached account").isEqualTo(reads + 1);
    }

    @Test
    void keepsTheAccountsOfTheMostRecentlyServedMembersOnly() {
        AccountCache cache = new AccountCache(2);
        LedgerAccount account = new LedgerAccount(List.of(lot("1", T0.minusSeconds(1), null)), 0);
        cache.put(STORE, "a", account, T0);
        cache.put(STORE, "b", account, T0);
        cache.get(STORE, "a");
        cache.put(STORE, "c", account, T0);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(STORE, "a")).isPresent();
        assertThat(cache.get(STORE, "b")).isEmpty();
        assertThat(cache.get(STORE, "c")).isPresent();
    }

    private TransferOutcome spend(String points) {
        return transfers.spend(ZONE, new SpendPoints(ALICE, new BigDecimal(points), null, Issuer.ADMIN, null),
                Claim.none());
    }

    private static PointsTransfer lot(String points, Instant createdAt, Instant lockedUntil) {
        return PointsTransfer.lot(STORE, TransferId.newAt(createdAt), ALICE, TransferType.ADDING, Points.of(points),
                createdAt, lockedUntil, null, Issuer.ADMIN, "test lot", null, null, null, null);
    }

    private record Take(TransferId lot, BigDecimal points) {
        Take(TransferId lot, String points) {
            this(lot, new BigDecimal(points).setScale(Points.SCALE));
        }
    }

    private static List<Take> takes(LedgerPlan plan) {
        return plan.steps().stream().filter(s -> s instanceof LedgerStep.Take).map(s -> (LedgerStep.Take) s)
                .map(t -> new Take(t.lot(), t.points().value().setScale(Points.SCALE))).toList();
    }

    /** A ledger that answers reads with {@link #stored} and plans with {@link #results} (committed when empty). */
    private static final class ScriptedLedger implements PointsLedger {
        LedgerAccount stored = new LedgerAccount(List.of(), 0);
        final Deque<PlanResult<LedgerStep>> results = new ArrayDeque<>();
        final List<LedgerPlan> executed = new ArrayList<>();
        int reads;

        @Override
        public List<PointsTransfer> account(StoreCode store, String memberId) {
            return versionedAccount(store, memberId).transfers();
        }

        @Override
        public LedgerAccount versionedAccount(StoreCode store, String memberId) {
            reads++;
            return stored;
        }

        @Override
        public List<PointsTransfer> transfers(StoreCode store, String memberId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<PointsTransfer> find(StoreCode store, TransferId id) {
            return stored.transfers().stream().filter(t -> t.id().equals(id)).findFirst();
        }

        @Override
        public List<PointsTransfer> storeTransfers(StoreCode store, boolean newestFirst, Predicate<PointsTransfer> keep,
                                                   int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PlanResult<LedgerStep> execute(LedgerPlan plan, Optional<IdempotencyRecord> record) {
            executed.add(plan);
            return results.isEmpty() ? PlanResult.committed() : results.poll();
        }

        @Override
        public SortedMap<LocalDate, BigDecimal> histogram(StoreCode store, HistogramType type, LocalDate from,
                                                          LocalDate to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BigDecimal tally(StoreCode store, org.serverlessloyalty.shared.points.model.TallyKey key) {
            throw new UnsupportedOperationException();
        }
    }
}

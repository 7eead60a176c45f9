package org.serverlessloyalty.shared.points.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.points.dynamodb.PointsHarness.done;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.BlockPoints;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.HistogramInterval;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerPlan;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.model.TransferPage;
import org.serverlessloyalty.shared.points.model.TransferQuery;
import org.serverlessloyalty.shared.points.model.TransferState;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.testing.CallCounter;
import org.serverlessloyalty.shared.testing.LocalTable;

/** The points ledger on the in-process DynamoDB: every limit held by a condition, states exact at every read. */
class DynamoDbPointsLedgerIT {

    private static final LocalTable TABLE = LocalTable.create();
    /** 2026-05-20 12:00 in Paris. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T10:00:00Z"));
    private PointsHarness points;

    @BeforeEach
    void setUp() {
        points = new PointsHarness(TABLE.client(), TABLE.name(), clock);
        points.member("alice");
        points.member("bob");
    }

    private List<PointsTransfer> account(String member) {
        return points.ledger.account(points.store.code(), member);
    }

    @Test
    void p10SendsHundredOfTwentyAndTwoHundredAsTwoReceivingTransfersInOneTransaction() {
        TransferId twenty = points.added("alice", "20");
        clock.advance(Duration.ofSeconds(1));
        TransferId twoHundred = points.added("alice", "200");
        TransferOutcome.Done sent = done(points.send("alice@example.com", "bob", "100"));

        List<PointsTransfer> bob = account("bob");
        assertThat(bob).extracting(PointsTransfer::value).containsExactly(Points.of(20), Points.of(80));
        assertThat(bob).extracting(PointsTransfer::sourceTransferId).containsExactly(twenty, twoHundred);
        assertThat(bob).allSatisfy(t -> assertThat(t.type()).isEqualTo(TransferType.P2P_ADDING));
        assertThat(points.status("alice").points()).isEqualTo(Points.of(120));
        assertThat(points.status("bob").points()).isEqualTo(Points.of(100));
        assertThat(points.status("bob").p2pPoints()).isEqualTo(Points.of(100));
        assertThat(points.status("bob").totalEarnedPoints()).isEqualTo(Points.ZERO);
        assertThat(points.status("alice").totalEarnedPoints()).isEqualTo(Points.of(220));
        PointsTransfer spending = points.ledger.find(points.store.code(), sent.id()).orElseThrow();
        assertThat(spending.type()).isEqualTo(TransferType.P2P_SPENDING);
        assertThat(spending.receiverId()).isEqualTo("bob");
    }

    @Test
    void p10UnknownReceiverSelfAndZeroAreRefusedWithOpenLoyaltysTexts() {
        points.added("alice", "20");
        assertThat(points.send("alice", "nobody@example.com", "5"))
                .isEqualTo(new TransferOutcome.Refused(Refusal.NO_SUCH_RECEIVER));
        assertThat(((TransferOutcome.Refused) points.send("alice", "alice@example.com", "5")).refusal().message())
                .isEqualTo("transferring points to yourself is forbidden");
        assertThat(((TransferOutcome.Refused) points.send("alice", "bob", "0")).refusal().kind())
                .isEqualTo(Refusal.Kind.INVALID_FIELD);
        assertThat(((TransferOutcome.Refused) points.send("alice", "bob", "21")).refusal().message())
                .isEqualTo("not enough points");
    }

    @Test
    void aPlanReadBeforeAConcurrentSpendCommitsNothing() {
        TransferId lot = points.added("alice", "10");
        // Decided on the account as it was, then another spend takes 6 before this plan reaches DynamoDB.
        LedgerPlan stale = new LedgerPlan(points.store.code(), List.of(
                new LedgerStep.Take("alice", lot, Points.of(8), clock.instant())));
        done(points.spend("alice", "6"));
        PlanResult<LedgerStep> result = points.ledger.execute(stale, Optional.empty());
        assertThat(result).isEqualTo(new PlanResult.Refused<>(stale.steps()));
        assertThat(account("alice").get(0).available()).isEqualTo(Points.of(4));
    }

    @Test
    void aTakeFromALotThatExpiredIsRefusedByDynamoDbWhateverThePlanSays() {
        points.settings.set(new PointsSettings(ExpiryMode.AFTER_X_DAYS, 1, 0, Set.of("active"), Set.of("active"), false));
        TransferId lot = points.added("alice", "10");
        Instant expired = account("alice").get(0).expiresAt();
        LedgerPlan plan = new LedgerPlan(points.store.code(), List.of(new LedgerStep.Take("alice", lot, Points.of(1), expired)));
        assertThat(points.ledger.execute(plan, Optional.empty())).isInstanceOf(PlanResult.Refused.class);
        LedgerPlan before = new LedgerPlan(points.store.code(), List.of(
                new LedgerStep.Take("alice", lot, Points.of(1), expired.minusMillis(1))));
        assertThat(points.ledger.execute(before, Optional.empty())).isInstanceOf(PlanResult.Committed.class);
    }

    @Test
    void item7ExpiryAndUnlockAreExactAtEveryReadAndSpendWithoutAnyJob() {
        points.settings.set(new PointsSettings(ExpiryMode.AFTER_X_DAYS, 2, 1, Set.of("active"), Set.of("active"), false));
        points.added("alice", "10");
        assertThat(points.status("alice").lockedPoints()).isEqualTo(Points.of(10));
        assertThat(points.spend("alice", "1")).isEqualTo(new TransferOutcome.Refused(Refusal.NOT_ENOUGH_POINTS));
        clock.advance(Duration.ofDays(1));             // 21 May 12:00: unlocked at this very instant
        assertThat(points.status("alice").points()).isEqualTo(Points.of(10));
        done(points.spend("alice", "1"));
        // Locked until 21 May, so the last day is 23 May; the points count until 23:59:59.999 in Paris.
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-05-23T21:59:59.999Z")));
        assertThat(points.status("alice").points()).isEqualTo(Points.of(9));
        clock.advance(Duration.ofMillis(1));
        AccountStatus after = points.status("alice");
        assertThat(after.points()).isEqualTo(Points.ZERO);
        assertThat(after.expiredPoints()).isEqualTo(Points.of(9));
        assertThat(points.spend("alice", "1")).isEqualTo(new TransferOutcome.Refused(Refusal.NOT_ENOUGH_POINTS));
    }

    @Test
    void statusIsOneQuery() {
        points.added("alice", "10");
        done(points.spend("alice", "3"));
        CallCounter counter = new CallCounter();
        DynamoDbPointsLedger counted = new DynamoDbPointsLedger(TABLE.countedClient(counter), TABLE.name(), clock);
        new org.serverlessloyalty.shared.points.service.PointsAccounts(counted, clock).status(points.store, "alice");
        assertThat(counter.count("Query")).isEqualTo(1);
        assertThat(counter.count("GetItem")).isZero();
    }

    @Test
    void item8CancellingAPartlySpentLotRecordsWhatWasSpentAndDropsOnlyTheRest() {
        TransferId lot = points.added("alice", "50");
        done(points.spend("alice", "12.50"));
        assertThat(points.transfers.cancel(points.store, lot, Claim.none())).isInstanceOf(TransferOutcome.Done.class);
        PointsTransfer cancelled = account("alice").get(0);
        assertThat(cancelled.stateAt(clock.instant())).isEqualTo(TransferState.CANCELED);
        assertThat(cancelled.consumedAtCancel()).isEqualTo(Points.of("12.50"));
        AccountStatus s = points.status("alice");
        assertThat(s.points()).isEqualTo(Points.ZERO);
        assertThat(s.usedPoints()).isEqualTo(Points.of("12.50"));
        assertThat(s.totalEarnedPoints()).isEqualTo(Points.ZERO);
        // P9: cancelling again answers as before and changes nothing.
        assertThat(points.transfers.cancel(points.store, lot, Claim.none())).isEqualTo(new TransferOutcome.Unchanged(lot));
    }

    @Test
    void p9SpendsAndP2pTransfersCannotBeCancelledAndUnknownIdsAreNotFound() {
        points.added("alice", "50");
        TransferId spend = done(points.spend("alice", "5")).id();
        TransferId p2p = done(points.send("alice", "bob", "5")).id();
        TransferId received = account("bob").get(0).id();
        for (TransferId id : List.of(spend, p2p, received)) {
            assertThat(points.transfers.cancel(points.store, id, Claim.none()))
                    .isEqualTo(new TransferOutcome.Refused(Refusal.CANNOT_CANCEL));
        }
        assertThat(points.transfers.cancel(points.store, TransferId.newAt(clock.instant()), Claim.none()))
                .isEqualTo(new TransferOutcome.Refused(Refusal.TRANSFER_NOT_FOUND));
        assertThat(points.status("alice").points()).isEqualTo(Points.of(40));
    }

    @Test
    void b9ABlockHoldsPointsUntilItsCancelGivesThemBack() {
        points.added("alice", "30");
        TransferId block = done(points.transfers.block(points.store,
                new BlockPoints("alice", new BigDecimal("25"), "fraud check", Issuer.ADMIN), Claim.none())).id();
        AccountStatus held = points.status("alice");
        assertThat(held.points()).isEqualTo(Points.of(5));
        assertThat(held.blockedPoints()).isEqualTo(Points.of(25));
        assertThat(held.usedPoints()).isEqualTo(Points.ZERO);
        assertThat(points.spend("alice", "6")).isEqualTo(new TransferOutcome.Refused(Refusal.NOT_ENOUGH_POINTS));
        done(points.transfers.cancel(points.store, block, Claim.none()));
        AccountStatus back = points.status("alice");
        assertThat(back.points()).isEqualTo(Points.of(30));
        assertThat(back.blockedPoints()).isEqualTo(Points.ZERO);
        PointsTransfer unblocked = account("alice").stream().filter(t -> t.id().equals(block)).findFirst().orElseThrow();
        assertThat(unblocked.returnedAtCancel()).isEqualTo(Points.of(25));
        assertThat(points.transfers.cancel(points.store, block, Claim.none())).isEqualTo(new TransferOutcome.Unchanged(block));
        assertThat(points.status("alice").points()).isEqualTo(Points.of(30));
    }

    @Test
    void b10b11ActivateOnlyPendingAndExpireOnlyActiveTransfers() {
        points.settings.set(new PointsSettings(ExpiryMode.NEVER, 1, 3, Set.of("active"), Set.of("active"), false));
        TransferId lot = points.added("alice", "10");
        assertThat(points.transfers.expire(points.store, lot, Claim.none()))
                .isEqualTo(new TransferOutcome.Refused(Refusal.CANNOT_EXPIRE));
        done(points.transfers.activate(points.store, lot, Claim.none()));
        assertThat(points.status("alice").points()).isEqualTo(Points.of(10));
        assertThat(points.transfers.activate(points.store, lot, Claim.none()))
                .isEqualTo(new TransferOutcome.Refused(Refusal.CANNOT_ACTIVATE));
        done(points.transfers.expire(points.store, lot, Claim.none()));
        AccountStatus s = points.status("alice");
        assertThat(s.points()).isEqualTo(Points.ZERO);
        assertThat(s.expiredPoints()).isEqualTo(Points.of(10));
        assertThat(account("alice").get(0).expiredAt()).isEqualTo(clock.instant());
    }

    @Test
    void p12ListsFilterByMemberTypeStateAndExpiryAndPageWithATotal() {
        points.settings.set(new PointsSettings(ExpiryMode.AFTER_X_DAYS, 10, 0, Set.of("active"), Set.of("active"), false));
        points.added("alice", "10");                        // last day 30 May
        clock.advance(Duration.ofDays(5));
        points.added("bob", "20");                          // last day 4 June
        done(points.spend("bob", "5"));
        clock.advance(Duration.ofDays(6));                  // 31 May: alice's lot expired
        points.added("alice", "7");

        TransferPage all = points.listing.list(points.store, TransferQuery.all(1, 10));
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.transfers()).extracting(t -> t.value().toString()).containsExactly("10.00", "20.00", "5.00", "7.00");
        TransferPage page2 = points.listing.list(points.store, TransferQuery.all(2, 3));
        assertThat(page2.transfers()).extracting(t -> t.value().toString()).containsExactly("7.00");
        assertThat(page2.total()).isEqualTo(4);

        TransferPage expired = points.listing.list(points.store, query(null, null, Set.of(TransferState.EXPIRED), null, null));
        assertThat(expired.transfers()).extracting(PointsTransfer::memberId).containsExactly("alice");
        TransferPage spending = points.listing.list(points.store, query(null, null, Set.of(), TransferType.SPENDING, null));
        assertThat(spending.transfers()).extracting(PointsTransfer::memberId).containsExactly("bob");
        TransferPage alice = points.listing.list(points.store, query("alice", null, Set.of(TransferState.ACTIVE), null, null));
        assertThat(alice.transfers()).extracting(t -> t.value().toString()).containsExactly("7.00");
        TransferPage byEmail = points.listing.list(points.store, query(null, "bob@example.com", Set.of(), null, null));
        assertThat(byEmail.total()).isEqualTo(2);
        TransferPage byName = points.listing.list(points.store, new TransferQuery(null, "firstBOB", null, null, null,
                Set.of(), null, null, 1, 10, TransferQuery.SortField.VALUE, true));
        assertThat(byName.transfers()).extracting(t -> t.value().toString()).containsExactly("20.00", "5.00");
        TransferPage soon = points.listing.list(points.store, query(null, null, Set.of(), TransferType.ADDING,
                LocalDate.parse("2026-06-04")));
        assertThat(soon.transfers()).extracting(t -> t.value().toString()).containsExactly("10.00", "20.00");
        TransferPage newestFirst = points.listing.list(points.store, new TransferQuery(null, null, null, null, null,
                Set.of(), null, null, 1, 2, TransferQuery.SortField.CREATED_AT, true));
        assertThat(newestFirst.transfers()).extracting(t -> t.value().toString()).containsExactly("7.00", "5.00");
        assertThat(points.listing.list(points.store, query(null, "nobody@example.com", Set.of(), null, null)).total()).isZero();
    }

    private static TransferQuery query(String member, String email, Set<TransferState> states, TransferType type,
                                       LocalDate willExpireTill) {
        return new TransferQuery(member, null, null, email, null, states, type, willExpireTill, 1, 10,
                TransferQuery.SortField.CREATED_AT, false);
    }

    @Test
    void b12TheHistogramCountsEarnedSpentExpiringAndUnlockingPointsPerDay() {
        points.settings.set(new PointsSettings(ExpiryMode.AFTER_X_DAYS, 3, 1, Set.of("active"), Set.of("active"), false));
        TransferId first = points.added("alice", "10");     // 20 May; unlocks 21 May; last day 24 May
        points.added("bob", "5");
        clock.advance(Duration.ofDays(1));                  // 21 May
        done(points.spend("alice", "4"));
        done(points.transfers.cancel(points.store, points.added("alice", "2"), Claim.none()));

        Map<String, BigDecimal> earned = points.histogram.histogram(points.store, HistogramType.EARNED,
                HistogramInterval.DAY, 2, 0);
        assertThat(earned).containsExactly(Map.entry("2026-05-20", new BigDecimal("15.00")),
                Map.entry("2026-05-21", new BigDecimal("0.00")));
        assertThat(points.histogram.histogram(points.store, HistogramType.SPENT, HistogramInterval.DAY, 1, 0))
                .containsExactly(Map.entry("2026-05-21", new BigDecimal("4.00")));
        // The 2 added and cancelled on 21 May was still locked: it leaves the pending counter (22 May) too.
        assertThat(points.histogram.histogram(points.store, HistogramType.PENDING, HistogramInterval.DAY, 0, 1))
                .containsExactly(Map.entry("2026-05-21", new BigDecimal("15.00")), Map.entry("2026-05-22", new BigDecimal("0.00")));
        assertThat(points.histogram.histogram(points.store, HistogramType.EXPIRED, HistogramInterval.MONTH, 1, 10))
                .containsExactly(Map.entry("2026-05", new BigDecimal("11.00")));
        assertThat(points.histogram.histogram(points.store, HistogramType.EXPIRED, HistogramInterval.DAY, 1, 3))
                .containsEntry("2026-05-24", new BigDecimal("11.00"));
        assertThat(first).isNotNull();
    }

    @Test
    void everyTransferCarriesAComment() {
        points.transfers.add(points.store, new AddPoints("alice", BigDecimal.TEN, "  welcome gift ", Issuer.ADMIN, null),
                Claim.none());
        points.added("alice", "5");
        done(points.send("alice", "bob", "12"));
        assertThat(points.ledger.transfers(points.store.code(), "alice")).extracting(PointsTransfer::comment)
                .containsExactly("welcome gift", "Added by admin", "p2p to bob@example.com");
        assertThat(account("bob")).extracting(PointsTransfer::comment).containsOnly("p2p from alice@example.com");
    }

    @Test
    void addAndSpendOfAnUnknownMemberAreRefused() {
        assertThat(points.add("ghost", "5")).isEqualTo(new TransferOutcome.Refused(Refusal.NO_SUCH_CUSTOMER));
        assertThat(points.spend("ghost", "5")).isEqualTo(new TransferOutcome.Refused(Refusal.NO_SUCH_CUSTOMER));
    }
}

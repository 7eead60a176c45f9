package org.serverlessloyalty.shared.points.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.points.rules.Lots.ALICE;
import static org.serverlessloyalty.shared.points.rules.Lots.BOB;
import static org.serverlessloyalty.shared.points.rules.Lots.PARIS;
import static org.serverlessloyalty.shared.points.rules.Lots.adding;
import static org.serverlessloyalty.shared.points.rules.Lots.context;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.BlockPoints;
import org.serverlessloyalty.shared.points.model.Draw;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.TransactionRef;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.points.rules.TransferPlanner.Decision;

/** The decisions of every points action (rules P3-P10, B9-B11, section 4 items 8, 10, 22) as plans, with worked examples. */
class TransferPlannerTest {

    private static final Instant NOW = paris("2026-05-20T12:00");
    private static final Instant T0 = paris("2026-05-01T10:00");
    private static final Instant FAR = paris("2027-01-01T00:00");
    private static final int HISTOGRAM_SHARD = HistogramCounts.shardOf(ALICE.memberId());

    private static Instant paris(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
    }

    private static Decision.Write write(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Write.class);
        return (Decision.Write) decision;
    }

    private static Refusal refusal(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Answer.class);
        TransferOutcome outcome = ((Decision.Answer) decision).outcome();
        assertThat(outcome).isInstanceOf(TransferOutcome.Refused.class);
        return ((TransferOutcome.Refused) outcome).refusal();
    }

    private static <T> List<T> steps(Decision.Write write, Class<T> kind) {
        return write.plan().steps().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static LedgerStep.Count count(HistogramType type, String day, String delta) {
        return new LedgerStep.Count(type, LocalDate.parse(day), HISTOGRAM_SHARD, new BigDecimal(delta));
    }

    private static AddPoints add(String points) {
        return new AddPoints(ALICE.memberId(), new BigDecimal(points), null, Issuer.ADMIN, null);
    }

    private static SpendPoints spend(String points) {
        return new SpendPoints(ALICE.memberId(), new BigDecimal(points), "checkout", Issuer.ADMIN, null);
    }

    @Test
    void p3AddAndSpendTakeOneOrMorePointsWithAtMostTwoDecimals() {
        assertThat(refusal(TransferPlanner.add(context(NOW), ALICE, add("0.5"), TransferId.newAt(NOW))))
                .isEqualTo(Refusal.invalidPoints("points", "This value should be 1 or more."));
        assertThat(refusal(TransferPlanner.add(context(NOW), ALICE, add("1.005"), TransferId.newAt(NOW))).message())
                .isEqualTo("This value should have at most 2 decimals.");
        assertThat(refusal(TransferPlanner.spend(context(NOW), ALICE, spend("0.99"), List.of(), TransferId.newAt(NOW))).field())
                .isEqualTo("points");
        assertThat(write(TransferPlanner.add(context(NOW), ALICE, add("1.50"), TransferId.newAt(NOW))).outcome())
                .isInstanceOf(TransferOutcome.Done.class);
    }

    @Test
    void e10PointsEarnedByRulesAndT5ReturnSharesBelowOneAreWrittenNotRefused() {
        AddPoints earned = new AddPoints(ALICE.memberId(), new BigDecimal("0.46"), "Spending rule", Issuer.SYSTEM,
                TransactionRef.of("tx-1"));
        assertThat(write(TransferPlanner.add(context(NOW), ALICE, earned, TransferId.newAt(NOW))).outcome())
                .isInstanceOf(TransferOutcome.Done.class);
        PointsTransfer lot = steps(write(TransferPlanner.add(context(NOW), ALICE, add("5"), TransferId.newAt(NOW))),
                LedgerStep.Create.class).get(0).transfer();
        SpendPoints share = new SpendPoints(ALICE.memberId(), new BigDecimal("0.34"), "Return R-1", Issuer.SYSTEM,
                TransactionRef.of("tx-1"));
        assertThat(write(TransferPlanner.spend(context(NOW), ALICE, share, List.of(lot), TransferId.newAt(NOW)))
                .outcome()).isInstanceOf(TransferOutcome.Done.class);
        AddPoints zero = new AddPoints(ALICE.memberId(), BigDecimal.ZERO, "nothing", Issuer.SYSTEM, null);
        assertThat(refusal(TransferPlanner.add(context(NOW), ALICE, zero, TransferId.newAt(NOW))).field())
                .isEqualTo("points");
    }

    @Test
    void p5p6AddWritesOneLockedExpiringLotAndItsHistogramCounters() {
        PointsSettings locking = new PointsSettings(ExpiryMode.AFTER_X_DAYS, 30, 2, Set.of("active"), Set.of("active"), false);
        TransferId id = TransferId.newAt(NOW);
        Decision.Write w = write(TransferPlanner.add(context(locking, NOW), ALICE, add("12.34"), id));

        PointsTransfer lot = steps(w, LedgerStep.Create.class).get(0).transfer();
        assertThat(lot.id()).isEqualTo(id);
        assertThat(lot.type()).isEqualTo(TransferType.ADDING);
        assertThat(lot.available()).isEqualTo(Points.of("12.34"));
        assertThat(lot.lockedUntil()).isEqualTo(paris("2026-05-22T12:00"));
        assertThat(lot.expiresAt()).isEqualTo(paris("2026-06-22T00:00"));  // 21 June 23:59:59 is its last second
        assertThat(lot.issuer()).isEqualTo(Issuer.ADMIN);
        assertThat(lot.comment()).isEqualTo("Added by admin");            // item 22
        assertThat(lot.member().email()).isEqualTo("alice@example.com");
        assertThat(steps(w, LedgerStep.Count.class)).containsExactlyInAnyOrder(
                count(HistogramType.EARNED, "2026-05-20", "12.34"),
                count(HistogramType.EXPIRED, "2026-06-21", "12.34"),
                count(HistogramType.PENDING, "2026-05-22", "12.34"));
        assertThat(w.outcome()).isEqualTo(new TransferOutcome.Done(id, Points.of("12.34")));
    }

    @Test
    void addAndSpendFollowTheStoresEarningAndSpendingStatuses() {
        MemberRef blocked = new MemberRef(Lots.STORE, "carol-id", "blocked", null, null, null, null, null);
        assertThat(refusal(TransferPlanner.add(context(NOW), blocked, add("5"), TransferId.newAt(NOW))))
                .isEqualTo(Refusal.cannotEarn("customer"));
        assertThat(refusal(TransferPlanner.spend(context(NOW), blocked, spend("5"), List.of(), TransferId.newAt(NOW))))
                .isEqualTo(Refusal.cannotSpend("customer"));
    }

    @Test
    void p8SpendTakesOldestLotsFirstEachTakeHoldingItsLimitAndCountsSpentAndExpiring() {
        PointsTransfer first = adding("20", T0, paris("2026-06-01T00:00"));
        PointsTransfer second = adding("200", T0.plusSeconds(60), FAR);
        TransferId id = TransferId.newAt(NOW);
        Decision.Write w = write(TransferPlanner.spend(context(NOW), ALICE, spend("100"), List.of(second, first), id));

        PointsTransfer spent = steps(w, LedgerStep.Create.class).get(0).transfer();
        assertThat(spent.type()).isEqualTo(TransferType.SPENDING);
        assertThat(spent.comment()).isEqualTo("checkout");
        assertThat(spent.draws()).containsExactly(new Draw(first.id(), Points.of(20)), new Draw(second.id(), Points.of(80)));
        assertThat(steps(w, LedgerStep.Take.class)).containsExactly(
                new LedgerStep.Take(ALICE.memberId(), first.id(), Points.of(20), NOW),
                new LedgerStep.Take(ALICE.memberId(), second.id(), Points.of(80), NOW));
        assertThat(steps(w, LedgerStep.Count.class)).containsExactlyInAnyOrder(
                count(HistogramType.SPENT, "2026-05-20", "100"),
                count(HistogramType.EXPIRED, "2026-05-31", "-20"),
                count(HistogramType.EXPIRED, "2026-12-31", "-80"));
    }

    @Test
    void p8SpendBeyondTheBalanceIsRefusedWithOpenLoyaltysText() {
        PointsTransfer lot = adding("20", T0, FAR);
        Refusal r = refusal(TransferPlanner.spend(context(NOW), ALICE, spend("20.01"), List.of(lot), TransferId.newAt(NOW)));
        assertThat(r.message()).isEqualTo("not enough points");
        assertThat(r.field()).isEqualTo("points");
    }

    @Test
    void p8ARevocationTakesWhateverIsAvailableAndNothingWhenNothingIs() {
        PointsTransfer lot = adding("15", T0, FAR);
        SpendPoints revocation = new SpendPoints(ALICE.memberId(), new BigDecimal("40"), "return of 456", Issuer.SYSTEM,
                TransactionRef.of("tx-1"));
        Decision.Write w = write(TransferPlanner.spend(context(NOW), ALICE, revocation, List.of(lot), TransferId.newAt(NOW)));
        assertThat(((TransferOutcome.Done) w.outcome()).points()).isEqualTo(Points.of(15));
        assertThat(steps(w, LedgerStep.Create.class).get(0).transfer().transaction().transactionId()).isEqualTo("tx-1");
        Decision none = TransferPlanner.spend(context(NOW), ALICE, revocation, List.of(lot.withAvailable(Points.ZERO)),
                TransferId.newAt(NOW));
        assertThat(none).isEqualTo(new Decision.Answer(new TransferOutcome.Unchanged(null)));
    }

    @Test
    void p10SendingHundredFromTwentyAndTwoHundredGivesTheReceiverTwentyAndEighty() {
        Instant firstExpiry = paris("2026-06-01T00:00");
        PointsTransfer twenty = adding("20", T0, firstExpiry);
        PointsTransfer twoHundred = adding("200", T0.plusSeconds(60), FAR);
        TransferId id = TransferId.newAt(NOW);
        Decision.Write w = write(TransferPlanner.send(context(NOW), ALICE, BOB, new BigDecimal("100"),
                List.of(twenty, twoHundred), id, () -> TransferId.newAt(NOW)));

        List<PointsTransfer> created = steps(w, LedgerStep.Create.class).stream().map(LedgerStep.Create::transfer).toList();
        PointsTransfer sent = created.get(0);
        assertThat(sent.type()).isEqualTo(TransferType.P2P_SPENDING);
        assertThat(sent.id()).isEqualTo(id);                                   // B6: the p2p_spending's id is answered
        assertThat(sent.receiverId()).isEqualTo(BOB.memberId());
        assertThat(sent.issuer()).isEqualTo(Issuer.API);                       // P4
        assertThat(sent.comment()).isEqualTo("p2p to bob@example.com");         // item 22
        List<PointsTransfer> received = created.subList(1, created.size());
        assertThat(received).extracting(PointsTransfer::value).containsExactly(Points.of(20), Points.of(80));
        assertThat(received).extracting(PointsTransfer::expiresAt).containsExactly(firstExpiry, FAR);
        assertThat(received).extracting(PointsTransfer::sourceTransferId).containsExactly(twenty.id(), twoHundred.id());
        assertThat(received).allSatisfy(r -> {
            assertThat(r.type()).isEqualTo(TransferType.P2P_ADDING);
            assertThat(r.memberId()).isEqualTo(BOB.memberId());
            assertThat(r.lockedUntil()).isNull();                              // never locked
            assertThat(r.issuer()).isEqualTo(Issuer.API);
            assertThat(r.senderId()).isEqualTo(ALICE.memberId());
            assertThat(r.comment()).isEqualTo("p2p from alice@example.com");
            assertThat(r.countsAt(NOW)).isTrue();
        });
        assertThat(steps(w, LedgerStep.Take.class)).extracting(LedgerStep.Take::points)
                .containsExactly(Points.of(20), Points.of(80));
        // What the sender's lots lose the receiver's gain on the same expiry days: no counter changes.
        assertThat(steps(w, LedgerStep.Count.class)).isEmpty();
        assertThat(w.outcome()).isEqualTo(new TransferOutcome.Done(id, Points.of(100)));
    }

    @Test
    void p10SendingToYourselfOrNothingIsRefusedWithA400NotA500() {
        PointsTransfer lot = adding("20", T0, FAR);
        assertThat(refusal(TransferPlanner.send(context(NOW), ALICE, ALICE, BigDecimal.TEN, List.of(lot),
                TransferId.newAt(NOW), () -> TransferId.newAt(NOW))).message())
                .isEqualTo("transferring points to yourself is forbidden");
        Refusal zero = refusal(TransferPlanner.send(context(NOW), ALICE, BOB, BigDecimal.ZERO, List.of(lot),
                TransferId.newAt(NOW), () -> TransferId.newAt(NOW)));
        assertThat(zero.kind()).isEqualTo(Refusal.Kind.INVALID_FIELD);        // item 10
        assertThat(zero.message()).isEqualTo("This value should be greater than 0.");
        assertThat(refusal(TransferPlanner.send(context(NOW), ALICE, BOB, new BigDecimal("20.01"), List.of(lot),
                TransferId.newAt(NOW), () -> TransferId.newAt(NOW))).message()).isEqualTo("not enough points");
        // p2p takes less than one point (P3: its form's minimum is 0).
        assertThat(write(TransferPlanner.send(context(NOW), ALICE, BOB, new BigDecimal("0.01"), List.of(lot),
                TransferId.newAt(NOW), () -> TransferId.newAt(NOW))).outcome()).isInstanceOf(TransferOutcome.Done.class);
    }

    @Test
    void p9OnlyAddingTransfersAndBlocksCanBeCancelled() {
        PointsTransfer lot = adding("20", T0, FAR);
        PointsTransfer spent = PointsTransfer.drawing(Lots.STORE, TransferId.newAt(T0), ALICE.memberId(),
                TransferType.SPENDING, Points.of(5), T0, Issuer.ADMIN, "x", null, null, null,
                List.of(new Draw(lot.id(), Points.of(5))));
        PointsTransfer received = PointsTransfer.lot(Lots.STORE, TransferId.newAt(T0), ALICE.memberId(),
                TransferType.P2P_ADDING, Points.of(5), T0, null, FAR, Issuer.API, "p2p from bob", null, null, "bob-id", lot.id());
        for (PointsTransfer t : List.of(spent, received)) {
            assertThat(refusal(TransferPlanner.cancel(context(NOW), t, List.of())).message())
                    .isEqualTo("this transfer cannot be canceled");
        }
        assertThat(refusal(TransferPlanner.cancel(context(NOW), spent, List.of())).kind()).isEqualTo(Refusal.Kind.BUSINESS);
    }

    @Test
    void item8CancellingAPartlySpentLotRecordsTheConsumedPartAndHoldsItExactly() {
        PointsTransfer lot = adding("50", T0, paris("2026-06-01T00:00")).withAvailable(Points.of("37.50"));
        Decision.Write w = write(TransferPlanner.cancel(context(NOW), lot, List.of(lot)));
        assertThat(steps(w, LedgerStep.CancelLot.class)).containsExactly(
                new LedgerStep.CancelLot(ALICE.memberId(), lot.id(), Points.of("37.50"), Points.of("12.50"), NOW));
        assertThat(steps(w, LedgerStep.Count.class)).containsExactlyInAnyOrder(
                count(HistogramType.EARNED, "2026-05-01", "-50"),
                count(HistogramType.EXPIRED, "2026-05-31", "-37.50"));
    }

    @Test
    void item8OptionRefusesCancellingASpentLotButNotAnUntouchedOne() {
        PointsSettings refusing = new PointsSettings(ExpiryMode.AFTER_X_DAYS, 30, 0, Set.of("active"), Set.of("active"), true);
        PointsTransfer untouched = adding("50", T0, FAR);
        assertThat(TransferPlanner.cancel(context(refusing, NOW), untouched, List.of(untouched)))
                .isInstanceOf(Decision.Write.class);
        PointsTransfer spent = untouched.withAvailable(Points.of(49));
        assertThat(refusal(TransferPlanner.cancel(context(refusing, NOW), spent, List.of(spent))))
                .isEqualTo(Refusal.CANCEL_AFTER_SPEND);
    }

    @Test
    void p9CancellingTwiceChangesNothingAndCancellingAPendingLotTakesItOffThePendingCounter() {
        PointsTransfer cancelled = adding("10", T0, FAR).canceled(T0.plusSeconds(1));
        assertThat(TransferPlanner.cancel(context(NOW), cancelled, List.of(cancelled)))
                .isEqualTo(new Decision.Answer(new TransferOutcome.Unchanged(cancelled.id())));
        PointsTransfer pending = adding(ALICE.memberId(), "10", T0, paris("2026-05-25T10:00"), FAR);
        Decision.Write w = write(TransferPlanner.cancel(context(NOW), pending, List.of(pending)));
        assertThat(steps(w, LedgerStep.Count.class)).contains(count(HistogramType.PENDING, "2026-05-25", "-10"));
    }

    @Test
    void b9ABlockTakesLikeASpendAndItsCancelGivesEachAmountBackExceptToACancelledLot() {
        PointsTransfer a = adding("10", T0, paris("2026-06-01T00:00"));
        PointsTransfer b = adding("10", T0.plusSeconds(1), FAR);
        Decision.Write blocked = write(TransferPlanner.block(context(NOW), ALICE,
                new BlockPoints(ALICE.memberId(), new BigDecimal("15"), null, Issuer.ADMIN), List.of(a, b),
                TransferId.newAt(NOW)));
        PointsTransfer block = steps(blocked, LedgerStep.Create.class).get(0).transfer();
        assertThat(block.type()).isEqualTo(TransferType.BLOCKED);
        assertThat(block.comment()).isEqualTo("Blocked by admin");
        assertThat(steps(blocked, LedgerStep.Take.class)).hasSize(2);

        PointsTransfer aAfter = a.withAvailable(Points.ZERO);
        PointsTransfer bAfter = b.withAvailable(Points.of(5)).canceled(NOW);
        Decision.Write unblock = write(TransferPlanner.cancel(context(NOW), block, List.of(aAfter, bAfter, block)));
        assertThat(unblock.plan().steps().get(0))
                .isEqualTo(new LedgerStep.CancelBlock(ALICE.memberId(), block.id(), Points.of(10), NOW));
        assertThat(steps(unblock, LedgerStep.GiveBack.class)).containsExactly(
                new LedgerStep.GiveBack(ALICE.memberId(), a.id(), Points.of(10), Points.ZERO));
        assertThat(steps(unblock, LedgerStep.Count.class)).containsExactly(count(HistogramType.EXPIRED, "2026-05-31", "10"));
        assertThat(unblock.outcome()).isEqualTo(new TransferOutcome.Done(block.id(), Points.of(10)));
    }

    @Test
    void b10OnlyAPendingLotCanBeActivatedAndItsPendingPointsMoveToToday() {
        PointsTransfer pending = adding(ALICE.memberId(), "10", T0, paris("2026-05-25T10:00"), FAR);
        Decision.Write w = write(TransferPlanner.activate(context(NOW), pending));
        assertThat(steps(w, LedgerStep.Activate.class)).containsExactly(new LedgerStep.Activate(ALICE.memberId(), pending.id(), NOW));
        assertThat(steps(w, LedgerStep.Count.class)).containsExactlyInAnyOrder(
                count(HistogramType.PENDING, "2026-05-25", "-10"), count(HistogramType.PENDING, "2026-05-20", "10"));
        PointsTransfer active = adding("10", T0, FAR);
        assertThat(refusal(TransferPlanner.activate(context(NOW), active))).isEqualTo(Refusal.CANNOT_ACTIVATE);
    }

    @Test
    void b11OnlyAnActiveLotCanBeExpiredAndWhatItHoldsExpiresToday() {
        PointsTransfer active = adding("10", T0, paris("2026-06-01T00:00")).withAvailable(Points.of(7));
        Decision.Write w = write(TransferPlanner.expire(context(NOW), active));
        assertThat(steps(w, LedgerStep.Expire.class)).containsExactly(
                new LedgerStep.Expire(ALICE.memberId(), active.id(), Points.of(7), NOW));
        assertThat(steps(w, LedgerStep.Count.class)).containsExactlyInAnyOrder(
                count(HistogramType.EXPIRED, "2026-05-31", "-7"), count(HistogramType.EXPIRED, "2026-05-20", "7"));
        PointsTransfer pending = adding(ALICE.memberId(), "10", T0, paris("2026-05-25T10:00"), FAR);
        assertThat(refusal(TransferPlanner.expire(context(NOW), pending))).isEqualTo(Refusal.CANNOT_EXPIRE);
        assertThat(refusal(TransferPlanner.expire(context(NOW), active.canceled(NOW)))).isEqualTo(Refusal.CANNOT_EXPIRE);
    }

    @Test
    void aSpendNeedingMoreLotsThanOneTransactionHoldsIsRefusedNotSplit() {
        List<PointsTransfer> lots = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            lots.add(adding("1", T0.plusSeconds(i), FAR));
        }
        // 1 spend + 97 takes + 1 spent counter + 1 expired counter = 100 items: fits exactly.
        assertThat(TransferPlanner.spend(context(NOW), ALICE, spend("97"), lots, TransferId.newAt(NOW)))
                .isInstanceOf(Decision.Write.class);
        Refusal r = refusal(TransferPlanner.spend(context(NOW), ALICE, spend("98"), lots, TransferId.newAt(NOW)));
        assertThat(r.field()).isEqualTo("points");
        assertThat(r.message()).contains("98 earlier transfers");
    }
}

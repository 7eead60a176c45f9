package org.serverlessloyalty.shared.points.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.BlockPoints;
import org.serverlessloyalty.shared.points.model.Draw;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerPlan;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.MemberSnapshot;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.model.TransferState;
import org.serverlessloyalty.shared.points.model.TransferType;

/**
 * Decides every points action (rules P3-P10, B9-B11, section 4 items 2, 7, 8, 22) as a plan of writes, each
 * holding the limit that makes the decision right whatever runs concurrently, or as an answer that writes nothing.
 * Pure: the caller reads the account, asks, and executes the plan in one transaction; a limit that no longer holds
 * there means the account changed since the read, and the caller reads and asks again.
 */
public final class TransferPlanner {

    /** What to do at {@code now} in {@code store}; {@code maxItems} is what one transaction may hold for the plan. */
    public record Context(StoreZone store, PointsSettings settings, Instant now, int maxItems) {
        ZoneId zone() {
            return store.zone();
        }

        LocalDate today() {
            return now.atZone(store.zone()).toLocalDate();
        }
    }

    public sealed interface Decision {
        /** Write {@code plan} (one transaction); once committed, answer {@code outcome}. */
        record Write(LedgerPlan plan, TransferOutcome outcome) implements Decision {
        }

        /** Nothing to write: answer {@code outcome}. */
        record Answer(TransferOutcome outcome) implements Decision {
        }
    }

    private TransferPlanner() {
    }

    /** B3 (rules P3-P6): a new adding lot, locked and expiring as the store's settings say. */
    public static Decision add(Context ctx, MemberRef member, AddPoints cmd, TransferId id) {
        // B3's "1 or more" is the add form's rule; what rules earn is added whenever it is above 0 (E10: 2.3 points).
        Optional<Refusal> invalid = cmd.issuer() == Issuer.SYSTEM
                ? PointsAmounts.checkPositive("points", cmd.points())
                : PointsAmounts.checkAtLeastOne("points", cmd.points());
        if (invalid.isPresent()) {
            return refuse(invalid.get());
        }
        if (!ctx.settings().earningStatuses().contains(member.status())) {
            return refuse(Refusal.cannotEarn("customer"));
        }
        Points value = new Points(cmd.points());
        Instant lockedUntil = PointsLifetime.lockedUntil(ctx.now(), ctx.settings(), ctx.zone());
        Instant expiresAt = PointsLifetime.expiresAt(lockedUntil != null ? lockedUntil : ctx.now(), ctx.settings(),
                ctx.zone());
        PointsTransfer lot = PointsTransfer.lot(ctx.store().code(), id, member.memberId(),
                TransferType.ADDING, value, ctx.now(), lockedUntil, expiresAt, cmd.issuer(),
                commentOr(cmd.comment(), "Added by " + cmd.issuer().openLoyaltyName()), MemberSnapshot.of(member),
                cmd.transaction(), null, null);
        HistogramCounts counts = new HistogramCounts(member.memberId())
                .add(HistogramType.EARNED, ctx.today(), value.value())
                .add(HistogramType.EXPIRED, expiryDay(lot, ctx.zone()), value.value())
                .add(HistogramType.PENDING, lockedUntil == null ? null : day(lockedUntil, ctx.zone()), value.value());
        List<LedgerStep> steps = new ArrayList<>();
        steps.add(new LedgerStep.Create(lot));
        steps.addAll(counts.steps());
        return new Decision.Write(new LedgerPlan(ctx.store().code(), steps), new TransferOutcome.Done(id, value));
    }

    /**
     * B4 (rule P8): a spending transfer taking the amount from the lots that count now, oldest first. A revocation
     * (a spend carrying a transactionId) takes what there is up to the amount instead of refusing.
     */
    public static Decision spend(Context ctx, MemberRef member, SpendPoints cmd, List<PointsTransfer> account,
                                 TransferId id) {
        // A return's share of what a sale earned (T5) is whatever it comes to, 0.34 points too.
        Optional<Refusal> invalid = cmd.isRevocation()
                ? PointsAmounts.checkPositive("points", cmd.points())
                : PointsAmounts.checkAtLeastOne("points", cmd.points());
        if (invalid.isPresent()) {
            return refuse(invalid.get());
        }
        if (!cmd.isRevocation() && !ctx.settings().spendingStatuses().contains(member.status())) {
            return refuse(Refusal.cannotSpend("customer"));
        }
        Points amount = new Points(cmd.points());
        if (cmd.isRevocation()) {
            amount = amount.min(Fifo.balance(account, ctx.now()));
            if (amount.isZero()) {
                return new Decision.Answer(new TransferOutcome.Unchanged(null));
            }
        }
        Optional<List<Draw>> draws = Fifo.draw(account, amount, ctx.now());
        if (draws.isEmpty()) {
            return refuse(Refusal.NOT_ENOUGH_POINTS);
        }
        PointsTransfer spend = PointsTransfer.drawing(ctx.store().code(), id, member.memberId(), TransferType.SPENDING,
                amount, ctx.now(), cmd.issuer(), commentOr(cmd.comment(), "Spent by " + cmd.issuer().openLoyaltyName()),
                MemberSnapshot.of(member), cmd.transaction(), null, draws.get());
        HistogramCounts counts = new HistogramCounts(member.memberId())
                .add(HistogramType.SPENT, ctx.today(), amount.value());
        return drawing(ctx, spend, account, counts, List.of());
    }

    /**
     * B9: a block takes its points from the lots that count now exactly as a spend does (so a held point can never
     * be spent as well), and keeps what it took from each; {@link #cancel} gives each amount back.
     */
    public static Decision block(Context ctx, MemberRef member, BlockPoints cmd, List<PointsTransfer> account,
                                 TransferId id) {
        Optional<Refusal> invalid = PointsAmounts.checkAtLeastOne("points", cmd.points());
        if (invalid.isPresent()) {
            return refuse(invalid.get());
        }
        Points amount = new Points(cmd.points());
        Optional<List<Draw>> draws = Fifo.draw(account, amount, ctx.now());
        if (draws.isEmpty()) {
            return refuse(Refusal.NOT_ENOUGH_POINTS);
        }
        PointsTransfer block = PointsTransfer.drawing(ctx.store().code(), id, member.memberId(), TransferType.BLOCKED,
                amount, ctx.now(), cmd.issuer(),
                commentOr(cmd.comment(), "Blocked by " + cmd.issuer().openLoyaltyName()), MemberSnapshot.of(member),
                null, null, draws.get());
        return drawing(ctx, block, account, new HistogramCounts(member.memberId()), List.of());
    }

    /**
     * B6/B7 (rule P10, section 4 items 2 and 10): one p2p_spending on the sender and, in the same transaction, one
     * p2p_adding on the receiver per lot drawn, each keeping that lot's expiry, never locked, issuer api.
     *
     * @param receiverIds a new id for each receiving lot
     */
    public static Decision send(Context ctx, MemberRef sender, MemberRef receiver, BigDecimal points,
                                List<PointsTransfer> senderAccount, TransferId id,
                                java.util.function.Supplier<TransferId> receiverIds) {
        Optional<Refusal> invalid = PointsAmounts.checkPositive("points", points);
        if (invalid.isPresent()) {
            return refuse(invalid.get());
        }
        if (sender.memberId().equals(receiver.memberId())) {
            return refuse(Refusal.SELF_TRANSFER);
        }
        if (!ctx.settings().spendingStatuses().contains(sender.status())) {
            return refuse(Refusal.cannotSpend("sender"));
        }
        if (!ctx.settings().earningStatuses().contains(receiver.status())) {
            return refuse(Refusal.cannotEarn("receiver"));
        }
        Points amount = new Points(points);
        Optional<List<Draw>> draws = Fifo.draw(senderAccount, amount, ctx.now());
        if (draws.isEmpty()) {
            return refuse(Refusal.NOT_ENOUGH_POINTS);
        }
        PointsTransfer sent = PointsTransfer.drawing(ctx.store().code(), id, sender.memberId(),
                TransferType.P2P_SPENDING, amount, ctx.now(), Issuer.API, "p2p to " + nameOf(receiver),
                MemberSnapshot.of(sender), null, receiver.memberId(), draws.get());
        Map<TransferId, PointsTransfer> lots = byId(senderAccount);
        // The sender's counter shard takes both sides: the lots lose and the received lots gain the same points on
        // the same expiry days, so the histogram's expired counters do not change and nothing is written for them.
        HistogramCounts counts = new HistogramCounts(sender.memberId());
        List<LedgerStep> received = new ArrayList<>();
        for (Draw draw : draws.get()) {
            PointsTransfer source = lots.get(draw.lot());
            PointsTransfer lot = PointsTransfer.lot(ctx.store().code(), receiverIds.get(), receiver.memberId(),
                    TransferType.P2P_ADDING, draw.points(), ctx.now(), null, source.expiresAt(), Issuer.API,
                    "p2p from " + nameOf(sender), MemberSnapshot.of(receiver), null, sender.memberId(), source.id());
            received.add(new LedgerStep.Create(lot));
            counts.add(HistogramType.EXPIRED, expiryDay(lot, ctx.zone()), draw.points().value());
        }
        return drawing(ctx, sent, senderAccount, counts, received);
    }

    /**
     * B5 (rule P9, section 4 item 8): cancels an adding lot (what is left stops counting; what was consumed is
     * recorded with it) or unblocks a block (B9: each amount it took goes back to its lot, unless that lot was
     * cancelled meanwhile, whose cancel counted those points as consumed). Cancelling twice changes nothing.
     *
     * @param account the target's member's lots and blocks, as read with it
     */
    public static Decision cancel(Context ctx, PointsTransfer target, List<PointsTransfer> account) {
        if (target.type() != TransferType.ADDING && target.type() != TransferType.BLOCKED) {
            return refuse(Refusal.CANNOT_CANCEL);
        }
        if (target.isCanceled()) {
            return new Decision.Answer(new TransferOutcome.Unchanged(target.id()));
        }
        HistogramCounts counts = new HistogramCounts(target.memberId());
        List<LedgerStep> steps = new ArrayList<>();
        if (target.type() == TransferType.ADDING) {
            Points consumed = target.consumed();
            if (ctx.settings().refuseCancelWhenSpent() && consumed.isPositive()) {
                return refuse(Refusal.CANCEL_AFTER_SPEND);
            }
            steps.add(new LedgerStep.CancelLot(target.memberId(), target.id(), target.available(), consumed, ctx.now()));
            counts.add(HistogramType.EARNED, day(target.createdAt(), ctx.zone()), target.value().value().negate())
                    .add(HistogramType.EXPIRED, expiryDay(target, ctx.zone()), target.available().value().negate());
            if (target.stateAt(ctx.now()) == TransferState.PENDING) {
                counts.add(HistogramType.PENDING, day(target.lockedUntil(), ctx.zone()), target.value().value().negate());
            }
            steps.addAll(counts.steps());
            return fits(ctx, steps, 0, new TransferOutcome.Done(target.id(), target.available()));
        }
        Map<TransferId, PointsTransfer> lots = byId(account);
        Points returned = Points.ZERO;
        for (Draw draw : target.draws()) {
            PointsTransfer lot = lots.get(draw.lot());
            if (lot == null || lot.isCanceled()) {
                continue;
            }
            steps.add(new LedgerStep.GiveBack(target.memberId(), lot.id(), draw.points(), lot.value().minus(draw.points())));
            counts.add(HistogramType.EXPIRED, expiryDay(lot, ctx.zone()), draw.points().value());
            returned = returned.plus(draw.points());
        }
        steps.add(0, new LedgerStep.CancelBlock(target.memberId(), target.id(), returned, ctx.now()));
        if (returned.isPositive()) {
            // Older lots may hold usable points again: a spend decided on an account read before this must not
            // commit (rule P8 would take a newer lot first).
            steps.add(new LedgerStep.BumpVersion(target.memberId()));
        }
        steps.addAll(counts.steps());
        return fits(ctx, steps, target.draws().size(), new TransferOutcome.Done(target.id(), returned));
    }

    /** B10: a pending lot starts counting now. */
    public static Decision activate(Context ctx, PointsTransfer target) {
        if (!target.type().isLot() || target.stateAt(ctx.now()) != TransferState.PENDING) {
            return refuse(Refusal.CANNOT_ACTIVATE);
        }
        HistogramCounts counts = new HistogramCounts(target.memberId())
                .add(HistogramType.PENDING, day(target.lockedUntil(), ctx.zone()), target.available().value().negate())
                .add(HistogramType.PENDING, ctx.today(), target.available().value());
        List<LedgerStep> steps = new ArrayList<>();
        steps.add(new LedgerStep.Activate(target.memberId(), target.id(), ctx.now()));
        // The lot counts before its lock's end: a spend decided on an account read before this must not commit
        // (rule P8 would take a newer lot first).
        steps.add(new LedgerStep.BumpVersion(target.memberId()));
        steps.addAll(counts.steps());
        return new Decision.Write(new LedgerPlan(ctx.store().code(), steps),
                new TransferOutcome.Done(target.id(), target.available()));
    }

    /** B11: an active lot stops counting now; what it held counts as expired today. */
    public static Decision expire(Context ctx, PointsTransfer target) {
        if (!target.type().isLot() || target.stateAt(ctx.now()) != TransferState.ACTIVE) {
            return refuse(Refusal.CANNOT_EXPIRE);
        }
        HistogramCounts counts = new HistogramCounts(target.memberId())
                .add(HistogramType.EXPIRED, expiryDay(target, ctx.zone()), target.available().value().negate())
                .add(HistogramType.EXPIRED, PointsLifetime.lastDay(ctx.now(), ctx.zone()), target.available().value());
        List<LedgerStep> steps = new ArrayList<>();
        steps.add(new LedgerStep.Expire(target.memberId(), target.id(), target.available(), ctx.now()));
        steps.addAll(counts.steps());
        return new Decision.Write(new LedgerPlan(ctx.store().code(), steps),
                new TransferOutcome.Done(target.id(), target.available()));
    }

    /** The day a lot's points stop counting (its expiry, or when it was expired by hand): its expired counter's day. */
    public static LocalDate expiryDay(PointsTransfer lot, ZoneId zone) {
        Instant until = lot.usableUntil();
        return until == null ? null : PointsLifetime.lastDay(until, zone);
    }

    /** A spend, block or p2p send: the new transfer, one take per lot drawn, the counters, and what else it creates. */
    private static Decision drawing(Context ctx, PointsTransfer transfer, List<PointsTransfer> account,
                                    HistogramCounts counts, List<LedgerStep> alsoCreated) {
        Map<TransferId, PointsTransfer> lots = byId(account);
        List<LedgerStep> steps = new ArrayList<>();
        steps.add(new LedgerStep.Create(transfer));
        for (Draw draw : transfer.draws()) {
            steps.add(new LedgerStep.Take(transfer.memberId(), draw.lot(), draw.points(), ctx.now()));
            counts.add(HistogramType.EXPIRED, expiryDay(lots.get(draw.lot()), ctx.zone()), draw.points().value().negate());
        }
        steps.addAll(alsoCreated);
        steps.addAll(counts.steps());
        return fits(ctx, steps, transfer.draws().size(), new TransferOutcome.Done(transfer.id(), transfer.value()));
    }

    /**
     * DynamoDB's transaction limit: a plan that needs more items than {@code ctx.maxItems()} is refused rather than
     * split, since a split action could stop half way.
     */
    private static Decision fits(Context ctx, List<LedgerStep> steps, int lotsDrawn, TransferOutcome outcome) {
        if (steps.size() > ctx.maxItems()) {
            return refuse(Refusal.tooManyLots(lotsDrawn));
        }
        return new Decision.Write(new LedgerPlan(ctx.store().code(), steps), outcome);
    }

    private static Decision refuse(Refusal refusal) {
        return new Decision.Answer(new TransferOutcome.Refused(refusal));
    }

    private static Map<TransferId, PointsTransfer> byId(List<PointsTransfer> account) {
        return account.stream().collect(Collectors.toMap(PointsTransfer::id, Function.identity(), (a, b) -> a));
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /** Item 22: the client's comment, or one saying who did it. */
    private static String commentOr(String comment, String fallback) {
        return comment == null || comment.isBlank() ? fallback : comment.strip();
    }

    /** How a p2p comment names the other member: their email, else their phone, else their id. */
    private static String nameOf(MemberRef member) {
        if (member.email() != null && !member.email().isBlank()) {
            return member.email();
        }
        if (member.phone() != null && !member.phone().isBlank()) {
            return member.phone();
        }
        return member.memberId();
    }
}

package org.serverlessloyalty.shared.points.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.BlockPoints;
import org.serverlessloyalty.shared.points.model.ImportRow;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerAccount;
import org.serverlessloyalty.shared.points.model.LedgerPlan;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.points.port.MemberLookup;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.points.port.PointsSettingsSource;
import org.serverlessloyalty.shared.points.rules.TransferPlanner;
import org.serverlessloyalty.shared.points.rules.TransferPlanner.Decision;

/**
 * The points writes (B3-B11): each reads what it decides on, asks {@link TransferPlanner}, and executes the plan as
 * one transaction. When the transaction finds a limit no longer holding (a lot another action drew on meanwhile) or
 * meets contention, the action reads and decides again: the client only ever hears of a real shortage ("not enough
 * points"), never of a conflict it did not cause. Each write takes a {@link Claim} so an Idempotency-Key's record
 * commits in the same transaction as the effect.
 *
 * <p>A spend, block or p2p send decides on this instance's cached copy of the member's account when it has one
 * ({@link AccountCache}): one transaction, no read, in the steady state. Exact all the same: the drawn lots'
 * conditions and the account version check (docs/dynamodb-design.md, "A spend without a read") refuse a decision a
 * stale copy got wrong, and it is then read and decided again; a refusal is never answered from the copy.
 */
public final class PointsTransfers {

    /**
     * How many read-decide-write rounds an action gets. Each lost round means another action on the same lots
     * committed; the jittered pauses of {@link Contention} spread a burst of concurrent spends on one member out.
     */
    public static final int MAX_ATTEMPTS = 40;

    private final PointsLedger ledger;
    private final MemberLookup members;
    private final PointsSettingsSource settings;
    private final Clock clock;

    private final AccountCache accounts;

    public PointsTransfers(PointsLedger ledger, MemberLookup members, PointsSettingsSource settings, Clock clock) {
        this(ledger, members, settings, clock, AccountCache.DEFAULT_MEMBERS);
    }

    /** @param cachedMembers how many members' accounts this instance keeps to decide on without reading */
    public PointsTransfers(PointsLedger ledger, MemberLookup members, PointsSettingsSource settings, Clock clock,
                           int cachedMembers) {
        this.ledger = ledger;
        this.members = members;
        this.settings = settings;
        this.clock = clock;
        this.accounts = new AccountCache(cachedMembers);
    }

    /** B3: add points to a member by id. */
    public TransferOutcome add(StoreZone store, AddPoints cmd, Claim<TransferOutcome> claim) {
        return add(store, cmd, List.of(), claim);
    }

    /**
     * Add points only while each of {@code bounds} holds, in the same transaction (an earning rule's usage limit,
     * E12): a bound that would be passed answers {@link Refusal#LIMIT_EXCEEDED} and writes nothing.
     */
    public TransferOutcome add(StoreZone store, AddPoints cmd, List<LedgerStep.Tally> bounds,
                               Claim<TransferOutcome> claim) {
        Optional<MemberRef> member = members.byId(store.code(), cmd.memberId());
        if (member.isEmpty()) {
            return refused(Refusal.NO_SUCH_CUSTOMER);
        }
        PointsSettings rules = settings.settings(store.code());
        return run("add points", claim, now -> bounded(TransferPlanner.add(context(store, rules, now, claim, bounds),
                member.get(), cmd, TransferId.newAt(now)), bounds));
    }

    /** B4 (rule P8): spend a member's points, oldest first; a spend with a transactionId is a return's revocation. */
    public TransferOutcome spend(StoreZone store, SpendPoints cmd, Claim<TransferOutcome> claim) {
        return spend(store, cmd, List.of(), claim);
    }

    /**
     * Spend only while each of {@code bounds} holds, in the same transaction (a return never revokes more than the
     * transaction earned, T5): a bound that would be passed answers {@link Refusal#LIMIT_EXCEEDED}, nothing written.
     */
    public TransferOutcome spend(StoreZone store, SpendPoints cmd, List<LedgerStep.Tally> bounds,
                                 Claim<TransferOutcome> claim) {
        Optional<MemberRef> member = members.byId(store.code(), cmd.memberId());
        if (member.isEmpty()) {
            return refused(Refusal.NO_SUCH_CUSTOMER);
        }
        PointsSettings rules = settings.settings(store.code());
        return drawing("spend points", claim, store, member.get().memberId(), (now, account) -> bounded(
                TransferPlanner.spend(drawingContext(store, rules, now, claim, bounds), member.get(), cmd, account,
                        TransferId.newAt(now)), bounds));
    }

    /** B9: hold a member's points until the block is cancelled. */
    public TransferOutcome block(StoreZone store, BlockPoints cmd, Claim<TransferOutcome> claim) {
        Optional<MemberRef> member = members.byId(store.code(), cmd.memberId());
        if (member.isEmpty()) {
            return refused(Refusal.NO_SUCH_CUSTOMER);
        }
        PointsSettings rules = settings.settings(store.code());
        return drawing("block points", claim, store, member.get().memberId(), (now, account) -> TransferPlanner.block(
                drawingContext(store, rules, now, claim), member.get(), cmd, account, TransferId.newAt(now)));
    }

    /** B6 (rule P10): the admin's p2p, sender and receiver each named by id, email or phone. */
    public TransferOutcome sendAsAdmin(StoreZone store, String sender, String receiver, BigDecimal points,
                                       Claim<TransferOutcome> claim) {
        Optional<MemberRef> from = members.resolve(store.code(), sender);
        if (from.isEmpty()) {
            return refused(Refusal.NO_SUCH_SENDER);
        }
        return send(store, from.get(), receiver, points, claim);
    }

    /** B7 (rule P10): a member sends their own points; {@code memberId} comes from their token. */
    public TransferOutcome sendAsMember(StoreZone store, String memberId, String receiver, BigDecimal points,
                                        Claim<TransferOutcome> claim) {
        Optional<MemberRef> from = members.byId(store.code(), memberId);
        if (from.isEmpty()) {
            return refused(Refusal.NO_SUCH_CUSTOMER);
        }
        return send(store, from.get(), receiver, points, claim);
    }

    private TransferOutcome send(StoreZone store, MemberRef sender, String receiver, BigDecimal points,
                                 Claim<TransferOutcome> claim) {
        Optional<MemberRef> to = members.resolve(store.code(), receiver);
        if (to.isEmpty()) {
            return refused(Refusal.NO_SUCH_RECEIVER);
        }
        PointsSettings rules = settings.settings(store.code());
        return drawing("send points", claim, store, sender.memberId(), (now, account) -> TransferPlanner.send(
                drawingContext(store, rules, now, claim), sender, to.get(), points, account, TransferId.newAt(now),
                () -> TransferId.newAt(now)));
    }

    /** B5 (rule P9, item 8) and B9's unblock. */
    public TransferOutcome cancel(StoreZone store, TransferId id, Claim<TransferOutcome> claim) {
        PointsSettings rules = settings.settings(store.code());
        return onTransfer(store, id, claim, "cancel a points transfer",
                (now, target, account) -> TransferPlanner.cancel(context(store, rules, now, claim), target, account));
    }

    /** B10: unlock a pending lot now. */
    public TransferOutcome activate(StoreZone store, TransferId id, Claim<TransferOutcome> claim) {
        PointsSettings rules = settings.settings(store.code());
        return onTransfer(store, id, claim, "activate a points transfer",
                (now, target, account) -> TransferPlanner.activate(context(store, rules, now, claim), target));
    }

    /** B11: expire an active lot now. */
    public TransferOutcome expire(StoreZone store, TransferId id, Claim<TransferOutcome> claim) {
        PointsSettings rules = settings.settings(store.code());
        return onTransfer(store, id, claim, "expire a points transfer",
                (now, target, account) -> TransferPlanner.expire(context(store, rules, now, claim), target));
    }

    /** One row of an import (B8): an add or a spend by the admin. */
    public TransferOutcome importRow(StoreZone store, ImportRow row, Claim<TransferOutcome> claim) {
        return row.type() == TransferType.ADDING
                ? add(store, new AddPoints(row.memberId(), row.points(), row.comment(), Issuer.ADMIN, null), claim)
                : spend(store, new SpendPoints(row.memberId(), row.points(), row.comment(), Issuer.ADMIN, null), claim);
    }

    private interface OnTransfer {
        Decision decide(Instant now, PointsTransfer target, List<PointsTransfer> account);
    }

    /**
     * Finds the transfer through the store-wide index (its member and type never change), then decides on the
     * member's account as committed, so a cancel records exactly what was consumed.
     */
    private TransferOutcome onTransfer(StoreZone store, TransferId id, Claim<TransferOutcome> claim, String action,
                                       OnTransfer decide) {
        Optional<PointsTransfer> located = ledger.find(store.code(), id);
        if (located.isEmpty()) {
            return refused(Refusal.TRANSFER_NOT_FOUND);
        }
        PointsTransfer found = located.get();
        if (!found.type().isLot() && found.type() != TransferType.BLOCKED) {
            // Spends are never in an account read: decide on what the index holds (their type is all that matters).
            return run(action, claim, now -> decide.decide(now, found, List.of()));
        }
        return run(action, claim, now -> {
            List<PointsTransfer> account = ledger.account(store.code(), found.memberId());
            return account.stream().filter(t -> t.id().equals(id)).findFirst()
                    .map(target -> decide.decide(now, target, account))
                    .orElseGet(() -> new Decision.Answer(new TransferOutcome.Refused(Refusal.TRANSFER_NOT_FOUND)));
        });
    }

    private interface OnAccount {
        Decision decide(Instant now, List<PointsTransfer> account);
    }

    /**
     * A spend, block or p2p send: decided on the member's cached account when this instance has it (one
     * transaction, no read), else on a fresh read. The plan carries a check of the account version it was decided
     * on, so it commits only while no older lot gained points since (rule P8 exact); its takes hold the rest. A
     * cached decision that does not commit, or that would answer without writing (a refusal above all), is never
     * the answer: the account is read afresh and the action decided again on it.
     */
    private TransferOutcome drawing(String action, Claim<TransferOutcome> claim, StoreZone store, String memberId,
                                    OnAccount decide) {
        return Contention.retry(action, MAX_ATTEMPTS, () -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Optional<LedgerAccount> cached = accounts.get(store.code(), memberId);
            if (cached.isPresent()) {
                Decision decision = decide.decide(now, cached.get().transfers());
                if (decision instanceof Decision.Write write) {
                    PlanResult<LedgerStep> result = execute(store, memberId, write, cached.get(), claim, now);
                    if (result instanceof PlanResult.Committed<LedgerStep>) {
                        return Optional.of(claim.committed(write.outcome()));
                    }
                    if (boundPassed(result)) {
                        return Optional.of(refused(Refusal.LIMIT_EXCEEDED));
                    }
                    if (result instanceof PlanResult.Refused<LedgerStep> refused && ownTransferExists(refused, write)) {
                        return Optional.of(claim.committed(write.outcome()));
                    }
                    if (result instanceof PlanResult.Contended<LedgerStep>) {
                        return Optional.empty();
                    }
                }
                // A refused condition (a cached lot or the version changed) or an answer decided on the cache:
                // decide again on the account as committed.
                accounts.drop(store.code(), memberId);
            }
            LedgerAccount fresh = ledger.versionedAccount(store.code(), memberId);
            accounts.put(store.code(), memberId, fresh, now);
            Decision decision = decide.decide(now, fresh.transfers());
            if (decision instanceof Decision.Answer answer) {
                return Optional.of(answer.outcome());
            }
            Decision.Write write = (Decision.Write) decision;
            PlanResult<LedgerStep> result = execute(store, memberId, write, fresh, claim, now);
            if (result instanceof PlanResult.Committed<LedgerStep>) {
                return Optional.of(claim.committed(write.outcome()));
            }
            if (boundPassed(result)) {
                return Optional.of(refused(Refusal.LIMIT_EXCEEDED));
            }
            if (result instanceof PlanResult.Refused<LedgerStep> refused && ownTransferExists(refused, write)) {
                return Optional.of(claim.committed(write.outcome()));
            }
            return Optional.empty();
        });
    }

    /**
     * The plan and the check that {@code account}'s version still holds, as one transaction. The cache then holds
     * the account as the plan left it, or nothing when it did not commit (whatever made it fail, or an answer
     * lost on the way: the next decision reads).
     */
    private PlanResult<LedgerStep> execute(StoreZone store, String memberId, Decision.Write write,
                                           LedgerAccount account, Claim<TransferOutcome> claim, Instant now) {
        List<LedgerStep> steps = new ArrayList<>(write.plan().steps());
        steps.add(new LedgerStep.CheckVersion(memberId, account.version()));
        LedgerPlan plan = new LedgerPlan(write.plan().store(), steps);
        PlanResult<LedgerStep> result;
        try {
            result = ledger.execute(plan, claim.record(write.outcome()));
        } catch (RuntimeException e) {
            accounts.drop(store.code(), memberId);
            throw e;
        }
        if (result instanceof PlanResult.Committed<LedgerStep>) {
            accounts.committed(plan, now);
        } else {
            accounts.drop(store.code(), memberId);
        }
        return result;
    }

    private TransferOutcome run(String action, Claim<TransferOutcome> claim, Function<Instant, Decision> decide) {
        return Contention.retry(action, MAX_ATTEMPTS, () -> {
            // Milliseconds: the instant the conditions compare with is stored in milliseconds too.
            Decision decision = decide.apply(clock.instant().truncatedTo(ChronoUnit.MILLIS));
            if (decision instanceof Decision.Answer answer) {
                return Optional.of(answer.outcome());
            }
            Decision.Write write = (Decision.Write) decision;
            PlanResult<LedgerStep> result = ledger.execute(write.plan(), claim.record(write.outcome()));
            if (result instanceof PlanResult.Committed<LedgerStep>) {
                accounts.committed(write.plan(), clock.instant());
                return Optional.of(claim.committed(write.outcome()));
            }
            if (boundPassed(result)) {
                return Optional.of(refused(Refusal.LIMIT_EXCEEDED));
            }
            if (result instanceof PlanResult.Refused<LedgerStep> refused && ownTransferExists(refused, write)) {
                return Optional.of(claim.committed(write.outcome()));
            }
            // A limit no longer held (the account changed since it was read) or the store met contention:
            // nothing was written; read and decide again.
            return Optional.empty();
        });
    }

    /**
     * A new transfer's id is drawn for this very attempt, so "a transfer with this id exists" can only mean this
     * attempt's transaction was applied already and its answer lost (a retried request after a server error).
     */
    private static boolean ownTransferExists(PlanResult.Refused<LedgerStep> refused, Decision.Write write) {
        return refused.failed().stream().anyMatch(s -> s instanceof LedgerStep.Create);
    }

    /** The decision with the bounds' tallies added to its writes; an answer stays an answer. */
    private static Decision bounded(Decision decision, List<LedgerStep.Tally> bounds) {
        if (bounds.isEmpty() || !(decision instanceof Decision.Write write)) {
            return decision;
        }
        List<LedgerStep> steps = new ArrayList<>(write.plan().steps());
        steps.addAll(bounds);
        return new Decision.Write(new LedgerPlan(write.plan().store(), steps), write.outcome());
    }

    /** A bound that does not hold is an answer: retrying cannot make room in it. */
    private static boolean boundPassed(PlanResult<LedgerStep> result) {
        return result instanceof PlanResult.Refused<LedgerStep> refused
                && refused.failed().stream().anyMatch(LedgerStep.Tally.class::isInstance);
    }

    private static TransferPlanner.Context context(StoreZone store, PointsSettings rules, Instant now,
                                                   Claim<TransferOutcome> claim) {
        return context(store, rules, now, claim, List.of());
    }

    private static TransferPlanner.Context context(StoreZone store, PointsSettings rules, Instant now,
                                                   Claim<TransferOutcome> claim, List<LedgerStep.Tally> bounds) {
        int reserved = (claim.isKeyed() ? 1 : 0) + bounds.size();
        return new TransferPlanner.Context(store, rules, now, PointsLedger.MAX_TRANSACTION_ITEMS - reserved);
    }

    /** A spend's, block's or p2p send's: one item of the transaction is the account version check. */
    private static TransferPlanner.Context drawingContext(StoreZone store, PointsSettings rules, Instant now,
                                                          Claim<TransferOutcome> claim) {
        return drawingContext(store, rules, now, claim, List.of());
    }

    private static TransferPlanner.Context drawingContext(StoreZone store, PointsSettings rules, Instant now,
                                                          Claim<TransferOutcome> claim, List<LedgerStep.Tally> bounds) {
        int reserved = (claim.isKeyed() ? 1 : 0) + 1 + bounds.size();
        return new TransferPlanner.Context(store, rules, now, PointsLedger.MAX_TRANSACTION_ITEMS - reserved);
    }

    private static TransferOutcome refused(Refusal refusal) {
        return new TransferOutcome.Refused(refusal);
    }
}

package org.serverlessloyalty.shared.transaction.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.model.Earned;
import org.serverlessloyalty.shared.earning.port.EventEarning;
import org.serverlessloyalty.shared.earning.port.InstantRewards;
import org.serverlessloyalty.shared.earning.port.TransactionEarning;
import org.serverlessloyalty.shared.level.port.LevelRecalculation;
import org.serverlessloyalty.shared.level.port.MemberAudience;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.StoredAnswer;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.MemberStatus;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TallyKey;
import org.serverlessloyalty.shared.points.model.TransactionRef;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.model.TransferState;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.DocumentType;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionOutcome;
import org.serverlessloyalty.shared.transaction.model.TransactionRefusal;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;
import org.serverlessloyalty.shared.transaction.port.Shoppers;
import org.serverlessloyalty.shared.transaction.port.TransactionRepository;
import org.serverlessloyalty.shared.transaction.port.TransactionSettingsSource;
import org.serverlessloyalty.shared.transaction.rules.TransactionRules.Identifier;
import org.serverlessloyalty.shared.transaction.rules.TransactionRules;

/**
 * Registering, assigning and reading transactions (section 1.B.4, rules T1-T6), and what a transaction does to
 * points: a sale that has its member earns once (earning rules, E1-E10), a return takes back its share (T5, section
 * 4 item 9).
 *
 * <p>Exactly once, whatever is retried or runs at the same time:
 * <ul>
 * <li>a document number is registered once: the transaction and the claim on its number are one conditional
 *     transaction (T1), so of concurrent registrations one commits;</li>
 * <li>a sale earns once: the points are added with a {@link Claim} keyed {@code earn:{transactionId}} whose record
 *     commits in the same transaction as the lot, then the amount is recorded on the transaction; a retry after a
 *     crash between the two finds the record and only finishes the second step ({@link #finish});</li>
 * <li>a return revokes once and never past what the sale earned: its spend carries two counters in the same
 *     transaction, the sale's {@code Revoked} tally bounded by the points earned, and the return's own bounded by
 *     its share, which a second revocation of the same return would pass.</li>
 * </ul>
 */
public final class Transactions {

    /** Where the earning claims live: not a route, so no client key can ever meet them. */
    static final String EARNING_SCOPE = "transaction-earning";
    private static final int MAX_REVOCATION_ROUNDS = 10;

    private final TransactionRepository repository;
    private final TransactionSettingsSource settings;
    private final Shoppers shoppers;
    private final TransactionEarning earning;
    private final MemberAudience audiences;
    private final PointsTransfers transfers;
    private final PointsLedger ledger;
    private final Idempotency idempotency;
    private final LevelRecalculation levels;
    private final EventEarning events;
    private final InstantRewards instantRewards;
    private final Clock clock;

    /** Without reward campaigns: an {@code instant_reward} rule that applies gives nothing. */
    public Transactions(TransactionRepository repository, TransactionSettingsSource settings, Shoppers shoppers,
                        TransactionEarning earning, MemberAudience audiences, PointsTransfers transfers,
                        PointsLedger ledger, Idempotency idempotency, LevelRecalculation levels, EventEarning events,
                        Clock clock) {
        this(repository, settings, shoppers, earning, audiences, transfers, ledger, idempotency, levels, events,
                InstantRewards.NONE, clock);
    }

    public Transactions(TransactionRepository repository, TransactionSettingsSource settings, Shoppers shoppers,
                        TransactionEarning earning, MemberAudience audiences, PointsTransfers transfers,
                        PointsLedger ledger, Idempotency idempotency, LevelRecalculation levels, EventEarning events,
                        InstantRewards instantRewards, Clock clock) {
        this.instantRewards = instantRewards;
        this.repository = repository;
        this.settings = settings;
        this.shoppers = shoppers;
        this.earning = earning;
        this.audiences = audiences;
        this.transfers = transfers;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.levels = levels;
        this.events = events;
        this.clock = clock;
    }

    public TransactionSettings settings(StoreCode store) {
        return settings.settings(store);
    }

    /**
     * T-1: {@code draft} as parsed (no id, no member). Matches its member (T4), checks a return (T2), writes it once
     * per document number (T1) and, when it has its member, earns or revokes.
     */
    public TransactionOutcome register(StoreZone store, Transaction draft) {
        return register(store, draft, null);
    }

    private TransactionOutcome register(StoreZone store, Transaction draft, BigDecimal reported) {
        if (repository.findByDocument(store.code(), draft.documentNumber()).isPresent()) {
            return new TransactionOutcome.Refused(TransactionRefusal.DOCUMENT_NOT_UNIQUE);
        }
        return registerNew(store, draft, reported);
    }

    /** Registration itself: the conditional write is what keeps the document number unique (T1). */
    private TransactionOutcome registerNew(StoreZone store, Transaction draft, BigDecimal reported) {
        TransactionSettings rules = settings.settings(store.code());
        // A draft may come with its member already found (an order's shopper, matched by the caller).
        String member = draft.memberId() != null ? draft.memberId()
                : match(store.code(), draft, rules).map(MemberRef::memberId).orElse(null);
        String revised = null;
        if (draft.documentType() == DocumentType.RETURN) {
            if (!rules.returns() && !settings.current(store.code()).returns()) {
                return new TransactionOutcome.Refused(TransactionRefusal.RETURNS_DISABLED);
            }
            Optional<Transaction> sale = draft.revisedDocument() == null ? Optional.empty()
                    : repository.findByDocument(store.code(), draft.revisedDocument());
            Optional<TransactionRefusal> refusal = TransactionRules.revisionRefusal(sale, member);
            if (refusal.isPresent()) {
                return new TransactionOutcome.Refused(refusal.get());
            }
            revised = sale.get().id();
            member = sale.get().memberId();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Transaction tx = new Transaction(UUID.randomUUID().toString(), draft.documentNumber(), draft.documentType(),
                draft.purchaseDate(), draft.purchasePlace(), draft.revisedDocument(), revised, draft.items(),
                draft.customerData(), draft.externalId(), draft.pos(), draft.labels(), member,
                member == null ? null : now, null, now);
        if (!repository.create(store.code(), tx)) {
            // Another registration of this number committed first (T1 under concurrency).
            return new TransactionOutcome.Refused(TransactionRefusal.DOCUMENT_NOT_UNIQUE);
        }
        repository.addItemLabels(store.code(), tx.items().stream().flatMap(i -> i.labels().stream()).toList());
        return new TransactionOutcome.Done(finish(store, tx, reported));
    }

    /**
     * Registers {@code draft} unless its document number is there already, then finishes whatever the transaction
     * still owes (an earlier attempt may have stopped between its steps): what an order registers on every
     * delivery. Answers the transaction as registered first.
     *
     * @param reported the points the shop reported for it, when they decide instead of the rules; else null
     */
    public TransactionOutcome registerOnce(StoreZone store, Transaction draft, BigDecimal reported) {
        Optional<Transaction> existing = repository.findByDocument(store.code(), draft.documentNumber());
        if (existing.isPresent()) {
            return new TransactionOutcome.Done(finish(store, existing.get(), reported));
        }
        return registerOnceNew(store, draft, reported);
    }

    /**
     * {@link #registerOnce} for a caller that just found no transaction with the draft's document number: the
     * conditional write alone decides (a registration that lost the race finishes the winner's).
     */
    public TransactionOutcome registerOnceNew(StoreZone store, Transaction draft, BigDecimal reported) {
        TransactionOutcome outcome = registerNew(store, draft, reported);
        if (outcome instanceof TransactionOutcome.Refused refused
                && refused.refusal() == TransactionRefusal.DOCUMENT_NOT_UNIQUE) {
            return repository.findByDocument(store.code(), draft.documentNumber())
                    .<TransactionOutcome>map(t -> new TransactionOutcome.Done(finish(store, t, reported)))
                    .orElse(outcome);
        }
        return outcome;
    }

    /** T4 with the store's settings: the member the draft's customer data names, if an active one. */
    public Optional<MemberRef> match(StoreCode store, Transaction draft) {
        return match(store, draft, settings.settings(store));
    }

    /** T4: the first identifier that names an active member. */
    Optional<MemberRef> match(StoreCode store, Transaction draft, TransactionSettings rules) {
        for (Identifier id : TransactionRules.identifiers(draft.externalId(), draft.customerData(),
                rules.identificationPriority())) {
            Optional<MemberRef> member = shoppers.by(store, id.kind(), id.value())
                    .filter(m -> MemberStatus.ACTIVE.value().equals(m.status()));
            if (member.isPresent()) {
                return member;
            }
        }
        return Optional.empty();
    }

    /**
     * T-5: gives the transaction with {@code documentNumber} the member {@code memberId} (already resolved by the
     * caller), then earns.
     */
    public TransactionOutcome assign(StoreZone store, String documentNumber, String memberId) {
        Optional<Transaction> found = repository.findByDocument(store.code(), documentNumber);
        if (found.isEmpty()) {
            return new TransactionOutcome.Refused(TransactionRefusal.ASSIGN_NOT_FOUND);
        }
        if (found.get().memberId() != null) {
            return new TransactionOutcome.Refused(TransactionRefusal.ALREADY_ASSIGNED);
        }
        Transaction assigned = found.get().withMember(memberId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (!repository.assign(store.code(), assigned)) {
            return new TransactionOutcome.Refused(TransactionRefusal.ALREADY_ASSIGNED);
        }
        return new TransactionOutcome.Done(finish(store, assigned, null));
    }

    /**
     * Whatever a transaction with a member still owes: a sale its points (once), a return its revocation (once).
     * Safe to call again at any time: each step is exactly-once by itself.
     */
    public Transaction finish(StoreZone store, Transaction tx) {
        return finish(store, tx, null);
    }

    /** {@link #finish(StoreZone, Transaction)} with the shop's reported points deciding a sale's (null: the rules). */
    public Transaction finish(StoreZone store, Transaction tx, BigDecimal reported) {
        if (tx.memberId() == null) {
            return tx;
        }
        if (tx.isSell()) {
            if (tx.pointsEarned() != null) {
                return tx;
            }
            return earn(store, tx, reported);
        }
        revoke(store, tx);
        return tx;
    }

    /**
     * Earns a sale's points: the earning rules' for its basket and its member's audience, or {@code reported}
     * points (an order whose store lets the shop decide). The lot and the claim {@code earn:{id}} commit together.
     */
    public Transaction earn(StoreZone store, Transaction tx, BigDecimal reported) {
        Optional<Audience> audience = audiences.of(store.code(), tx.memberId());
        Earned byRules = earning.evaluate(store.code(), tx.basket(settings.settings(store.code()).excludedDeliverySkus()),
                Optional.of(audience.orElse(new Audience(tx.memberId(), MemberStatus.ACTIVE.value(), null, Set.of()))));
        // The shop's reported points replace the rules' points, not their instant rewards (issue 11).
        Earned earned = reported == null ? byRules : new Earned(reported, List.of("Reported by the shop"));
        BigDecimal points = BigDecimal.ZERO;
        String lot = null;
        if (earned.points().signum() > 0) {
            AddPoints add = new AddPoints(tx.memberId(), earned.points(),
                    earned.comment().isBlank() ? "Transaction " + tx.documentNumber() : earned.comment(),
                    Issuer.SYSTEM, new TransactionRef(tx.id(), null, tx.documentNumber(), tx.pos()));
            // The claim replays the first answer for a day; the EARNED mark holds the once for ever after.
            List<LedgerStep.Tally> once = List.of(
                    new LedgerStep.Tally(new TallyKey.Earned(tx.id()), BigDecimal.ONE, BigDecimal.ONE));
            var result = idempotency.run(new IdempotencyScope(store.code().value(), EARNING_SCOPE),
                    Optional.of(new IdempotencyKey("earn:" + tx.id())), tx.id(), Transactions::stored,
                    claim -> transfers.add(store, add, once, claim));
            StoredAnswer answer;
            if (result instanceof Idempotency.Result.Fresh<TransferOutcome> fresh) {
                answer = stored(fresh.result());
            } else if (result instanceof Idempotency.Result.Replayed<TransferOutcome> replayed) {
                answer = replayed.answer();
            } else {
                throw new IllegalStateException("The earning claim of " + tx.id() + " was used for another request");
            }
            JsonNode body = parse(answer);
            if (body.hasNonNull("points")) {
                points = new BigDecimal(body.get("points").asText());
                lot = body.get("pointsTransferId").asText();
            } else {
                // Earned already, by an attempt whose claim has expired: its lot says what it was.
                Optional<PointsTransfer> earnedBefore = ledger.transfers(store.code(), tx.memberId()).stream()
                        .filter(t -> t.type().isLot() && t.transaction() != null
                                && tx.id().equals(t.transaction().transactionId()))
                        .findFirst();
                if (earnedBefore.isPresent()) {
                    points = earnedBefore.get().value().value();
                    lot = earnedBefore.get().id().value();
                }
            }
        }
        // issue 11 (h11-instant): before the sale is marked earned, so a crash here is finished by the retry that
        // finds it unmarked; each coupon is once per (transaction, rule) by its own claim.
        for (Earned.InstantReward reward : byRules.instantRewards()) {
            instantRewards.issue(store, tx.memberId(), tx.id(), reward);
        }
        repository.recordEarned(store.code(), tx, points, lot);
        levels.recalculate(store, tx.memberId());
        events.purchased(store, tx.memberId(), tx.id(), isFirstSale(store.code(), tx));
        return tx.withPointsEarned(points);
    }

    private boolean isFirstSale(StoreCode store, Transaction tx) {
        return repository.ofMember(store, tx.memberId()).stream()
                .filter(Transaction::isSell)
                .noneMatch(t -> !t.id().equals(tx.id()) && t.createdAt().isBefore(tx.createdAt()));
    }

    private static StoredAnswer stored(TransferOutcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (outcome instanceof TransferOutcome.Done done) {
            body.put("pointsTransferId", done.id().value());
            body.put("points", done.points().value().toPlainString());
        } else if (outcome instanceof TransferOutcome.Refused refused) {
            // The member may not earn (their status): the sale earned nothing, and stays so on a retry.
            body.put("refused", refused.refusal().message());
        }
        return new StoredAnswer(200, Json.write(body));
    }

    private static JsonNode parse(StoredAnswer answer) {
        try {
            return Json.MAPPER.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An earning record that is not JSON", e);
        }
    }

    /**
     * T5 and section 4 item 9: the return takes back its share of what the sale earned, pending points included,
     * never past the sale's earned points in total (the sale's {@code Revoked} tally, in the same transaction), and
     * only once (the return's own tally, bounded by this return's share).
     *
     * @return the points this call revoked (zero when done before or nothing is left)
     */
    public BigDecimal revoke(StoreZone store, Transaction ret) {
        Optional<Transaction> found = repository.find(store.code(), ret.revisedTransactionId());
        if (found.isEmpty() || found.get().pointsEarned() == null || ret.memberId() == null) {
            return BigDecimal.ZERO;
        }
        return revokeShare(store, found.get(), ret.id(), ret.grossValue(), ret.documentNumber(), ret.pos());
    }

    /**
     * Revokes what is left of the sale's earned points (an order cancelled or refunded whole): occasion
     * {@code occasionId} makes it once.
     */
    public BigDecimal revokeRest(StoreZone store, Transaction sale, String occasionId) {
        if (sale.pointsEarned() == null || sale.memberId() == null) {
            return BigDecimal.ZERO;
        }
        return revokeShare(store, sale, occasionId, sale.grossValue(), sale.documentNumber(), sale.pos());
    }

    private BigDecimal revokeShare(StoreZone store, Transaction sale, String occasionId, BigDecimal returnGross,
                                   String documentNumber, String pos) {
        TallyKey saleRevoked = new TallyKey.Revoked(sale.id());
        TallyKey thisReturn = new TallyKey.Revoked(occasionId);
        for (int round = 0; round < MAX_REVOCATION_ROUNDS; round++) {
            if (ledger.tally(store.code(), thisReturn).signum() > 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal soFar = repository.lotCancelled(store.code(), sale.id()) ? sale.pointsEarned()
                    : ledger.tally(store.code(), saleRevoked);
            BigDecimal amount = TransactionRules.revocation(sale.pointsEarned(), sale.grossValue(), returnGross, soFar);
            if (amount.signum() == 0) {
                return BigDecimal.ZERO;
            }
            if (amount.compareTo(sale.pointsEarned().subtract(soFar)) == 0 && cancelPendingLot(store, sale)) {
                // Item 9: the sale's points are still pending and everything left goes back: the lot itself goes.
                return amount;
            }
            TransferOutcome outcome = transfers.spend(store, new SpendPoints(sale.memberId(), amount,
                            "Return " + documentNumber, Issuer.SYSTEM,
                            new TransactionRef(occasionId, sale.id(), documentNumber, pos)),
                    List.of(new LedgerStep.Tally(saleRevoked, amount, sale.pointsEarned()),
                            new LedgerStep.Tally(thisReturn, amount, amount)),
                    Claim.none());
            if (outcome instanceof TransferOutcome.Done done) {
                return done.points().value();
            }
            if (!(outcome instanceof TransferOutcome.Refused refused && refused.refusal() == Refusal.LIMIT_EXCEEDED)) {
                // Unchanged: the member has no points left to take; nothing was written.
                return BigDecimal.ZERO;
            }
            // A bound did not hold: either this return was revoked meanwhile (the loop's first check ends it) or
            // a concurrent return took part of the sale's points: decide again on the tally as it is now.
        }
        throw new IllegalStateException("The revocation of " + occasionId + " kept meeting concurrent returns");
    }

    /** Cancels the sale's lot when it is still pending; false when it is not (its points count: spend them). */
    private boolean cancelPendingLot(StoreZone store, Transaction sale) {
        Optional<String> lot = repository.earnedLot(store.code(), sale.id());
        if (lot.isEmpty() || !TransferId.isValid(lot.get())) {
            return false;
        }
        Optional<PointsTransfer> transfer = ledger.find(store.code(), TransferId.parse(lot.get()));
        if (transfer.isEmpty() || transfer.get().stateAt(clock.instant()) != TransferState.PENDING) {
            return false;
        }
        TransferOutcome outcome = transfers.cancel(store, transfer.get().id(), Claim.none());
        if (outcome instanceof TransferOutcome.Refused) {
            return false;
        }
        repository.recordLotCancelled(store.code(), sale.id());
        return true;
    }

    public Optional<Transaction> find(StoreCode store, String id) {
        return repository.find(store, id);
    }

    public Optional<Transaction> findByDocument(StoreCode store, String documentNumber) {
        return repository.findByDocument(store, documentNumber);
    }

    /** T-3's {@code pointsRevoked}: what the sale's returns took back so far. */
    public BigDecimal pointsRevoked(StoreCode store, Transaction tx) {
        if (!tx.isSell()) {
            return BigDecimal.ZERO;
        }
        if (repository.lotCancelled(store, tx.id()) && tx.pointsEarned() != null) {
            return tx.pointsEarned();
        }
        return ledger.tally(store, new TallyKey.Revoked(tx.id()));
    }

    /** T-4: what the basket would earn; {@code member} empty is the merchant's preview (T7: every active rule). */
    public Earned simulate(StoreCode store, Transaction draft, Optional<MemberRef> member) {
        Optional<Audience> audience = member.map(m -> audiences.of(store, m.memberId())
                .orElse(new Audience(m.memberId(), m.status(), null, Set.of())));
        return earning.evaluate(store, draft.basket(settings.settings(store).excludedDeliverySkus()), audience);
    }

    public TransactionRepository repository() {
        return repository;
    }

    public Shoppers shoppers() {
        return shoppers;
    }
}

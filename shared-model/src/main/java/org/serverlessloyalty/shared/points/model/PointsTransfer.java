package org.serverlessloyalty.shared.points.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * One points transfer of a member's account (Open Loyalty's PointsTransfer, section 1.B.1).
 *
 * <p>Lots ({@link TransferType#isLot()}) hold {@code available}: what is left of {@code value} after spends,
 * p2p sends and blocks drew on it. Nothing else about a transfer changes after it is written except the marks
 * of cancel (rule P9), activate (B10) and expire (B11). Its state is never stored but derived at an instant
 * (section 4 item 7): a lot counts from {@link #usableFrom()} (its {@code lockedUntil}, or when it was activated)
 * until {@link #usableUntil()} (its expiry, or when it was expired by hand).
 *
 * @param memberId         the member (Open Loyalty's {@code customerId}; the account is one per member, rule P1)
 * @param available        what is left of a lot; zero for other types
 * @param lockedUntil      the end of the lock (rule P6), null when never locked
 * @param expiresAt        when a lot's points stop counting: the first instant after 23:59:59 of its last day in the
 *                         store's time zone (rule P5), null for never; the PointsTransfer object shows the second before
 * @param draws            what a spend, p2p send or block took from each lot, oldest first (rule P8)
 * @param sourceTransferId the sender's lot a p2p_adding was drawn from (rule P10)
 * @param consumedAtCancel item 8: how much of a cancelled lot had been spent, sent or blocked when it was cancelled
 * @param returnedAtCancel how much a cancelled block gave back to its lots (all it took, less what it took from lots
 *                         cancelled meanwhile)
 */
public record PointsTransfer(StoreCode store, TransferId id, String memberId, TransferType type, Points value,
                             Points available, Instant createdAt, Instant lockedUntil, Instant expiresAt,
                             Issuer issuer, String comment, MemberSnapshot member, TransactionRef transaction,
                             String senderId, String receiverId, TransferId sourceTransferId, List<Draw> draws,
                             Instant canceledAt, Points consumedAtCancel, Points returnedAtCancel, Instant activatedAt,
                             Instant expiredAt) {

    public PointsTransfer {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(issuer, "issuer");
        if (comment == null || comment.isBlank()) {
            // Item 22: every transfer says why it exists.
            throw new IllegalArgumentException("a transfer needs a comment");
        }
        available = type.isLot() ? Objects.requireNonNull(available, "available") : Points.ZERO;
        if (available.compareTo(value) > 0) {
            throw new IllegalArgumentException("a lot cannot hold more than its value");
        }
        member = member == null ? MemberSnapshot.NONE : member;
        draws = draws == null ? List.of() : List.copyOf(draws);
    }

    /** A new lot: an adding transfer (manual add, earning) or a p2p_adding one (rule P10). */
    public static PointsTransfer lot(StoreCode store, TransferId id, String memberId, TransferType type, Points value,
                                     Instant createdAt, Instant lockedUntil, Instant expiresAt, Issuer issuer,
                                     String comment, MemberSnapshot member, TransactionRef transaction,
                                     String senderId, TransferId sourceTransferId) {
        if (!type.isLot()) {
            throw new IllegalArgumentException(type + " is not a lot");
        }
        return new PointsTransfer(store, id, memberId, type, value, value, createdAt, lockedUntil, expiresAt, issuer,
                comment, member, transaction, senderId, null, sourceTransferId, List.of(), null, null, null, null, null);
    }

    /** A new spending, p2p_spending or blocked transfer and what it took from each lot. */
    public static PointsTransfer drawing(StoreCode store, TransferId id, String memberId, TransferType type,
                                         Points value, Instant createdAt, Issuer issuer, String comment,
                                         MemberSnapshot member, TransactionRef transaction, String receiverId,
                                         List<Draw> draws) {
        if (!type.draws()) {
            throw new IllegalArgumentException(type + " does not draw on lots");
        }
        return new PointsTransfer(store, id, memberId, type, value, null, createdAt, null, null, issuer, comment,
                member, transaction, null, receiverId, null, draws, null, null, null, null, null);
    }

    public boolean isCanceled() {
        return canceledAt != null;
    }

    /** When a lot starts counting: its lock's end (rule P6) or when it was activated (B10), else its creation. */
    public Instant usableFrom() {
        if (activatedAt != null) {
            return activatedAt;
        }
        return lockedUntil != null ? lockedUntil : createdAt;
    }

    /** When a lot stops counting: its expiry (rule P5) or when it was expired by hand (B11); null = never. */
    public Instant usableUntil() {
        if (expiredAt == null) {
            return expiresAt;
        }
        return expiresAt == null || expiredAt.isBefore(expiresAt) ? expiredAt : expiresAt;
    }

    /** The state at {@code at} (section 4 item 7: derived, never waiting for a job). */
    public TransferState stateAt(Instant at) {
        if (isCanceled()) {
            return TransferState.CANCELED;
        }
        if (type == TransferType.BLOCKED) {
            return TransferState.BLOCKED;
        }
        if (!type.isLot()) {
            return TransferState.ACTIVE;
        }
        Instant until = usableUntil();
        if (until != null && !at.isBefore(until)) {
            return TransferState.EXPIRED;
        }
        if (at.isBefore(usableFrom())) {
            return TransferState.PENDING;
        }
        return TransferState.ACTIVE;
    }

    /** A lot whose points are in the balance at {@code at} (rule P1). */
    public boolean countsAt(Instant at) {
        return type.isLot() && stateAt(at) == TransferState.ACTIVE;
    }

    /**
     * The {@code expiresAt} the PointsTransfer object shows: 23:59:59 of a lot's last day (one second before
     * {@link #expiresAt()}); a spending transfer's creation (section 1.B.1); none for a block.
     */
    public Instant shownExpiresAt() {
        if (type.isLot()) {
            return expiresAt == null ? null : expiresAt.minusSeconds(1);
        }
        return type == TransferType.BLOCKED ? null : createdAt;
    }

    /** The part of a lot that spends, p2p sends and blocks took. */
    public Points consumed() {
        return type.isLot() ? value.minus(available) : Points.ZERO;
    }

    public PointsTransfer withAvailable(Points newAvailable) {
        return new PointsTransfer(store, id, memberId, type, value, newAvailable, createdAt, lockedUntil, expiresAt,
                issuer, comment, member, transaction, senderId, receiverId, sourceTransferId, draws, canceledAt,
                consumedAtCancel, returnedAtCancel, activatedAt, expiredAt);
    }

    /** Cancelled at {@code at}; a lot records how much of it had been consumed (item 8). */
    public PointsTransfer canceled(Instant at) {
        return new PointsTransfer(store, id, memberId, type, value, available, createdAt, lockedUntil, expiresAt,
                issuer, comment, member, transaction, senderId, receiverId, sourceTransferId, draws, at,
                type.isLot() ? consumed() : null, returnedAtCancel, activatedAt, expiredAt);
    }

    /** A block cancelled at {@code at} that gave {@code returned} back to its lots (B9). */
    public PointsTransfer unblocked(Instant at, Points returned) {
        return new PointsTransfer(store, id, memberId, type, value, available, createdAt, lockedUntil, expiresAt,
                issuer, comment, member, transaction, senderId, receiverId, sourceTransferId, draws, at,
                consumedAtCancel, returned, activatedAt, expiredAt);
    }

    public PointsTransfer activated(Instant at) {
        return new PointsTransfer(store, id, memberId, type, value, available, createdAt, lockedUntil, expiresAt,
                issuer, comment, member, transaction, senderId, receiverId, sourceTransferId, draws, canceledAt,
                consumedAtCancel, returnedAtCancel, at, expiredAt);
    }

    public PointsTransfer expired(Instant at) {
        return new PointsTransfer(store, id, memberId, type, value, available, createdAt, lockedUntil, expiresAt,
                issuer, comment, member, transaction, senderId, receiverId, sourceTransferId, draws, canceledAt,
                consumedAtCancel, returnedAtCancel, activatedAt, at);
    }
}

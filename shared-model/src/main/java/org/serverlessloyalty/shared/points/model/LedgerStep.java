package org.serverlessloyalty.shared.points.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One write of a points action and the limit it must hold (docs/architecture.md, "Decisions in the domain, writes
 * in the adapter"). The adapter turns each into one item of a DynamoDB transaction whose condition is exactly the
 * limit named here; a limit that no longer holds cancels the whole action.
 */
public sealed interface LedgerStep {

    /** The member whose account this step writes; null for a step that writes no account (a histogram count). */
    String memberId();

    /** Write a new transfer, only if no transfer has its id. */
    record Create(PointsTransfer transfer) implements LedgerStep {

        @Override
        public String memberId() {
            return transfer.memberId();
        }
    }

    /**
     * Take {@code points} from lot {@code lot} while it still holds at least that much and counts at {@code at}
     * (not cancelled, not expired, not locked): what makes overdrawing impossible (rule P8), whatever else runs.
     */
    record Take(String memberId, TransferId lot, Points points, Instant at) implements LedgerStep {
    }

    /**
     * Give {@code points} back to lot {@code lot} (a block being cancelled, B9) while the lot is not cancelled and
     * holds at most {@code atMost}, its value less these points: a block gives back only what it took.
     */
    record GiveBack(String memberId, TransferId lot, Points points, Points atMost) implements LedgerStep {
    }

    /**
     * Cancel lot {@code lot} (rule P9) while it is not cancelled and still holds exactly {@code seenAvailable}, so the
     * consumed part recorded with it (item 8) is exact.
     */
    record CancelLot(String memberId, TransferId lot, Points seenAvailable, Points consumed, Instant at)
            implements LedgerStep {
    }

    /**
     * Cancel (unblock) block {@code block} while it is not cancelled, recording the {@code returned} points its
     * give-backs (the plan's {@link GiveBack} steps) return: its points go back once (B9).
     */
    record CancelBlock(String memberId, TransferId block, Points returned, Instant at) implements LedgerStep {
    }

    /** Unlock lot {@code lot} now (B10) while it is still pending at {@code at}: not cancelled, locked, not expired. */
    record Activate(String memberId, TransferId lot, Instant at) implements LedgerStep {
    }

    /** Expire lot {@code lot} now (B11) while it is active at {@code at} and still holds exactly {@code seenAvailable}. */
    record Expire(String memberId, TransferId lot, Points seenAvailable, Instant at) implements LedgerStep {
    }

    /** Add {@code delta} (may be negative) to one shard of the histogram counter of {@code type} on {@code day}. */
    record Count(HistogramType type, LocalDate day, int shard, BigDecimal delta) implements LedgerStep {

        @Override
        public String memberId() {
            return null;
        }

        public Count {
            delta = delta.setScale(Points.SCALE, java.math.RoundingMode.UNNECESSARY);
        }
    }

    /**
     * Adds {@code delta} to counter {@code key} while the result stays at most {@code atMost}: a bound on the action
     * (an earning rule's uses per period, E12; a transaction's revoked points, T5) held by the store, not by a read.
     */
    record Tally(TallyKey key, BigDecimal delta, BigDecimal atMost) implements LedgerStep {

        /** None: a counter beside the account, which it leaves as it was (the cached copy stays good). */
        @Override
        public String memberId() {
            return null;
        }

        public Tally {
            if (key == null || delta == null || atMost == null || delta.signum() <= 0 || delta.compareTo(atMost) > 0) {
                throw new IllegalArgumentException("a tally adds a positive amount within its bound: " + delta
                        + " of " + atMost);
            }
        }
    }

    /**
     * Holds while the member's account version is still {@code version} (0: never bumped): no existing lot gained
     * usable points since the account this plan was decided on was read, so the lots it draws are still the oldest
     * that count (rule P8). A check, not a write: concurrent spends never conflict on it.
     */
    record CheckVersion(String memberId, long version) implements LedgerStep {
    }

    /**
     * Bumps the member's account version: this plan gives an existing lot usable points again (a block's give-back,
     * an early activate), so a decision made on an account read before it no longer commits ({@link CheckVersion}).
     */
    record BumpVersion(String memberId) implements LedgerStep {
    }
}

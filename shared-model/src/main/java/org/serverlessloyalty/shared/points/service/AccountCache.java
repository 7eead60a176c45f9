package org.serverlessloyalty.shared.points.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.points.model.LedgerAccount;
import org.serverlessloyalty.shared.points.model.LedgerPlan;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The last account each recently served member was decided on, per instance (a Lambda instance's lifetime): what
 * lets a spend, block or p2p send be one transaction in the steady state. Never trusted for a limit: the plan's
 * own conditions (the drawn lots still hold the points and count now) and the account version check (no older lot
 * gained points, rule P8) decide at commit whether a decision made from it stands. Bounded (least recently used
 * members leave first) and small per member: only the lots that can still be drawn are kept.
 */
final class AccountCache {

    /** Enough for the members one instance serves in a burst; a few hundred bytes each. */
    static final int DEFAULT_MEMBERS = 4096;

    private final Map<String, LedgerAccount> accounts;

    AccountCache(int maxMembers) {
        this.accounts = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LedgerAccount> eldest) {
                return size() > maxMembers;
            }
        };
    }

    synchronized Optional<LedgerAccount> get(StoreCode store, String memberId) {
        return Optional.ofNullable(accounts.get(key(store, memberId)));
    }

    /** Keeps {@code account} as read at {@code now}: its lots that may still be drawn from. */
    synchronized void put(StoreCode store, String memberId, LedgerAccount account, Instant now) {
        List<PointsTransfer> drawable = account.transfers().stream().filter(t -> drawable(t, now)).toList();
        accounts.put(key(store, memberId), new LedgerAccount(drawable, account.version()));
    }

    synchronized void drop(StoreCode store, String memberId) {
        accounts.remove(key(store, memberId));
    }

    synchronized int size() {
        return accounts.size();
    }

    /**
     * After {@code plan} committed: each cached member's account as the plan left it. Takes lower their lots; a
     * member any other step touched (a new lot, a cancel, an activate, an expire, a give-back) is dropped, to be
     * read again on its next decision.
     */
    synchronized void committed(LedgerPlan plan, Instant now) {
        Set<String> touched = new HashSet<>();
        Map<String, List<PointsTransfer>> updated = new LinkedHashMap<>();
        for (LedgerStep step : plan.steps()) {
            String member = step.memberId();
            if (member == null) {
                continue;
            }
            String key = key(plan.store(), member);
            LedgerAccount cached = accounts.get(key);
            if (cached == null || touched.contains(key)) {
                continue;
            }
            List<PointsTransfer> lots = updated.computeIfAbsent(key, k -> new ArrayList<>(cached.transfers()));
            if (step instanceof LedgerStep.Take take) {
                int i = indexOf(lots, take);
                if (i < 0) {
                    touched.add(key);
                } else {
                    lots.set(i, lots.get(i).withAvailable(lots.get(i).available().minus(take.points())));
                }
            } else if (step instanceof LedgerStep.Create create) {
                if (create.transfer().type().isLot()) {
                    // Not added to the copy: a lot another instance created after the copy was read would then be
                    // missing below a newer one, and rule P8 would skip it. Without it, every lot the copy lacks
                    // is newer than every lot it holds.
                    touched.add(key);
                }
            } else if (!(step instanceof LedgerStep.CheckVersion) && !(step instanceof LedgerStep.Tally)) {
                touched.add(key);
            }
        }
        for (String key : touched) {
            accounts.remove(key);
            updated.remove(key);
        }
        updated.forEach((key, lots) -> {
            lots.sort(Comparator.comparing(PointsTransfer::id));
            List<PointsTransfer> drawable = lots.stream().filter(t -> drawable(t, now)).toList();
            accounts.put(key, new LedgerAccount(drawable, accounts.get(key).version()));
        });
    }

    private static int indexOf(List<PointsTransfer> lots, LedgerStep.Take take) {
        for (int i = 0; i < lots.size(); i++) {
            if (lots.get(i).id().equals(take.lot())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A lot a spend may draw from now or later: not cancelled, holding points, not past its end. Blocks, spent and
     * ended lots never matter to a draw again (a block's cancel reads the account afresh).
     */
    private static boolean drawable(PointsTransfer t, Instant now) {
        return t.type().isLot() && !t.isCanceled() && t.available().isPositive()
                && (t.usableUntil() == null || now.isBefore(t.usableUntil()));
    }

    private static String key(StoreCode store, String memberId) {
        return store.value() + '\n' + memberId;
    }
}

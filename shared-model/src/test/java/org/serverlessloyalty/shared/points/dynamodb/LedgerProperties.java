package org.serverlessloyalty.shared.points.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.points.json.PointsJson;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.BlockPoints;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.HistogramInterval;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.points.dynamodb.LedgerModel.Entry;
import org.serverlessloyalty.shared.points.dynamodb.LedgerModel.Expect;
import org.serverlessloyalty.shared.points.dynamodb.LedgerModel.Kind;
import org.serverlessloyalty.shared.points.service.PointsHistogram;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.testing.LocalTable;

/**
 * Random chains of points actions (add, spend, block, p2p, cancel, activate, expire, and clock jumps past locks
 * and expiries, around month ends and DST changes) against the DynamoDB adapter, checked after every step against
 * {@link LedgerModel}: each answer, each member's balance (never below zero), Σ(ledger) = balance from the stored
 * transfers themselves, every status aggregate (P11, item 12), and at the end of each chain the histogram counters.
 */
abstract class LedgerProperties {

    static final String[] MEMBERS = {"m0", "m1", "m2"};
    /** Around the 2026 spring DST change in Paris, a month end, a year end. */
    static final Instant[] STARTS = {Instant.parse("2026-03-27T20:00:00Z"), Instant.parse("2026-01-30T22:30:00Z"),
            Instant.parse("2026-12-30T12:00:00Z"), Instant.parse("2026-10-24T23:00:00Z")};

    sealed interface Action permits Add, Spend, Block, Send, Cancel, Activate, Expire, Jump, On {
    }

    /**
     * {@code action} run by service instance {@code instance} (0 or 1): two PointsTransfers, each with its own
     * account cache, over the same table, so a decision from one's cache meets what the other committed (a block
     * cancelled or a lot activated by the other instance, whose points the oldest-first order must see).
     */
    record On(int instance, Action action) implements Action {
    }

    record Add(int member, int cents) implements Action {
    }

    record Spend(int member, int cents) implements Action {
    }

    record Block(int member, int cents) implements Action {
    }

    record Send(int from, int to, int cents) implements Action {
    }

    record Cancel(int pick) implements Action {
    }

    record Activate(int pick) implements Action {
    }

    record Expire(int pick) implements Action {
    }

    record Jump(int minutes) implements Action {
    }

    /** The table the chains run on (each chain in a store of its own). */
    abstract LocalTable table();

    void checkChain(PointsSettings settings, int start, List<Action> actions) {
        MutableClock clock = new MutableClock(STARTS[start]);
        PointsHarness points = new PointsHarness(table().client(), table().name(), clock);
        points.settings.set(settings);
        for (String m : MEMBERS) {
            points.member(m);
        }
        LedgerModel model = new LedgerModel(settings, PointsHarness.PARIS);
        List<String> picks = new ArrayList<>();
        int step = 0;
        for (Action chained : actions) {
            step++;
            int instance = chained instanceof On on ? on.instance() : 0;
            Action action = chained instanceof On on ? on.action() : chained;
            String where = "step " + step + " " + action + " of " + actions + " with " + settings;
            Instant now = clock.instant();
            if (action instanceof Jump j) {
                clock.advance(Duration.ofMinutes(j.minutes()));
            } else {
                TransferOutcome got = run(points, points.instance(instance), action, picks);
                int before = model.entries.size();
                Expect expected = apply(model, action, picks, now);
                assertThat(describe(got)).as(where).isEqualTo(expected);
                Statistics.label("outcomes").collect(action.getClass().getSimpleName() + " "
                        + (expected.message() == null ? expected.kind() : expected.message()));
                if (got instanceof TransferOutcome.Done done && isCreation(action)) {
                    // The transfer whose id the action answers is the first one it created (for a p2p, the
                    // p2p_spending; its receiving lots are bound below).
                    bind(model, model.entries.get(before), done.id(), picks);
                }
            }
            bindReceivedLots(points, model, picks);
            // A step changes only the accounts it names, unless the clock moved (then every state may change).
            checkAccounts(points, model, clock.instant(), where,
                    action instanceof Jump ? List.of(MEMBERS) : touched(action, model, picks));
        }
        checkHistogram(points, model, "end of " + actions + " with " + settings);
        Statistics.label("steps").collect(actions.size() <= 8 ? "1-8" : actions.size() <= 16 ? "9-16" : "17-24");
    }

    /** Each kind of answer the chains must reach for the property to mean anything. */
    static void requireCoverage() {
        Statistics.label("outcomes").coverage(c -> {
            for (String outcome : List.of("Add done", "Spend done", "Spend not enough points", "Block done",
                    "Send done", "Send transferring points to yourself is forbidden", "Send not enough points",
                    "Cancel done", "Cancel unchanged", "Cancel this transfer cannot be canceled", "Activate done",
                    "Activate this transfer cannot be activated", "Expire done", "Expire this transfer cannot be expired")) {
                c.check(outcome).count(n -> n > 0);
            }
        });
    }

    private static boolean isCreation(Action a) {
        return a instanceof Add || a instanceof Spend || a instanceof Block || a instanceof Send;
    }

    private static void bind(LedgerModel model, Entry entry, TransferId id, List<String> picks) {
        entry.id = id.value();
        model.byId.put(entry.id, entry);
        picks.add(entry.id);
    }

    /** Gives the receiving lots a p2p created their ids (in creation order, as the model made them). */
    private static void bindReceivedLots(PointsHarness points, LedgerModel model, List<String> picks) {
        List<Entry> unbound = model.entries.stream().filter(e -> e.id == null).toList();
        if (unbound.isEmpty()) {
            return;
        }
        Map<String, List<Entry>> byMember = new LinkedHashMap<>();
        unbound.forEach(e -> byMember.computeIfAbsent(e.member, m -> new ArrayList<>()).add(e));
        byMember.forEach((member, entries) -> {
            List<PointsTransfer> fresh = points.ledger.transfers(points.store.code(), member).stream()
                    .filter(t -> t.type() == TransferType.P2P_ADDING && !model.byId.containsKey(t.id().value()))
                    .sorted(Comparator.comparing(PointsTransfer::id)).toList();
            assertThat(fresh).as("received lots of " + member).hasSameSizeAs(entries);
            for (int i = 0; i < entries.size(); i++) {
                bind(model, entries.get(i), fresh.get(i).id(), picks);
            }
        });
    }

    private static TransferOutcome run(PointsHarness points, PointsTransfers transfers, Action action,
                                       List<String> picks) {
        if (action instanceof Add a) {
            return transfers.add(points.store, new AddPoints(MEMBERS[a.member()], cents(a.cents()), null,
                    Issuer.ADMIN, null), Claim.none());
        }
        if (action instanceof Spend s) {
            return transfers.spend(points.store, new SpendPoints(MEMBERS[s.member()], cents(s.cents()), null,
                    Issuer.ADMIN, null), Claim.none());
        }
        if (action instanceof Block b) {
            return transfers.block(points.store, new BlockPoints(MEMBERS[b.member()], cents(b.cents()), null,
                    Issuer.ADMIN), Claim.none());
        }
        if (action instanceof Send s) {
            return transfers.sendAsAdmin(points.store, MEMBERS[s.from()], MEMBERS[s.to()], cents(s.cents()),
                    Claim.none());
        }
        TransferId target = picks.isEmpty() ? TransferId.newAt(Instant.EPOCH) : new TransferId(picks.get(pick(action) % picks.size()));
        if (action instanceof Cancel) {
            return transfers.cancel(points.store, target, Claim.none());
        }
        if (action instanceof Activate) {
            return transfers.activate(points.store, target, Claim.none());
        }
        return transfers.expire(points.store, target, Claim.none());
    }

    private static int pick(Action a) {
        return a instanceof Cancel c ? c.pick() : a instanceof Activate ac ? ac.pick() : ((Expire) a).pick();
    }

    /** What the model says the action answers, applying it to the model. */
    private static Expect apply(LedgerModel model, Action action, List<String> picks, Instant now) {
        if (action instanceof Add a) {
            if (a.cents() < 100) {
                return Expect.refused("This value should be 1 or more.");
            }
            model.add(MEMBERS[a.member()], cents(a.cents()), now);
            return Expect.done();
        }
        if (action instanceof Spend s) {
            if (s.cents() < 100) {
                return Expect.refused("This value should be 1 or more.");
            }
            return model.spend(MEMBERS[s.member()], cents(s.cents()), now, Kind.SPENDING) == null
                    ? Expect.refused("not enough points") : Expect.done();
        }
        if (action instanceof Block b) {
            if (b.cents() < 100) {
                return Expect.refused("This value should be 1 or more.");
            }
            return model.spend(MEMBERS[b.member()], cents(b.cents()), now, Kind.BLOCKED) == null
                    ? Expect.refused("not enough points") : Expect.done();
        }
        if (action instanceof Send s) {
            if (s.from() == s.to()) {
                return Expect.refused("transferring points to yourself is forbidden");
            }
            return model.send(MEMBERS[s.from()], MEMBERS[s.to()], cents(s.cents()), now) == null
                    ? Expect.refused("not enough points") : Expect.done();
        }
        if (picks.isEmpty()) {
            return Expect.refused("points transfer not found");
        }
        Entry target = model.byId.get(picks.get(pick(action) % picks.size()));
        if (action instanceof Cancel) {
            return model.cancel(target, now);
        }
        if (action instanceof Activate) {
            return model.activate(target, now);
        }
        return model.expire(target, now);
    }

    private static Expect describe(TransferOutcome outcome) {
        if (outcome instanceof TransferOutcome.Done) {
            return Expect.done();
        }
        if (outcome instanceof TransferOutcome.Unchanged) {
            return Expect.unchanged();
        }
        return Expect.refused(((TransferOutcome.Refused) outcome).refusal().message());
    }

    private static List<String> touched(Action action, LedgerModel model, List<String> picks) {
        if (action instanceof Add a) {
            return List.of(MEMBERS[a.member()]);
        }
        if (action instanceof Spend s) {
            return List.of(MEMBERS[s.member()]);
        }
        if (action instanceof Block b) {
            return List.of(MEMBERS[b.member()]);
        }
        if (action instanceof Send s) {
            return List.of(MEMBERS[s.from()], MEMBERS[s.to()]);
        }
        return picks.isEmpty() ? List.of() : List.of(model.byId.get(picks.get(pick(action) % picks.size())).member);
    }

    /** After every step, for each member the step touched. */
    private static void checkAccounts(PointsHarness points, LedgerModel model, Instant now, String where,
                                      List<String> members) {
        for (String member : members) {
            AccountStatus status = points.status(member);
            List<PointsTransfer> stored = points.ledger.transfers(points.store.code(), member);
            String at = where + ", member " + member;

            // The balance is never negative, and no lot holds less than nothing or more than its value.
            assertThat(status.points().value().signum()).as(at).isGreaterThanOrEqualTo(0);
            for (PointsTransfer t : stored) {
                assertThat(t.available().compareTo(t.value()) <= 0).as(at + " lot " + t.id()).isTrue();
            }
            // Σ(ledger) = balance: what the lots that count hold, read from the stored transfers themselves...
            BigDecimal counting = stored.stream().filter(t -> t.countsAt(now)).map(t -> t.available().value())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(counting).as(at + " Σ(lots that count) = balance").isEqualByComparingTo(status.points().value());
            // ...and every point taken from a lot is accounted for by a spend, a p2p send or a block (less what
            // cancelled blocks gave back): nothing appears or vanishes between the transfers.
            BigDecimal consumed = stored.stream().filter(t -> t.type().isLot()).map(t -> t.consumed().value())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal drawn = stored.stream().filter(t -> t.type().draws()).map(t -> t.value().value())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal returned = stored.stream().filter(t -> t.returnedAtCancel() != null)
                    .map(t -> t.returnedAtCancel().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(consumed).as(at + " Σ consumed = Σ drawn - Σ returned").isEqualByComparingTo(drawn.subtract(returned));
            for (PointsTransfer t : stored) {
                if (t.type().draws()) {
                    BigDecimal sum = t.draws().stream().map(d -> d.points().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(sum).as(at + " draws of " + t.id()).isEqualByComparingTo(t.value().value());
                }
            }
            // Every aggregate as the model recomputes it.
            Map<String, Object> expected = model.status(member, now);
            Map<String, Object> actual = new LinkedHashMap<>(PointsJson.statusPoints(status));
            actual.put("pointsExpiringBreakdown", new TreeMap<>(status.pointsExpiringBreakdown().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()))));
            expected.forEach((field, value) -> {
                Object got = actual.get(field);
                if (value instanceof BigDecimal d) {
                    assertThat((BigDecimal) got).as(at + " " + field).isEqualByComparingTo(d);
                } else {
                    assertThat(normalise((SortedMap<?, ?>) got)).as(at + " " + field).isEqualTo(normalise((SortedMap<?, ?>) value));
                }
            });
            // The stored transfers are the model's, one for one, in creation order.
            List<Entry> mine = model.entries.stream().filter(e -> e.member.equals(member)).toList();
            assertThat(stored).as(at + " transfers").hasSameSizeAs(mine);
            for (int i = 0; i < mine.size(); i++) {
                Entry e = mine.get(i);
                PointsTransfer t = stored.get(i);
                assertThat(t.id().value()).as(at).isEqualTo(e.id);
                assertThat(t.stateAt(now).openLoyaltyName()).as(at + " state of " + e.id).isEqualTo(e.state(now));
                assertThat(t.available().value()).as(at + " available of " + e.id).isEqualByComparingTo(e.available);
                if (e.consumedAtCancel != null) {
                    assertThat(t.consumedAtCancel().value()).as(at).isEqualByComparingTo(e.consumedAtCancel);
                }
            }
        }
    }

    private static Map<Object, BigDecimal> normalise(SortedMap<?, ?> map) {
        Map<Object, BigDecimal> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k.toString(), ((BigDecimal) v).setScale(2)));
        return out;
    }

    private static void checkHistogram(PointsHarness points, LedgerModel model, String where) {
        Map<String, BigDecimal> expected = model.histogramTotals();
        for (HistogramType type : HistogramType.values()) {
            BigDecimal total = points.histogram.histogram(points.store, type, HistogramInterval.YEAR,
                    PointsHistogram.MAX_DAYS, PointsHistogram.MAX_DAYS).values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total).as(where + " histogram " + type).isEqualByComparingTo(expected.get(type.openLoyaltyName()));
        }
    }

    static BigDecimal cents(int cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /**
     * Chains where a stale cache would show: two members, whole points, many blocks, unblocks and activates, each
     * action on one of the two instances, so one instance often spends from a copy taken before the other gave an
     * older lot points back (rule P8 must still take that lot first).
     */
    @Provide
    Arbitrary<List<Action>> staleCacheChains() {
        Arbitrary<Integer> member = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> cents = Arbitraries.integers().between(1, 20).map(n -> n * 100);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1000);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(member, cents).as(Add::new)),
                net.jqwik.api.Tuple.of(5, Combinators.combine(member, cents).as(Spend::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(member, cents).as(Block::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(member, member, cents).as(Send::new)),
                net.jqwik.api.Tuple.of(4, pick.map(Cancel::new)),
                net.jqwik.api.Tuple.of(3, pick.map(Activate::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 2 * 24 * 60).map(Jump::new)));
        Arbitrary<Action> onAnInstance = Combinators.combine(Arbitraries.integers().between(0, 1), action).as(On::new);
        return onAnInstance.list().ofMinSize(4).ofMaxSize(24);
    }

    @Provide
    Arbitrary<PointsSettings> settings() {
        return Combinators.combine(Arbitraries.of(ExpiryMode.values()), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
                .as((mode, days, lock, refuse) -> new PointsSettings(mode, days, lock, Set.of("active"),
                        Set.of("active"), refuse));
    }

    @Provide
    Arbitrary<Integer> starts() {
        return Arbitraries.integers().between(0, STARTS.length - 1);
    }

    @Provide
    Arbitrary<List<Action>> chains() {
        Arbitrary<Integer> member = Arbitraries.integers().between(0, MEMBERS.length - 1);
        // Mostly whole or half points, sometimes odd cents, sometimes below the one-point minimum.
        Arbitrary<Integer> cents = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(1, 40).map(n -> n * 100)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(100, 4000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 99)));
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1000);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Combinators.combine(member, cents).as(Add::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(member, cents).as(Spend::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(member, cents).as(Block::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(member, member, cents).as(Send::new)),
                net.jqwik.api.Tuple.of(3, pick.map(Cancel::new)),
                net.jqwik.api.Tuple.of(1, pick.map(Activate::new)),
                net.jqwik.api.Tuple.of(1, pick.map(Expire::new)),
                // Minutes to four days: across locks (up to 2 days) and expiries (1-3 days, month and year ends).
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 4 * 24 * 60).map(Jump::new)));
        Arbitrary<Action> onAnInstance = Combinators.combine(Arbitraries.integers().between(0, 1), action).as(On::new);
        return onAnInstance.list().ofMinSize(1).ofMaxSize(24);
    }
}

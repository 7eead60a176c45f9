package org.serverlessloyalty.shared.points.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.serverlessloyalty.shared.points.model.PointsSettings;

/**
 * A deliberately naive model of the points ledger for the property tests: plain objects and loops over every
 * transfer, written from the behaviour spec (rules P1-P11, B9-B11, items 7, 8, 12) without the production rules'
 * code. The adapter must agree with it after every step.
 */
final class LedgerModel {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    enum Kind { ADDING, P2P_ADDING, SPENDING, P2P_SPENDING, BLOCKED }

    static final class Entry {
        String id;
        final Kind kind;
        final String member;
        final BigDecimal value;
        BigDecimal available;
        final Instant created;
        final Instant lockedUntil;
        Instant from;
        final Instant expiry;
        Instant expiredAt;
        boolean canceled;
        BigDecimal consumedAtCancel;
        BigDecimal returned;
        /** For a block: lot id -> amount taken. */
        final Map<Entry, BigDecimal> draws = new LinkedHashMap<>();
        /** Still in the pending histogram counter (locked, and not cancelled while locked). */
        boolean pendingCounted;

        Entry(Kind kind, String member, BigDecimal value, Instant created, Instant lockedUntil, Instant expiry) {
            this.kind = kind;
            this.member = member;
            this.value = value;
            this.available = isLot() ? value : ZERO;
            this.created = created;
            this.lockedUntil = lockedUntil;
            this.from = lockedUntil != null ? lockedUntil : created;
            this.expiry = expiry;
            this.pendingCounted = lockedUntil != null;
        }

        boolean isLot() {
            return kind == Kind.ADDING || kind == Kind.P2P_ADDING;
        }

        Instant until() {
            if (expiredAt == null) {
                return expiry;
            }
            return expiry == null || expiredAt.isBefore(expiry) ? expiredAt : expiry;
        }

        String state(Instant now) {
            if (canceled) {
                return "canceled";
            }
            if (kind == Kind.BLOCKED) {
                return "blocked";
            }
            if (!isLot()) {
                return "active";
            }
            if (until() != null && !now.isBefore(until())) {
                return "expired";
            }
            return now.isBefore(from) ? "pending" : "active";
        }

        boolean counts(Instant now) {
            return isLot() && state(now).equals("active");
        }
    }

    /** What the model expects an action to answer. */
    record Expect(String kind, String message) {
        static Expect done() {
            return new Expect("done", null);
        }

        static Expect unchanged() {
            return new Expect("unchanged", null);
        }

        static Expect refused(String message) {
            return new Expect("refused", message);
        }
    }

    final PointsSettings settings;
    final ZoneId zone;
    /** Every transfer, in creation order. */
    final List<Entry> entries = new ArrayList<>();
    final Map<String, Entry> byId = new HashMap<>();

    LedgerModel(PointsSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    Instant expiryFrom(Instant countsFrom) {
        LocalDate day = countsFrom.atZone(zone).toLocalDate();
        LocalDate last = switch (settings.expiryMode()) {
            case AFTER_X_DAYS -> day.plusDays(settings.expiryDays());
            case END_OF_MONTH -> day.withDayOfMonth(day.lengthOfMonth());
            case END_OF_YEAR -> LocalDate.of(day.getYear(), 12, 31);
            case NEVER -> null;
        };
        return last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    Entry add(String member, BigDecimal points, Instant now) {
        Instant locked = settings.lockDays() == 0 ? null : now.atZone(zone).plusDays(settings.lockDays()).toInstant();
        Entry lot = new Entry(Kind.ADDING, member, points, now, locked, expiryFrom(locked != null ? locked : now));
        entries.add(lot);
        return lot;
    }

    BigDecimal balance(String member, Instant now) {
        BigDecimal sum = ZERO;
        for (Entry e : entries) {
            if (e.member.equals(member) && e.counts(now)) {
                sum = sum.add(e.available);
            }
        }
        return sum;
    }

    /** Takes {@code points} from the member's lots oldest first; null (and nothing taken) when they do not hold enough. */
    Map<Entry, BigDecimal> take(String member, BigDecimal points, Instant now) {
        if (balance(member, now).compareTo(points) < 0) {
            return null;
        }
        Map<Entry, BigDecimal> taken = new LinkedHashMap<>();
        BigDecimal missing = points;
        for (Entry e : entries) {
            if (missing.signum() == 0) {
                break;
            }
            if (e.member.equals(member) && e.counts(now) && e.available.signum() > 0) {
                BigDecimal x = e.available.min(missing);
                e.available = e.available.subtract(x);
                missing = missing.subtract(x);
                taken.put(e, x);
            }
        }
        return taken;
    }

    Entry spend(String member, BigDecimal points, Instant now, Kind kind) {
        Map<Entry, BigDecimal> taken = take(member, points, now);
        if (taken == null) {
            return null;
        }
        Entry spend = new Entry(kind, member, points, now, null, null);
        spend.draws.putAll(taken);
        entries.add(spend);
        return spend;
    }

    /** The p2p_spending, then one p2p_adding per lot taken (rule P10). */
    List<Entry> send(String from, String to, BigDecimal points, Instant now) {
        Entry sent = spend(from, points, now, Kind.P2P_SPENDING);
        if (sent == null) {
            return null;
        }
        List<Entry> out = new ArrayList<>(List.of(sent));
        sent.draws.forEach((lot, x) -> {
            Entry received = new Entry(Kind.P2P_ADDING, to, x, now, null, lot.expiry);
            entries.add(received);
            out.add(received);
        });
        return out;
    }

    Expect cancel(Entry e, Instant now) {
        if (e.kind != Kind.ADDING && e.kind != Kind.BLOCKED) {
            return Expect.refused("this transfer cannot be canceled");
        }
        if (e.canceled) {
            return Expect.unchanged();
        }
        if (e.kind == Kind.ADDING) {
            BigDecimal consumed = e.value.subtract(e.available);
            if (settings.refuseCancelWhenSpent() && consumed.signum() > 0) {
                return Expect.refused("this transfer cannot be canceled: some of its points were already spent");
            }
            if (e.state(now).equals("pending")) {
                e.pendingCounted = false;
            }
            e.canceled = true;
            e.consumedAtCancel = consumed;
            return Expect.done();
        }
        BigDecimal returned = ZERO;
        for (Map.Entry<Entry, BigDecimal> d : e.draws.entrySet()) {
            if (!d.getKey().canceled) {
                d.getKey().available = d.getKey().available.add(d.getValue());
                returned = returned.add(d.getValue());
            }
        }
        e.canceled = true;
        e.returned = returned;
        return Expect.done();
    }

    Expect activate(Entry e, Instant now) {
        if (!e.isLot() || !e.state(now).equals("pending")) {
            return Expect.refused("this transfer cannot be activated");
        }
        e.from = now;
        return Expect.done();
    }

    Expect expire(Entry e, Instant now) {
        if (!e.isLot() || !e.state(now).equals("active")) {
            return Expect.refused("this transfer cannot be expired");
        }
        e.expiredAt = now;
        return Expect.done();
    }

    /** The status fields of rule P11 (and items 12, B9), each recomputed by its own loop. */
    Map<String, Object> status(String member, Instant now) {
        Map<String, Object> s = new LinkedHashMap<>();
        List<Entry> mine = entries.stream().filter(e -> e.member.equals(member)).toList();
        s.put("points", balance(member, now));
        s.put("p2pPoints", sum(mine, e -> e.kind == Kind.P2P_ADDING && e.counts(now), e -> e.available));
        s.put("totalEarnedPoints", sum(mine, e -> e.kind == Kind.ADDING && !e.canceled, e -> e.value));
        BigDecimal blocked = sum(mine, e -> e.kind == Kind.BLOCKED && !e.canceled, e -> e.value);
        s.put("usedPoints", sum(mine, Entry::isLot, e -> e.value.subtract(e.available)).subtract(blocked));
        s.put("expiredPoints", sum(mine, e -> e.isLot() && e.state(now).equals("expired"), e -> e.available));
        s.put("lockedPoints", sum(mine, e -> e.isLot() && e.state(now).equals("pending"), e -> e.available));
        s.put("blockedPoints", blocked);
        YearMonth next = YearMonth.from(now.atZone(zone)).plusMonths(1);
        TreeMap<LocalDate, BigDecimal> breakdown = new TreeMap<>();
        BigDecimal nextMonth = ZERO;
        for (Entry e : mine) {
            String state = e.state(now);
            if (e.isLot() && (state.equals("active") || state.equals("pending")) && e.expiry != null
                    && e.available.signum() > 0) {
                LocalDate last = e.expiry.atZone(zone).toLocalDate().minusDays(1);
                breakdown.merge(last, e.available, BigDecimal::add);
                if (YearMonth.from(last).equals(next)) {
                    nextMonth = nextMonth.add(e.available);
                }
            }
        }
        s.put("pointsExpiringNextMonth", nextMonth);
        s.put("pointsExpiringBreakdown", breakdown);
        return s;
    }

    /** The histogram counters' totals over all days (B12), recomputed from the transfers. */
    Map<String, BigDecimal> histogramTotals() {
        Map<String, BigDecimal> t = new LinkedHashMap<>();
        t.put("earned", sum(entries, e -> e.kind == Kind.ADDING && !e.canceled, e -> e.value));
        t.put("spent", sum(entries, e -> e.kind == Kind.SPENDING, e -> e.value));
        t.put("expired", sum(entries, e -> e.isLot() && !e.canceled && e.until() != null, e -> e.available));
        t.put("pending", sum(entries, e -> e.isLot() && e.pendingCounted, e -> e.value));
        return t;
    }

    private static BigDecimal sum(List<Entry> entries, java.util.function.Predicate<Entry> which,
                                  java.util.function.Function<Entry, BigDecimal> amount) {
        BigDecimal sum = ZERO;
        for (Entry e : entries) {
            if (which.test(e)) {
                sum = sum.add(amount.apply(e));
            }
        }
        return sum.setScale(2);
    }
}

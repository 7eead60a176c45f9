package org.serverlessloyalty.shared.points.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import org.serverlessloyalty.shared.points.model.HistogramInterval;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.port.PointsLedger;

/**
 * The points histogram (B12, {@code GET /points/transfers}): the store's day counters of one point type from
 * {@code lastDays} days back (today included) to {@code futureDays} days ahead, grouped per day, month or year, every
 * group present (0 when nothing happened). One Query of the counters (16 shards a day).
 */
public final class PointsHistogram {

    /** Keeps one answer to a bounded Query: ten years back and ahead. */
    public static final int MAX_DAYS = 3660;

    private final PointsLedger ledger;
    private final Clock clock;

    public PointsHistogram(PointsLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public Map<String, BigDecimal> histogram(StoreZone store, HistogramType type, HistogramInterval interval,
                                             int lastDays, int futureDays) {
        if (lastDays < 0 || futureDays < 0 || lastDays > MAX_DAYS || futureDays > MAX_DAYS) {
            throw new IllegalArgumentException("lastDays and futureDays are 0-" + MAX_DAYS);
        }
        LocalDate today = clock.instant().atZone(store.zone()).toLocalDate();
        LocalDate from = today.minusDays(Math.max(lastDays - 1, 0));
        LocalDate to = today.plusDays(futureDays);
        SortedMap<LocalDate, BigDecimal> days = ledger.histogram(store.code(), type, from, to);
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            groups.merge(interval.keyOf(day), days.getOrDefault(day, BigDecimal.ZERO), BigDecimal::add);
        }
        groups.replaceAll((key, points) -> points.setScale(Points.SCALE, RoundingMode.UNNECESSARY));
        return groups;
    }
}

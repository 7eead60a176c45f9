package org.serverlessloyalty.shared.points.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.LedgerStep;

/**
 * The histogram counter changes of one action (B12, {@link HistogramType}), merged per counter item: a DynamoDB
 * transaction may not touch one item twice, and changes that cancel out write nothing.
 *
 * <p>Each (type, day) counter is split into {@link #SHARDS} items and an action writes the shard of its member:
 * concurrent actions of different members rarely touch the same counter item, so they do not conflict
 * (DynamoDB cancels transactions that overlap on an item), while one member's actions conflict on their lots anyway.
 */
public final class HistogramCounts {

    public static final int SHARDS = 16;

    private record Key(HistogramType type, LocalDate day) {
    }

    private final int shard;
    private final Map<Key, BigDecimal> deltas = new LinkedHashMap<>();

    public HistogramCounts(String memberId) {
        this.shard = shardOf(memberId);
    }

    public static int shardOf(String memberId) {
        return Math.floorMod(memberId.hashCode(), SHARDS);
    }

    public HistogramCounts add(HistogramType type, LocalDate day, BigDecimal delta) {
        if (day != null && delta.signum() != 0) {
            deltas.merge(new Key(type, day), delta, BigDecimal::add);
        }
        return this;
    }

    public List<LedgerStep> steps() {
        List<LedgerStep> steps = new ArrayList<>();
        deltas.forEach((key, delta) -> {
            if (delta.signum() != 0) {
                steps.add(new LedgerStep.Count(key.type(), key.day(), shard, delta));
            }
        });
        return steps;
    }
}

package org.serverlessloyalty.shared.campaign.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.PoolCode;

/**
 * How a campaign's coupon pool changes (C10, A25, section 4 item 16), decided from the pool as it is: the codes to
 * add after the last one and the free codes to take out. Issued codes are never taken out: a replacement that leaves
 * one out is refused ("Removing used coupons (…) is not permitted"), and a code is never in the pool twice.
 *
 * @param add    new codes, in the order given, to put after the pool's last code
 * @param remove free codes (never issued) the new list no longer has
 */
public record PoolPlan(List<String> add, List<PoolCode> remove) {

    public PoolPlan {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
    }

    public boolean isEmpty() {
        return add.isEmpty() && remove.isEmpty();
    }

    /** The pool as committed: every code ever loaded (pool order) and which of them were issued. */
    public record Pool(List<PoolCode> codes, Set<String> issued) {
        public Pool {
            codes = List.copyOf(codes);
            issued = Set.copyOf(issued);
        }

        public static final Pool EMPTY = new Pool(List.of(), Set.of());

        public long nextSeq() {
            return codes.stream().mapToLong(PoolCode::seq).max().orElse(0) + 1;
        }

        public boolean contains(String code) {
            return codes.stream().anyMatch(c -> c.code().equals(code));
        }
    }

    /** Why a pool change is refused: the field's message. */
    public sealed interface Decision {
    }

    public record Planned(PoolPlan plan) implements Decision {
    }

    /** C10: the new list leaves out codes already issued. */
    public record RemovesIssued(List<String> codes) implements Decision {
        public String message() {
            return "Removing used coupons (" + String.join(", ", codes) + ") is not permitted";
        }
    }

    /** Section 4 item 16 on append: codes already in the pool. */
    public record Duplicates(List<String> codes) implements Decision {
        public String message() {
            return "These codes are already in the pool: " + String.join(", ", codes.stream().limit(20).toList())
                    + (codes.size() > 20 ? " (and " + (codes.size() - 20) + " more)" : "");
        }
    }

    /**
     * C10 and A25 without {@code append}: the pool becomes {@code wanted} (already free of duplicates). Codes in both
     * keep their place; codes only in {@code wanted} go after the last code; free codes only in the pool go.
     */
    public static Decision replace(Pool pool, List<String> wanted) {
        Set<String> want = new LinkedHashSet<>(wanted);
        List<String> removedIssued = pool.codes().stream().map(PoolCode::code)
                .filter(c -> !want.contains(c) && pool.issued().contains(c)).toList();
        if (!removedIssued.isEmpty()) {
            return new RemovesIssued(removedIssued);
        }
        Set<String> present = pool.codes().stream().map(PoolCode::code).collect(Collectors.toSet());
        List<String> add = new ArrayList<>();
        for (String code : want) {
            if (!present.contains(code)) {
                add.add(code);
            }
        }
        List<PoolCode> remove = pool.codes().stream().filter(c -> !want.contains(c.code())).toList();
        return new Planned(new PoolPlan(add, remove));
    }

    /** A25 with {@code append}: every code goes after the last one; a code the pool already has is refused. */
    public static Decision append(Pool pool, List<String> codes) {
        Set<String> present = pool.codes().stream().map(PoolCode::code).collect(Collectors.toSet());
        List<String> duplicates = codes.stream().filter(present::contains).toList();
        if (!duplicates.isEmpty()) {
            return new Duplicates(duplicates);
        }
        return new Planned(new PoolPlan(codes, List.of()));
    }
}

package org.serverlessloyalty.shared.giftcode.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeStatus;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.rules.GiftCodeRules;
import org.serverlessloyalty.shared.store.model.Store;

/**
 * A store's codes for the merchant, page by page: from the store's index (or one campaign's) in
 * code order, or from a batch's chunk records in creation order; filtered by prefix and status. A
 * page reads at most {@link #MAX_EXAMINED} codes, so a rare status never makes one request read the
 * whole store: a page may then hold fewer than {@code limit} codes, and {@code next} goes on.
 */
public final class GiftCodeListing {

    public static final int MAX_LIMIT = 100;
    /** The statuses listed when none is asked for: a code whose creation never committed is not a code yet. */
    public static final Set<GiftCodeStatus> DEFAULT_STATUSES = EnumSet.complementOf(EnumSet.of(GiftCodeStatus.PENDING));
    /** Codes read at most per page, whatever the filters. */
    static final int MAX_EXAMINED = 1_000;
    private static final int CHUNKS_PER_READ = 2;

    /**
     * @param prefix     only codes starting with it (normalised), or null
     * @param batchId    only codes of this batch, or null
     * @param campaignId only codes of this campaign, or null
     * @param statuses   the statuses wanted (never empty)
     * @param cursor     the previous page's {@code next}, or null
     */
    public record Query(String prefix, String batchId, String campaignId, Set<GiftCodeStatus> statuses, int limit,
                        String cursor) {
    }

    public record Listed(GiftCode code, GiftCodeStatus status) {
    }

    /** @param next the cursor of the following page; null on the last */
    public record Page(List<Listed> codes, String next) {
    }

    /** A {@code next} this listing did not issue (or issued for another batch). */
    public static final class BadCursorException extends RuntimeException {
        public BadCursorException() {
            super("next is not a cursor of this list", null, false, false);
        }
    }

    private final GiftCodeRepository codes;
    private final Clock clock;

    public GiftCodeListing(GiftCodeRepository codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    /** The code's status now (one more read only when it carries a pending mark). */
    public GiftCodeStatus status(Store store, GiftCode code) {
        Optional<BatchStatus> batch = code.pending()
                ? Optional.ofNullable(codes.batchStatuses(store.code(), Set.of(code.batchId())).get(code.batchId()))
                : Optional.empty();
        return GiftCodeRules.status(code, batch, clock.instant(), store.timezone());
    }

    public Page list(Store store, Query query) {
        return query.batchId() == null ? fromIndex(store, query) : fromBatch(store, query);
    }

    private Page fromIndex(Store store, Query query) {
        CodeValue after = query.cursor() == null ? null : decodeIndexCursor(query.cursor());
        List<Listed> found = new ArrayList<>();
        int examined = 0;
        Instant now = clock.instant();
        while (true) {
            int want = Math.min(MAX_LIMIT, Math.max(query.limit() - found.size(), 10));
            var page = codes.listCodes(store.code(), new GiftCodeRepository.CodeQuery(query.campaignId(),
                    query.prefix(), after, want));
            Map<String, BatchStatus> batches = pendingBatches(store, page.codes());
            List<GiftCode> items = page.codes();
            for (int i = 0; i < items.size(); i++) {
                GiftCode code = items.get(i);
                after = code.code();
                examined++;
                keep(store, query, code, batches, now).ifPresent(found::add);
                boolean moreHere = i < items.size() - 1 || page.more();
                if (found.size() == query.limit() || examined >= MAX_EXAMINED) {
                    return new Page(found, moreHere ? indexCursor(after) : null);
                }
            }
            if (!page.more()) {
                return new Page(found, null);
            }
        }
    }

    private Page fromBatch(Store store, Query query) {
        int chunk = 0;
        int offset = 0;
        if (query.cursor() != null) {
            int[] position = decodeBatchCursor(query.cursor(), query.batchId());
            chunk = position[0];
            offset = position[1];
        }
        List<Listed> found = new ArrayList<>();
        int examined = 0;
        Instant now = clock.instant();
        while (true) {
            List<GiftCodeRepository.Chunk> chunks = codes.chunks(store.code(), query.batchId(), chunk, CHUNKS_PER_READ);
            if (chunks.isEmpty()) {
                return new Page(found, null);
            }
            for (GiftCodeRepository.Chunk c : chunks) {
                if (c.index() != chunk) {
                    offset = 0;
                }
                chunk = c.index();
                List<CodeValue> rest = c.codes().subList(Math.min(offset, c.codes().size()), c.codes().size());
                Map<CodeValue, GiftCode> stored = new HashMap<>();
                codes.findAll(store.code(), rest).forEach(code -> stored.put(code.code(), code));
                Map<String, BatchStatus> batches = pendingBatches(store, List.copyOf(stored.values()));
                for (CodeValue value : rest) {
                    offset++;
                    examined++;
                    GiftCode code = stored.get(value);
                    if (code != null && (query.prefix() == null || value.value().startsWith(query.prefix()))
                            && (query.campaignId() == null || query.campaignId().equals(code.terms().campaignId()))) {
                        keep(store, query, code, batches, now).ifPresent(found::add);
                    }
                    if (found.size() == query.limit() || examined >= MAX_EXAMINED) {
                        return new Page(found, batchCursor(query.batchId(), chunk, offset));
                    }
                }
                chunk = c.index() + 1;
                offset = 0;
            }
            if (chunks.size() < CHUNKS_PER_READ) {
                return new Page(found, null);
            }
        }
    }

    private Optional<Listed> keep(Store store, Query query, GiftCode code, Map<String, BatchStatus> batches,
                                  Instant now) {
        Optional<BatchStatus> batch = code.pending() ? Optional.ofNullable(batches.get(code.batchId())) : Optional.empty();
        GiftCodeStatus status = GiftCodeRules.status(code, batch, now, store.timezone());
        return query.statuses().contains(status) ? Optional.of(new Listed(code, status)) : Optional.empty();
    }

    private Map<String, BatchStatus> pendingBatches(Store store, List<GiftCode> page) {
        Set<String> ids = new HashSet<>();
        page.stream().filter(GiftCode::pending).forEach(c -> ids.add(c.batchId()));
        return ids.isEmpty() ? Map.of() : codes.batchStatuses(store.code(), ids);
    }

    // A cursor says where the previous page stopped: the last code examined (index), or the chunk and
    // the position in it (batch). It is opaque to clients, but not a secret: it only names a position.

    private static String indexCursor(CodeValue last) {
        return encode("c\n" + last.value());
    }

    private static String batchCursor(String batchId, int chunk, int offset) {
        return encode("b\n" + batchId + "\n" + chunk + "\n" + offset);
    }

    private static CodeValue decodeIndexCursor(String cursor) {
        String[] parts = decode(cursor);
        if (parts.length != 2 || !parts[0].equals("c") || !CodeValue.isValid(parts[1])
                || !CodeValue.normalise(parts[1]).equals(parts[1])) {
            throw new BadCursorException();
        }
        return new CodeValue(parts[1]);
    }

    private static int[] decodeBatchCursor(String cursor, String batchId) {
        String[] parts = decode(cursor);
        if (parts.length != 4 || !parts[0].equals("b") || !parts[1].equals(batchId)) {
            throw new BadCursorException();
        }
        try {
            int chunk = Integer.parseInt(parts[2]);
            int offset = Integer.parseInt(parts[3]);
            if (chunk < 0 || offset < 0) {
                throw new BadCursorException();
            }
            return new int[] {chunk, offset};
        } catch (NumberFormatException e) {
            throw new BadCursorException();
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw new BadCursorException();
        }
    }
}

package org.serverlessloyalty.shared.points.model;

import java.time.LocalDate;
import java.util.Set;

/**
 * The filters and paging of the transfer lists (B1 {@code GET /points/transfer}, B2 the member's own; rule P12).
 * Null or empty means "no filter".
 *
 * @param memberId       {@code customerId} (B2: always the token's member)
 * @param states         {@code state[]}: any of them
 * @param willExpireTill transfers whose shown {@code expiresAt} is on or before this day (store time zone)
 * @param page           1-based
 */
public record TransferQuery(String memberId, String firstName, String lastName, String email, String phone,
                            Set<TransferState> states, TransferType type, LocalDate willExpireTill, int page,
                            int perPage, SortField sort, boolean descending) {

    /** Open Loyalty's own cap on how deep its lists go (DOC: "we can only show 10,000 results"). */
    public static final int MAX_RESULTS = 10_000;

    public enum SortField {
        CREATED_AT("createdAt"),
        VALUE("value"),
        EXPIRES_AT("expiresAt");

        private final String openLoyaltyName;

        SortField(String openLoyaltyName) {
            this.openLoyaltyName = openLoyaltyName;
        }

        public String openLoyaltyName() {
            return openLoyaltyName;
        }
    }

    public TransferQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        if (page < 1 || perPage < 1) {
            throw new IllegalArgumentException("page and perPage start at 1");
        }
        sort = sort == null ? SortField.CREATED_AT : sort;
    }

    /** Every transfer, oldest first, 10 a page (Open Loyalty's defaults). */
    public static TransferQuery all(int page, int perPage) {
        return new TransferQuery(null, null, null, null, null, Set.of(), null, null, page, perPage,
                SortField.CREATED_AT, false);
    }
}

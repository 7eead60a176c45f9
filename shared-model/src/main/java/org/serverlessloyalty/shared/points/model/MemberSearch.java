package org.serverlessloyalty.shared.points.model;

import java.util.List;

/**
 * {@code GET /api/{storeCode}/admin/customer}: Open Loyalty's filters (each null when not given) and paging.
 *
 * @param strict               true: each text filter matches the whole value; false (Open Loyalty's default): a prefix
 * @param labels               each must be on the member: its key, and its value when not null
 * @param hoursFromLastUpdateTo only members changed within this many hours; null for no limit
 * @param page                 from 1
 */
public record MemberSearch(String firstName, String lastName, String email, String phone, String loyaltyCardNumber,
                           String externalId, boolean strict, List<Label> labels, Integer hoursFromLastUpdateTo,
                           int page, int perPage, MemberSort sort, boolean descending) {

    public MemberSearch {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** Every member, newest first. */
    public static MemberSearch all(int page, int perPage) {
        return new MemberSearch(null, null, null, null, null, null, false, List.of(), null, page, perPage,
                MemberSort.CREATED_AT, true);
    }
}

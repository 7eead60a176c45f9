package org.serverlessloyalty.shared.earning.model;

import java.util.Set;

/**
 * Who a rule or campaign is shown to (rule E1's targeting, E2's statuses): the member's status, level and segments.
 *
 * @param levelId    the member's level, or null when they have none
 * @param segmentIds the static segments the member belongs to
 */
public record Audience(String memberId, String status, String levelId, Set<String> segmentIds) {

    public Audience {
        segmentIds = Set.copyOf(segmentIds);
    }
}

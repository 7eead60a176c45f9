package org.serverlessloyalty.shared.points.model;

import java.util.List;

/**
 * One page of a member search.
 *
 * @param total  how many members matched
 * @param capped true when the search stopped after reading its limit of candidates (10,000): more members may match
 *               than {@code total} says; narrow the search with an indexed filter to see them
 */
public record MemberPage(List<Member> members, int total, boolean capped) {

    public MemberPage {
        members = List.copyOf(members);
    }
}

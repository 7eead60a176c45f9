package org.serverlessloyalty.shared.points.model;

/**
 * The one key-condition read a search starts from (docs/dynamodb-design.md, "Members"): the rest of its filters
 * are applied to what it reads. Never a scan.
 */
public sealed interface MemberCandidates {

    /** The members whose claim of {@code kind} is {@code value} (one GetItem) or starts with it (a Query). */
    record ByClaim(ClaimKind kind, String value, boolean prefix) implements MemberCandidates {
    }

    /** The members whose name key ({@code MemberSearchRules.nameKey}) starts with {@code prefix} (a Query on gsi2). */
    record ByName(String prefix) implements MemberCandidates {
    }

    /** Every member of the store, by creation time (a Query on gsi1). */
    record All(boolean newestFirst) implements MemberCandidates {
    }
}

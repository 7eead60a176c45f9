package org.serverlessloyalty.shared.points.model;

import java.util.Objects;

/**
 * One unique value of a member, in the form it is compared in (an e-mail lower-cased, a phone normalised):
 * the key of its claim item.
 */
public record MemberClaim(ClaimKind kind, String value) {

    public MemberClaim {
        Objects.requireNonNull(kind);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a claim needs a value");
        }
    }
}

package org.serverlessloyalty.shared.points.model;

/**
 * The values that identify one member in a store, besides its id: each is unique in the store, held by a claim
 * item written in the same transaction as the member (docs/dynamodb-design.md, "Members").
 */
public enum ClaimKind {
    /** Compared lower-cased. */
    EMAIL("email"),
    /** Compared in its normalised form (separators removed). */
    PHONE("phone"),
    LOYALTY_CARD_NUMBER("loyaltyCardNumber"),
    /** The shop's own customer id (CibleR's {@code customerGuid}). */
    EXTERNAL_ID("externalId");

    private final String field;

    ClaimKind(String field) {
        this.field = field;
    }

    /** The customer field holding this value. */
    public String field() {
        return field;
    }
}

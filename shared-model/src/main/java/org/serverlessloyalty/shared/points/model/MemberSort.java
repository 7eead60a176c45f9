package org.serverlessloyalty.shared.points.model;

import java.util.Optional;

/** The columns a member list sorts by ({@code sort}), named as the customer object's fields. */
public enum MemberSort {
    CREATED_AT("createdAt"),
    UPDATED_AT("updatedAt"),
    CUSTOMER_ID("customerId"),
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    EMAIL("email"),
    PHONE("phone"),
    LOYALTY_CARD_NUMBER("loyaltyCardNumber"),
    EXTERNAL_ID("externalId");

    private final String column;

    MemberSort(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static Optional<MemberSort> fromColumn(String column) {
        for (MemberSort sort : values()) {
            if (sort.column.equals(column)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}

package org.serverlessloyalty.shared.points.model;

import java.util.Optional;

/** Open Loyalty's {@code customer[gender]}. */
public enum Gender {
    MALE("male"),
    FEMALE("female"),
    NOT_DISCLOSED("not_disclosed");

    private final String value;

    Gender(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Gender> fromValue(String value) {
        for (Gender gender : values()) {
            if (gender.value.equals(value)) {
                return Optional.of(gender);
            }
        }
        return Optional.empty();
    }
}

package org.serverlessloyalty.shared.earning.model;

import java.util.Arrays;
import java.util.Optional;

/** {@code earningRule[target]}: whether the rule is for members of some levels or of some segments (E1). */
public enum Target {
    LEVEL("level"),
    SEGMENT("segment");

    private final String value;

    Target(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Target> fromValue(String text) {
        return Arrays.stream(values()).filter(v -> v.value.equals(text)).findFirst();
    }
}

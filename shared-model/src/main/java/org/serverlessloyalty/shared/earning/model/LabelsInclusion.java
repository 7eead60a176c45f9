package org.serverlessloyalty.shared.earning.model;

import java.util.Arrays;
import java.util.Optional;

/** A spending rule's {@code labelsInclusionType} (4.x: {@code inclusionType}), rule E5's label filter. */
public enum LabelsInclusion {
    NONE("none_labels"),
    EXCLUDE("exclude_labels"),
    INCLUDE("include_labels");

    private final String value;

    LabelsInclusion(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<LabelsInclusion> fromValue(String text) {
        return Arrays.stream(values()).filter(v -> v.value.equals(text)).findFirst();
    }
}

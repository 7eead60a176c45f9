package org.serverlessloyalty.shared.segment.model;

import java.time.Instant;

/**
 * A named static segment: the members an admin put in it (issue 10; Open Loyalty's documentation defines no segment
 * API, so this engine's is the simplest that lets rules and campaigns target one). Rules target it by id.
 */
public record Segment(String id, String name, String description, boolean active, Instant createdAt) {

    public Segment {
        if (id == null || name == null) {
            throw new IllegalArgumentException("a segment has an id and a name");
        }
    }
}

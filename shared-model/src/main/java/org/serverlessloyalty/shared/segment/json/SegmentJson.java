package org.serverlessloyalty.shared.segment.json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.segment.model.Segment;

/** A segment's body ({@code segment[name]}, {@code segment[description]}, {@code segment[active]}) and its reads. */
public final class SegmentJson {

    public static final String ROOT = "segment";
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2_000;
    private static final Set<String> FIELDS = Set.of("name", "description", "active");

    private SegmentJson() {
    }

    /** The body as a segment (id "new"); null with every problem recorded when there is any. */
    public static Segment parse(JsonFields json, Instant now) {
        int before = json.errors().size();
        json.rejectUnknown(FIELDS);
        String name = json.string("name", MAX_NAME);
        if ((name == null || name.isEmpty()) && json.errors().size() == before) {
            json.errors().add(json.path("name"), "This value should not be blank.");
        }
        String description = json.string("description", MAX_DESCRIPTION);
        // A segment is active unless the body says otherwise: a static list has nothing to wait for.
        Boolean active = json.has("active") ? json.bool("active") : Boolean.TRUE;
        if (json.errors().size() > before) {
            return null;
        }
        return new Segment("new", name, description == null || description.isEmpty() ? null : description,
                Boolean.TRUE.equals(active), now);
    }

    public static Map<String, Object> toJson(Segment segment, long customersCount) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("segmentId", segment.id());
        json.put("name", segment.name());
        json.put("description", segment.description());
        json.put("active", segment.active());
        json.put("createdAt", segment.createdAt().toString());
        json.put("customersCount", customersCount);
        return json;
    }
}

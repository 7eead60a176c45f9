package org.serverlessloyalty.shared.segment.port;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.segment.model.Segment;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A store's segments and their members, kept both ways: a segment's members, and a member's segments. */
public interface SegmentRepository {

    /** @return false when the id is taken (nothing written) */
    boolean create(StoreCode store, Segment segment);

    /** @return false when the segment does not exist */
    boolean replace(StoreCode store, Segment segment);

    Optional<Segment> find(StoreCode store, String segmentId);

    List<Segment> all(StoreCode store);

    /**
     * Puts the member in the segment (both ways, one transaction); again changes nothing.
     *
     * @return false when the segment does not exist (nothing written)
     */
    boolean add(StoreCode store, String segmentId, String memberId);

    /** Takes the member out (both ways, one transaction); a member not in it changes nothing. */
    void remove(StoreCode store, String segmentId, String memberId);

    /** The segment's members in member-id order, at most {@code limit} after skipping {@code offset}. */
    List<String> members(StoreCode store, String segmentId, int offset, int limit);

    long countMembers(StoreCode store, String segmentId);

    /** The segments the member is in. One Query. */
    Set<String> segmentsOf(StoreCode store, String memberId);
}

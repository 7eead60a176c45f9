package org.serverlessloyalty.shared.segment.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.serverlessloyalty.shared.points.port.MemberLookup;
import org.serverlessloyalty.shared.segment.model.Segment;
import org.serverlessloyalty.shared.segment.port.SegmentRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A store's static segments and who is in them (issue 10: the simplest segments that rules can target). */
public final class Segments {

    private final SegmentRepository segments;
    private final MemberLookup members;

    public Segments(SegmentRepository segments, MemberLookup members) {
        this.segments = segments;
        this.members = members;
    }

    public Segment create(StoreCode store, Segment draft) {
        for (int attempt = 0; ; attempt++) {
            Segment segment = new Segment(UUID.randomUUID().toString(), draft.name(), draft.description(),
                    draft.active(), draft.createdAt());
            if (segments.create(store, segment)) {
                return segment;
            }
            if (attempt > 2) {
                throw new IllegalStateException("random segment ids kept colliding");
            }
        }
    }

    /** Name, description and active change; id and creation time stay. Empty when there is no such segment. */
    public Optional<Segment> replace(StoreCode store, String segmentId, Segment form) {
        Optional<Segment> existing = segments.find(store, segmentId);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Segment changed = new Segment(segmentId, form.name(), form.description(), form.active(),
                existing.get().createdAt());
        return segments.replace(store, changed) ? Optional.of(changed) : Optional.empty();
    }

    public Optional<Segment> find(StoreCode store, String segmentId) {
        return segments.find(store, segmentId);
    }

    public List<Segment> list(StoreCode store) {
        return segments.all(store).stream()
                .sorted(Comparator.comparing(Segment::name).thenComparing(Segment::id)).toList();
    }

    public long customersCount(StoreCode store, String segmentId) {
        return segments.countMembers(store, segmentId);
    }

    /** The ids of {@code memberIds} that name no member of the store, in the order given (each a 400). */
    public List<Integer> unknownMembers(StoreCode store, List<String> memberIds) {
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < memberIds.size(); i++) {
            if (members.byId(store, memberIds.get(i)).isEmpty()) {
                unknown.add(i);
            }
        }
        return unknown;
    }

    /**
     * Puts each member in the segment (members are never deleted, so their existence, checked first by
     * {@link #unknownMembers}, still holds). Adding a member already in it changes nothing.
     *
     * @return false when the segment does not exist
     */
    public boolean add(StoreCode store, String segmentId, List<String> memberIds) {
        for (String memberId : memberIds) {
            if (!segments.add(store, segmentId, memberId)) {
                return false;
            }
        }
        return true;
    }

    public void remove(StoreCode store, String segmentId, String memberId) {
        segments.remove(store, segmentId, memberId);
    }

    public List<String> members(StoreCode store, String segmentId, int page, int perPage) {
        return segments.members(store, segmentId, (page - 1) * perPage, perPage);
    }
}

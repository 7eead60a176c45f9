package org.serverlessloyalty.shared.level.service;

import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.level.port.LevelRepository;
import org.serverlessloyalty.shared.level.port.MemberAudience;
import org.serverlessloyalty.shared.points.port.MemberLookup;
import org.serverlessloyalty.shared.segment.port.SegmentRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A member as rules and campaigns target them (E1, C17, section 4 item 4): status, level, segments. */
public final class LevelAudience implements MemberAudience {

    private final MemberLookup members;
    private final LevelRepository levels;
    private final SegmentRepository segments;

    public LevelAudience(MemberLookup members, LevelRepository levels, SegmentRepository segments) {
        this.members = members;
        this.levels = levels;
        this.segments = segments;
    }

    @Override
    public Optional<Audience> of(StoreCode store, String memberId) {
        return members.byId(store, memberId).map(member -> new Audience(member.memberId(), member.status(),
                levels.state(store, member.memberId()).levelId(), segments.segmentsOf(store, member.memberId())));
    }
}

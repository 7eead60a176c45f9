package org.serverlessloyalty.shared.earning.event.service;

import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.level.port.MemberAudience;
import org.serverlessloyalty.shared.points.port.MemberLookup;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A member's audience from the member alone: their status, no level, no segment. What event earning targets with
 * until the levels domain's {@link MemberAudience} is wired in its place (rules aimed at levels or segments then
 * match; until then only rules aimed at everyone do).
 */
public final class StatusAudience implements MemberAudience {

    private final MemberLookup members;

    public StatusAudience(MemberLookup members) {
        this.members = members;
    }

    @Override
    public Optional<Audience> of(StoreCode store, String memberId) {
        return members.byId(store, memberId).map(m -> new Audience(m.memberId(), m.status(), null, Set.of()));
    }
}

package org.serverlessloyalty.shared.level.port;

import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A member's status, level and segments, for targeting (rules E1, C17 and section 4 item 4). */
public interface MemberAudience {

    /** Empty when the store has no such member. */
    Optional<Audience> of(StoreCode store, String memberId);
}

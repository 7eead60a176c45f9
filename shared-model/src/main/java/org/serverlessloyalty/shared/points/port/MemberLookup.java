package org.serverlessloyalty.shared.points.port;

import java.util.Optional;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Finds members for the points ledger: each a GetItem or a lookup of a unique key, never a scan (OL issue #129). */
public interface MemberLookup {

    Optional<MemberRef> byId(StoreCode store, String memberId);

    /** A p2p receiver or sender as Open Loyalty resolves it (rule P10): by id, then email (case-insensitive), then phone. */
    Optional<MemberRef> resolve(StoreCode store, String idEmailOrPhone);
}

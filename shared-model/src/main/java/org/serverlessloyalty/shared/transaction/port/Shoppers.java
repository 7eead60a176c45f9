package org.serverlessloyalty.shared.transaction.port;

import java.util.Optional;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The members a transaction can belong to (rule T4), as the transactions domain needs them; the points domain's
 * member directory answers (each a GetItem or a unique-claim lookup).
 */
public interface Shoppers {

    Optional<MemberRef> byId(StoreCode store, String memberId);

    /** The member holding {@code value} as its {@code kind} (an e-mail in any case). */
    Optional<MemberRef> by(StoreCode store, ClaimKind kind, String value);
}

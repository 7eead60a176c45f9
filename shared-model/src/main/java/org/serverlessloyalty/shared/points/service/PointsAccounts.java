package org.serverlessloyalty.shared.points.service;

import java.time.Clock;
import java.util.List;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.points.rules.AccountRules;

/** A member's points (section 1.B.2's points fields): one Query of the account, evaluated now. */
public final class PointsAccounts {

    private final PointsLedger ledger;
    private final Clock clock;

    public PointsAccounts(PointsLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Rules P1 and P11 at this instant; a member with no transfers has zeros everywhere. */
    public AccountStatus status(StoreZone store, String memberId) {
        return AccountRules.status(ledger.account(store.code(), memberId), clock.instant(), store.zone());
    }

    /** The member's lots and blocks as committed, oldest first. */
    public List<PointsTransfer> account(StoreZone store, String memberId) {
        return ledger.account(store.code(), memberId);
    }
}

package org.serverlessloyalty.shared.points.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.serverlessloyalty.shared.points.model.Draw;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Builders for the points rules' unit tests. */
final class Lots {

    static final StoreCode STORE = new StoreCode("13");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final StoreZone ZONE = new StoreZone(STORE, PARIS);
    static final MemberRef ALICE = new MemberRef(STORE, "alice-id", "active", "alice@example.com", "+33600000001",
            "111", "Alice", "Martin");
    static final MemberRef BOB = new MemberRef(STORE, "bob-id", "active", "bob@example.com", "+33600000002",
            "222", "Bob", "Durand");
    static final PointsSettings SETTINGS = new PointsSettings(ExpiryMode.AFTER_X_DAYS, 30, 0, Set.of("active"),
            Set.of("active"), false);

    private Lots() {
    }

    static PointsTransfer adding(String memberId, String points, Instant createdAt, Instant lockedUntil,
                                 Instant expiresAt) {
        return PointsTransfer.lot(STORE, TransferId.newAt(createdAt), memberId, TransferType.ADDING, Points.of(points),
                createdAt, lockedUntil, expiresAt, Issuer.ADMIN, "test lot", null, null, null, null);
    }

    static PointsTransfer adding(String points, Instant createdAt, Instant expiresAt) {
        return adding(ALICE.memberId(), points, createdAt, null, expiresAt);
    }

    static PointsTransfer block(String memberId, Instant at, List<Draw> draws) {
        Points sum = draws.stream().map(Draw::points).reduce(Points.ZERO, Points::plus);
        return PointsTransfer.drawing(STORE, TransferId.newAt(at), memberId, TransferType.BLOCKED, sum, at,
                Issuer.ADMIN, "held", null, null, null, draws);
    }

    static TransferPlanner.Context context(Instant now) {
        return new TransferPlanner.Context(ZONE, SETTINGS, now, 100);
    }

    static TransferPlanner.Context context(PointsSettings settings, Instant now) {
        return new TransferPlanner.Context(ZONE, settings, now, 100);
    }
}

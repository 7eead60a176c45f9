package org.serverlessloyalty.shared.points.dynamodb;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.RequestHash;
import org.serverlessloyalty.shared.platform.idempotency.StoredAnswer;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsHistogram;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.points.service.TransferListing;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The points services wired to the DynamoDB adapter on one table, with a store of their own and in-memory members. */
final class PointsHarness {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final StoreZone store;
    final InMemoryMembers members = new InMemoryMembers();
    final AtomicReference<PointsSettings> settings = new AtomicReference<>(PointsSettings.DEFAULTS);
    final DynamoDbPointsLedger ledger;
    final PointsTransfers transfers;
    /**
     * A second Lambda instance: its own account cache over the same table, so what one instance decides from its
     * cache meets what the other committed meanwhile.
     */
    final PointsTransfers otherInstance;
    final PointsAccounts accounts;
    final TransferListing listing;
    final PointsHistogram histogram;
    final Idempotency idempotency;

    PointsHarness(DynamoDbClient client, String table, Clock clock) {
        this.store = new StoreZone(new StoreCode("s" + UUID.randomUUID().toString().substring(0, 8)), PARIS);
        this.ledger = new DynamoDbPointsLedger(client, table, clock);
        this.transfers = new PointsTransfers(ledger, members, s -> settings.get(), clock);
        this.otherInstance = new PointsTransfers(ledger, members, s -> settings.get(), clock);
        this.accounts = new PointsAccounts(ledger, clock);
        this.listing = new TransferListing(ledger, members, clock);
        this.histogram = new PointsHistogram(ledger, clock);
        this.idempotency = new Idempotency(new DynamoDbIdempotencyStore(client, table), clock);
    }

    /** Instance 0 or 1 (any other number: 1). */
    PointsTransfers instance(int n) {
        return n == 0 ? transfers : otherInstance;
    }

    MemberRef member(String id) {
        return members.add(store.code(), id);
    }

    TransferOutcome add(String memberId, String points) {
        return transfers.add(store, new AddPoints(memberId, new BigDecimal(points), null, Issuer.ADMIN, null), Claim.none());
    }

    TransferId added(String memberId, String points) {
        return done(add(memberId, points)).id();
    }

    TransferOutcome spend(String memberId, String points) {
        return transfers.spend(store, new SpendPoints(memberId, new BigDecimal(points), null, Issuer.ADMIN, null),
                Claim.none());
    }

    TransferOutcome send(String from, String to, String points) {
        return transfers.sendAsAdmin(store, from, to, new BigDecimal(points), Claim.none());
    }

    AccountStatus status(String memberId) {
        return accounts.status(store, memberId);
    }

    static TransferOutcome.Done done(TransferOutcome outcome) {
        if (!(outcome instanceof TransferOutcome.Done done)) {
            throw new AssertionError("expected the action to be done, got " + outcome);
        }
        return done;
    }

    /** How the HTTP layer will render an outcome (enough for replay tests). */
    static StoredAnswer render(TransferOutcome outcome) {
        if (outcome instanceof TransferOutcome.Done d) {
            return new StoredAnswer(200, "{\"pointsTransferId\":\"" + d.id() + "\"}");
        }
        if (outcome instanceof TransferOutcome.Refused r) {
            return new StoredAnswer(r.refusal().kind() == org.serverlessloyalty.shared.points.model.Refusal.Kind.NOT_FOUND
                    ? 404 : 400, "{\"error\":\"" + r.refusal().message() + "\"}");
        }
        return new StoredAnswer(200, "[]");
    }

    /** A keyed request as the HTTP layer will run it. */
    Idempotency.Result<TransferOutcome> keyed(String route, String key, String body,
                                              Function<Claim<TransferOutcome>, TransferOutcome> action) {
        return idempotency.run(new IdempotencyScope(store.code().value(), route), Optional.of(new IdempotencyKey(key)),
                RequestHash.of(body), PointsHarness::render, action);
    }
}

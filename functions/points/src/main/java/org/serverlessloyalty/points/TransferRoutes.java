package org.serverlessloyalty.points;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.RequestHash;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.BlockPoints;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.rules.MemberIds;
import org.serverlessloyalty.shared.points.rules.PointsAmounts;
import org.serverlessloyalty.shared.points.service.PointsTransfers;

/**
 * Open Loyalty's points writes (section 1.B.1): add, spend, block (B3, B4, B9), cancel, activate, expire (B5, B10,
 * B11) and the two p2p transfers (B6, B7). Each parses its {@code transfer[...]} body (a 400 names every bad field
 * before anything is read or written), hands the ledger's service the command, and answers through
 * {@link TransferAnswers}, which makes the write happen once per {@code Idempotency-Key}. Contention between
 * concurrent writes is the service's to retry ({@link PointsTransfers}): the client hears only of a real shortage.
 */
final class TransferRoutes {

    static final String TRANSFER = "transfer";
    static final String TRANSFER_ID = "transfer";
    static final int MAX_COMMENT = 500;
    /** A p2p party: a member id, an email or a phone (rule P10). */
    static final int MAX_PARTY = 320;
    private static final Set<String> AMOUNT_FIELDS = Set.of("customer", "points", "comment", "validityDuration");
    private static final Set<String> P2P_ADMIN_FIELDS = Set.of("sender", "receiver", "points");
    private static final Set<String> P2P_CUSTOMER_FIELDS = Set.of("receiver", "points");

    private final PointsTransfers transfers;
    private final TransferAnswers answers;
    private final BusinessMetrics metrics;

    TransferRoutes(PointsTransfers transfers, TransferAnswers answers, BusinessMetrics metrics) {
        this.transfers = transfers;
        this.answers = answers;
        this.metrics = metrics;
    }

    /** What add, spend and block read from {@code transfer[...]}. */
    private record Amount(String memberId, BigDecimal points, String comment) {

        String[] hashParts(ApiRequest request) {
            return new String[] {request.routeKey(), memberId, points.toPlainString(), comment};
        }
    }

    /** B3: a new adding lot; its comment says who added it when the client gives none (item 22). */
    ApiResponse add(ApiRequest request, Caller caller) {
        return withAmount(request, caller, "PointsAdded", (amount, claim) -> transfers.add(zone(caller),
                new AddPoints(amount.memberId(), amount.points(), amount.comment(), issuer(caller), null), claim));
    }

    /** B4 (rule P8): oldest points first; a balance that does not cover it is 400 "not enough points". */
    ApiResponse spend(ApiRequest request, Caller caller) {
        return withAmount(request, caller, "PointsSpent", (amount, claim) -> transfers.spend(zone(caller),
                new SpendPoints(amount.memberId(), amount.points(), amount.comment(), issuer(caller), null), claim));
    }

    /** B9: holds points until the block is cancelled (B5). */
    ApiResponse block(ApiRequest request, Caller caller) {
        return withAmount(request, caller, "PointsBlocked", (amount, claim) -> transfers.block(zone(caller),
                new BlockPoints(amount.memberId(), amount.points(), amount.comment(), issuer(caller)), claim));
    }

    /** The body's {@code transfer[...]} amount read (400 before anything is written), then the action once per key. */
    private ApiResponse withAmount(ApiRequest request, Caller caller, String metric,
                                   BiFunction<Amount, Claim<TransferOutcome>, TransferOutcome> action) {
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        JsonFields body = Bodies.openLoyalty(request, TRANSFER);
        Amount amount = amount(body);
        return counted(metric, answers.once(request, caller, key, RequestHash.of(amount.hashParts(request)),
                TransferAnswers.created(request, body), claim -> action.apply(amount, claim)));
    }

    /** B6 (rule P10): sender and receiver each an id, an email or a phone; answers the p2p_spending transfer's id. */
    ApiResponse sendAsAdmin(ApiRequest request, Caller caller) {
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        JsonFields body = Bodies.openLoyalty(request, TRANSFER);
        body.rejectUnknown(P2P_ADMIN_FIELDS);
        String sender = party(body, "sender");
        String receiver = party(body, "receiver");
        BigDecimal points = points(body, PointsAmounts::checkPositive);
        body.errors().throwIfAny();
        return counted("PointsSent", answers.once(request, caller, key,
                RequestHash.of(request.routeKey(), sender, receiver, points.toPlainString()),
                TransferAnswers.created(request, body),
                claim -> transfers.sendAsAdmin(zone(caller), sender, receiver, points, claim)));
    }

    /** B7 (rule P10): the token's member sends its own points. */
    ApiResponse sendAsMember(ApiRequest request, Caller caller) {
        String sender = ((Caller.Customer) caller).memberId();
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        JsonFields body = Bodies.openLoyalty(request, TRANSFER);
        body.rejectUnknown(P2P_CUSTOMER_FIELDS);
        String receiver = party(body, "receiver");
        BigDecimal points = points(body, PointsAmounts::checkPositive);
        body.errors().throwIfAny();
        return counted("PointsSent", answers.once(request, caller, key,
                RequestHash.of(request.routeKey(), sender, receiver, points.toPlainString()),
                TransferAnswers.created(request, body),
                claim -> transfers.sendAsMember(zone(caller), sender, receiver, points, claim)));
    }

    /** B5 (rule P9, item 8): 200 without a body; a spend or p2p transfer is 400 "this transfer cannot be canceled". */
    ApiResponse cancel(ApiRequest request, Caller caller) {
        return onTransfer(request, caller, 200, (id, claim) -> transfers.cancel(zone(caller), id, claim));
    }

    /** B10: a pending transfer counts from now on; 204. */
    ApiResponse activate(ApiRequest request, Caller caller) {
        return onTransfer(request, caller, 204, (id, claim) -> transfers.activate(zone(caller), id, claim));
    }

    /** B11: an active transfer stops counting now; 204. */
    ApiResponse expire(ApiRequest request, Caller caller) {
        return onTransfer(request, caller, 204, (id, claim) -> transfers.expire(zone(caller), id, claim));
    }

    /** An action on the path's transfer, once per key, answered by {@code status} without a body when done. */
    private ApiResponse onTransfer(ApiRequest request, Caller caller, int status,
                                   BiFunction<TransferId, Claim<TransferOutcome>, TransferOutcome> action) {
        TransferId id = transferId(request);
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        return answers.once(request, caller, key, RequestHash.of(request.routeKey(), id.value()),
                TransferAnswers.changed(request, status), claim -> action.apply(id, claim));
    }

    static StoreZone zone(Caller caller) {
        return new StoreZone(caller.store().code(), caller.store().timezone());
    }

    /** Rule P4: the admin key records {@code admin}, the store's key (Open Loyalty's permanent token) {@code api}. */
    static Issuer issuer(Caller caller) {
        return caller instanceof Caller.Admin ? Issuer.ADMIN : Issuer.API;
    }

    /** A transfer id that cannot exist is a transfer that does not (Open Loyalty's param converters: 404). */
    static TransferId transferId(ApiRequest request) {
        String raw = request.pathParameter(TRANSFER_ID);
        if (!TransferId.isValid(raw)) {
            throw ApiException.notFound("Points transfer " + PlainText.excerpt(raw));
        }
        return TransferId.parse(raw);
    }

    private Amount amount(JsonFields body) {
        body.rejectUnknown(AMOUNT_FIELDS);
        String memberId = null;
        if (!body.has("customer")) {
            body.errors().add(body.path("customer"), PointsAmounts.REQUIRED);
        } else {
            String raw = body.string("customer", 64);
            if (raw != null) {
                memberId = MemberIds.parse(raw).orElse(null);
                if (memberId == null) {
                    body.errors().add(body.path("customer"), "This is not a valid UUID.");
                }
            }
        }
        BigDecimal points = points(body, PointsAmounts::checkAtLeastOne);
        String comment = body.string("comment", MAX_COMMENT);
        // Rule P5: Open Loyalty validates validityDuration and ignores it; the store's expiry settings decide.
        body.integer("validityDuration", 1, 36_500);
        body.errors().throwIfAny();
        return new Amount(memberId, points, comment == null || comment.isBlank() ? null : comment);
    }

    /** Rule P3: what {@code check} allows, at most two decimals; each failure recorded on {@code transfer[points]}. */
    private static BigDecimal points(JsonFields body, BiFunction<String, BigDecimal, Optional<Refusal>> check) {
        if (!body.has("points")) {
            body.errors().add(body.path("points"), PointsAmounts.REQUIRED);
            return null;
        }
        // Bounds first on the text (a 1e999 costs nothing), then Open Loyalty's own messages.
        BigDecimal points = body.decimal("points", null, PointsAmounts.MAXIMUM, 2);
        if (points == null) {
            return null;
        }
        check.apply("points", points).ifPresent(r -> body.errors().add(body.path(r.field()), r.message()));
        return points;
    }

    private static String party(JsonFields body, String field) {
        String value = body.identifier(field, MAX_PARTY);
        if (value == null && !body.errors().list().stream().anyMatch(e -> e.field().equals(body.path(field)))) {
            body.errors().add(body.path(field), PointsAmounts.REQUIRED);
        }
        return value;
    }

    private ApiResponse counted(String metric, ApiResponse response) {
        if (response.status() == 200 && !(response.body() instanceof String)) {
            // A replay (its stored body is a String) was counted when it first happened.
            metrics.count(metric, 1);
        }
        return response;
    }
}

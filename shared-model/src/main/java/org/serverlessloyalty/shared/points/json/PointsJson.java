package org.serverlessloyalty.shared.points.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.Draw;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.TransactionRef;

/**
 * The points bodies as Open Loyalty writes them: the PointsTransfer object (section 1.B.1) and the points fields of
 * the customer status (section 1.B.2). Dates are in the store's time zone, PHP's ISO 8601 ({@code +0200}, no colon);
 * points are plain decimals without trailing zeros ({@code 6.9}, {@code 10}). Absent fields are left out.
 */
public final class PointsJson {

    private static final DateTimeFormatter OPEN_LOYALTY_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private PointsJson() {
    }

    /** One PointsTransfer, its state at {@code at}. */
    public static Map<String, Object> transfer(PointsTransfer t, Instant at, ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pointsTransferId", t.id().value());
        // One account per member (rule P1): the account is named by its member.
        body.put("accountId", t.memberId());
        body.put("customerId", t.memberId());
        putIfPresent(body, "customerFirstName", t.member().firstName());
        putIfPresent(body, "customerLastName", t.member().lastName());
        putIfPresent(body, "customerLoyaltyCardNumber", t.member().loyaltyCardNumber());
        putIfPresent(body, "customerEmail", t.member().email());
        putIfPresent(body, "customerPhone", t.member().phone());
        body.put("createdAt", date(t.createdAt(), zone));
        putIfPresent(body, "expiresAt", date(t.shownExpiresAt(), zone));
        putIfPresent(body, "lockedUntil", date(t.lockedUntil(), zone));
        body.put("value", number(t.value()));
        body.put("state", t.stateAt(at).openLoyaltyName());
        body.put("type", t.type().openLoyaltyName());
        body.put("issuer", t.issuer().openLoyaltyName());
        body.put("comment", t.comment());
        TransactionRef tx = t.transaction();
        if (tx != null) {
            if (tx.transactionId() != null) {
                body.put("transactionId", Map.of("transactionId", tx.transactionId()));
            }
            putIfPresent(body, "revisedTransactionId", tx.revisedTransactionId());
            putIfPresent(body, "transactionDocumentNumber", tx.documentNumber());
            putIfPresent(body, "posIdentifier", tx.posIdentifier());
        }
        putIfPresent(body, "senderId", t.senderId());
        putIfPresent(body, "receiverId", t.receiverId());
        // This engine's additions: what a lot still holds, what a cancel recorded (item 8), what a draw took.
        if (t.type().isLot()) {
            body.put("availablePoints", number(t.available()));
        }
        if (t.consumedAtCancel() != null) {
            body.put("consumedPointsAtCancel", number(t.consumedAtCancel()));
        }
        if (t.returnedAtCancel() != null) {
            body.put("returnedPointsAtCancel", number(t.returnedAtCancel()));
        }
        putIfPresent(body, "canceledAt", date(t.canceledAt(), zone));
        putIfPresent(body, "expiredAt", date(t.expiredAt(), zone));
        putIfPresent(body, "activatedAt", date(t.activatedAt(), zone));
        if (t.sourceTransferId() != null) {
            body.put("sourceTransferId", t.sourceTransferId().value());
        }
        if (!t.draws().isEmpty()) {
            body.put("drawnFrom", t.draws().stream().map(PointsJson::draw).toList());
        }
        return body;
    }

    /** The points fields of {@code GET .../customer/{id}/status} (the member's names and levels come from elsewhere). */
    public static Map<String, Object> statusPoints(AccountStatus s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("points", number(s.points()));
        body.put("p2pPoints", number(s.p2pPoints()));
        body.put("totalEarnedPoints", number(s.totalEarnedPoints()));
        body.put("usedPoints", number(s.usedPoints()));
        body.put("expiredPoints", number(s.expiredPoints()));
        body.put("lockedPoints", number(s.lockedPoints()));
        body.put("blockedPoints", number(s.blockedPoints()));
        body.put("pointsExpiringNextMonth", number(s.pointsExpiringNextMonth()));
        Map<String, Object> breakdown = new LinkedHashMap<>();
        s.pointsExpiringBreakdown().forEach((day, points) -> breakdown.put(day.toString(), number(points)));
        body.put("pointsExpiringBreakdown", breakdown);
        return body;
    }

    public static String date(Instant at, ZoneId zone) {
        return at == null ? null : OPEN_LOYALTY_DATE.format(at.atZone(zone));
    }

    public static BigDecimal number(Points points) {
        BigDecimal plain = points.value().stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private static Map<String, Object> draw(Draw d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pointsTransferId", d.lot().value());
        body.put("points", number(d.points()));
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}

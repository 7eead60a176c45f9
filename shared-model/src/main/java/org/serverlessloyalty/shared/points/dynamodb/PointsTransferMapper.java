package org.serverlessloyalty.shared.points.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.decimal;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.instant;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putNumber;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.points.model.Draw;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.MemberSnapshot;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.TransactionRef;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A transfer's item. Besides the PointsTransfer fields, a lot carries the two numbers its conditions compare with
 * the action's instant (epoch milliseconds): {@code usableFrom} (the end of its lock, or when it was activated) and
 * {@code usableUntil} (its expiry, or when it was expired by hand; absent = never). The lot's expiry is kept as
 * {@code expiry}, never as {@code expiresAt}: that is the table's TTL attribute, and DynamoDB would delete the lot.
 */
final class PointsTransferMapper {

    static final String TRANSFER_TYPE = "transferType";
    static final String POINTS = "points";
    static final String AVAILABLE = "available";
    static final String USABLE_FROM = "usableFrom";
    static final String USABLE_UNTIL = "usableUntil";
    static final String CANCELED_AT = "canceledAt";
    static final String CONSUMED_AT_CANCEL = "consumedAtCancel";
    static final String RETURNED_AT_CANCEL = "returnedAtCancel";
    static final String ACTIVATED_AT = "activatedAt";
    static final String EXPIRED_AT = "expiredAt";
    private static final String ID = "transferId";
    private static final String MEMBER_ID = "memberId";
    private static final String CREATED_AT = "createdAt";
    private static final String LOCKED_UNTIL = "lockedUntil";
    private static final String EXPIRY = "expiry";
    private static final String DRAWS = "draws";
    private static final String LOT = "lot";

    private PointsTransferMapper() {
    }

    static Map<String, AttributeValue> item(PointsTransfer t) {
        Map<String, AttributeValue> item = new HashMap<>(
                PointsKeys.transfer(t.store(), t.memberId(), t.type(), t.id()));
        item.put(TableKeys.GSI1_PK, AttributeValue.fromS(PointsKeys.storeTransfers(t.store())));
        item.put(TableKeys.GSI1_SK, AttributeValue.fromS(t.id().value()));
        item.put("type", AttributeValue.fromS("POINTS_TRANSFER"));
        putString(item, ID, t.id().value());
        putString(item, MEMBER_ID, t.memberId());
        putString(item, TRANSFER_TYPE, t.type().openLoyaltyName());
        putNumber(item, POINTS, t.value().value());
        if (t.type().isLot()) {
            putNumber(item, AVAILABLE, t.available().value());
            putNumber(item, USABLE_FROM, t.usableFrom().toEpochMilli());
            if (t.usableUntil() != null) {
                putNumber(item, USABLE_UNTIL, t.usableUntil().toEpochMilli());
            }
        }
        putString(item, CREATED_AT, t.createdAt().toString());
        putInstant(item, LOCKED_UNTIL, t.lockedUntil());
        putInstant(item, EXPIRY, t.expiresAt());
        putString(item, "issuer", t.issuer().openLoyaltyName());
        putString(item, "comment", t.comment());
        MemberSnapshot m = t.member();
        putString(item, "email", m.email());
        putString(item, "phone", m.phone());
        putString(item, "loyaltyCardNumber", m.loyaltyCardNumber());
        putString(item, "firstName", m.firstName());
        putString(item, "lastName", m.lastName());
        if (t.transaction() != null) {
            putString(item, "transactionId", t.transaction().transactionId());
            putString(item, "revisedTransactionId", t.transaction().revisedTransactionId());
            putString(item, "documentNumber", t.transaction().documentNumber());
            putString(item, "posIdentifier", t.transaction().posIdentifier());
        }
        putString(item, "senderId", t.senderId());
        putString(item, "receiverId", t.receiverId());
        if (t.sourceTransferId() != null) {
            putString(item, "sourceTransferId", t.sourceTransferId().value());
        }
        if (!t.draws().isEmpty()) {
            item.put(DRAWS, AttributeValue.fromL(t.draws().stream()
                    .map(d -> AttributeValue.fromM(Map.of(LOT, AttributeValue.fromS(d.lot().value()),
                            POINTS, AttributeValue.fromN(d.points().value().toPlainString()))))
                    .toList()));
        }
        putInstant(item, CANCELED_AT, t.canceledAt());
        if (t.consumedAtCancel() != null) {
            putNumber(item, CONSUMED_AT_CANCEL, t.consumedAtCancel().value());
        }
        if (t.returnedAtCancel() != null) {
            putNumber(item, RETURNED_AT_CANCEL, t.returnedAtCancel().value());
        }
        putInstant(item, ACTIVATED_AT, t.activatedAt());
        putInstant(item, EXPIRED_AT, t.expiredAt());
        ListedStateAttributes.put(item, t);
        return item;
    }

    static PointsTransfer transfer(StoreCode store, Map<String, AttributeValue> item) {
        TransferType type = TransferType.fromOpenLoyaltyName(string(item, TRANSFER_TYPE));
        TransactionRef transaction = string(item, "transactionId") == null && string(item, "documentNumber") == null
                && string(item, "posIdentifier") == null && string(item, "revisedTransactionId") == null
                ? null
                : new TransactionRef(string(item, "transactionId"), string(item, "revisedTransactionId"),
                        string(item, "documentNumber"), string(item, "posIdentifier"));
        String source = string(item, "sourceTransferId");
        return new PointsTransfer(store, new TransferId(string(item, ID)), string(item, MEMBER_ID), type,
                new Points(decimal(item, POINTS)),
                type.isLot() ? new Points(decimal(item, AVAILABLE)) : null,
                instant(item, CREATED_AT), instant(item, LOCKED_UNTIL), instant(item, EXPIRY),
                Issuer.fromOpenLoyaltyName(string(item, "issuer")), string(item, "comment"),
                new MemberSnapshot(string(item, "email"), string(item, "phone"), string(item, "loyaltyCardNumber"),
                        string(item, "firstName"), string(item, "lastName")),
                transaction, string(item, "senderId"), string(item, "receiverId"),
                source == null ? null : new TransferId(source), draws(item),
                instant(item, CANCELED_AT),
                decimal(item, CONSUMED_AT_CANCEL) == null ? null : new Points(decimal(item, CONSUMED_AT_CANCEL)),
                decimal(item, RETURNED_AT_CANCEL) == null ? null : new Points(decimal(item, RETURNED_AT_CANCEL)),
                instant(item, ACTIVATED_AT), instant(item, EXPIRED_AT));
    }

    private static List<Draw> draws(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(DRAWS);
        if (v == null || !v.hasL()) {
            return List.of();
        }
        return v.l().stream().map(d -> new Draw(new TransferId(d.m().get(LOT).s()),
                new Points(new java.math.BigDecimal(d.m().get(POINTS).n())))).toList();
    }

    private static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value.toString()));
        }
    }
}

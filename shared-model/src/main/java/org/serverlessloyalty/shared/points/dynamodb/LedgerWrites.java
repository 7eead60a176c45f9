package org.serverlessloyalty.shared.points.dynamodb;

import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.ACTIVATED_AT;
import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.AVAILABLE;
import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.CANCELED_AT;
import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.CONSUMED_AT_CANCEL;
import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.EXPIRED_AT;
import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.POINTS;
import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.RETURNED_AT_CANCEL;
import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.USABLE_FROM;
import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.USABLE_UNTIL;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.TransferState;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The points ledger's steps as items of a DynamoDB transaction, each with its step's limit as its condition: used by
 * {@link DynamoDbPointsLedger} and by any adapter that takes points in a joint transaction (a reward purchase spends
 * the member's points in the purchase's own transaction, issue 11).
 */
public final class LedgerWrites {

    /** The account version item's counter (LedgerAccount). */
    private static final String VERSION = "version";
    private static final String TALLY = "count";

    /**
     * A cancelled or expired lot never changes state again: it leaves the tidy-up's due keys (sparse gsi2), and its
     * stored {@code state} is set with the action (ListedStateAttributes).
     */
    private static final String NO_LONGER_DUE = " REMOVE gsi2pk, gsi2sk";

    private final String table;

    public LedgerWrites(String table) {
        this.table = table;
    }

    /** One step as one transaction item, its condition the step's limit. */
    public TransactWriteItem write(StoreCode store, LedgerStep step) {
        if (step instanceof LedgerStep.Create s) {
            return TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(PointsTransferMapper.item(s.transfer()))
                    .conditionExpression("attribute_not_exists(pk)").build()).build();
        }
        if (step instanceof LedgerStep.Take s) {
            // Rule P8's limit, on the lot itself: it holds at least x and counts at t (not locked, not expired,
            // not cancelled). Evaluated by DynamoDB at commit: two spends can never both take the same points.
            return update(PointsKeys.lot(store, s.memberId(), s.lot()),
                    "SET #available = #available - :x",
                    "attribute_exists(pk) AND #available >= :x AND #from <= :t"
                            + " AND (attribute_not_exists(#until) OR #until > :t) AND attribute_not_exists(#canceled)",
                    names("#available", AVAILABLE, "#from", USABLE_FROM, "#until", USABLE_UNTIL, "#canceled", CANCELED_AT),
                    values(":x", number(s.points().value()), ":t", millis(s.at())));
        }
        if (step instanceof LedgerStep.GiveBack s) {
            return update(PointsKeys.lot(store, s.memberId(), s.lot()),
                    "SET #available = #available + :x",
                    "attribute_exists(pk) AND attribute_not_exists(#canceled) AND #available <= :atMost",
                    names("#available", AVAILABLE, "#canceled", CANCELED_AT),
                    values(":x", number(s.points().value()), ":atMost", number(s.atMost().value())));
        }
        if (step instanceof LedgerStep.CancelLot s) {
            return update(PointsKeys.lot(store, s.memberId(), s.lot()),
                    "SET #canceled = :at, #consumed = :consumed, #state = :state" + NO_LONGER_DUE,
                    "attribute_exists(pk) AND attribute_not_exists(#canceled) AND #available = :seen",
                    names("#canceled", CANCELED_AT, "#consumed", CONSUMED_AT_CANCEL, "#available", AVAILABLE,
                            "#state", ListedStateAttributes.STATE),
                    values(":at", AttributeValue.fromS(s.at().toString()), ":consumed", number(s.consumed().value()),
                            ":seen", number(s.seenAvailable().value()), ":state", state(TransferState.CANCELED)));
        }
        if (step instanceof LedgerStep.CancelBlock s) {
            return update(PointsKeys.block(store, s.memberId(), s.block()),
                    "SET #canceled = :at, #returned = :returned, #state = :state",
                    "attribute_exists(pk) AND attribute_not_exists(#canceled)",
                    names("#canceled", CANCELED_AT, "#returned", RETURNED_AT_CANCEL, "#state", ListedStateAttributes.STATE),
                    values(":at", AttributeValue.fromS(s.at().toString()), ":returned", number(s.returned().value()),
                            ":state", state(TransferState.CANCELED)));
        }
        if (step instanceof LedgerStep.Activate s) {
            return update(PointsKeys.lot(store, s.memberId(), s.lot()),
                    // Its due keys stay at the lock's end: the tidy-up then moves them to the expiry.
                    "SET #from = :t, #activated = :at, #state = :state",
                    "attribute_exists(pk) AND attribute_not_exists(#canceled) AND #from > :t"
                            + " AND (attribute_not_exists(#until) OR #until > :t)",
                    names("#from", USABLE_FROM, "#until", USABLE_UNTIL, "#canceled", CANCELED_AT,
                            "#activated", ACTIVATED_AT, "#state", ListedStateAttributes.STATE),
                    values(":t", millis(s.at()), ":at", AttributeValue.fromS(s.at().toString()),
                            ":state", state(TransferState.ACTIVE)));
        }
        if (step instanceof LedgerStep.Expire s) {
            return update(PointsKeys.lot(store, s.memberId(), s.lot()),
                    "SET #until = :t, #expired = :at, #state = :state" + NO_LONGER_DUE,
                    "attribute_exists(pk) AND attribute_not_exists(#canceled) AND #from <= :t"
                            + " AND (attribute_not_exists(#until) OR #until > :t) AND #available = :seen",
                    names("#from", USABLE_FROM, "#until", USABLE_UNTIL, "#canceled", CANCELED_AT,
                            "#expired", EXPIRED_AT, "#available", AVAILABLE, "#state", ListedStateAttributes.STATE),
                    values(":t", millis(s.at()), ":at", AttributeValue.fromS(s.at().toString()),
                            ":seen", number(s.seenAvailable().value()), ":state", state(TransferState.EXPIRED)));
        }
        if (step instanceof LedgerStep.CheckVersion s) {
            // An item never bumped does not exist: version 0.
            boolean never = s.version() == 0;
            return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                    .key(PointsKeys.accountVersion(store, s.memberId()))
                    .conditionExpression(never ? "attribute_not_exists(#version)" : "#version = :v")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(never ? null : Map.of(":v", AttributeValue.fromN(Long.toString(s.version()))))
                    .build()).build();
        }
        if (step instanceof LedgerStep.BumpVersion s) {
            return TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(PointsKeys.accountVersion(store, s.memberId()))
                    .updateExpression("SET #type = :type ADD #version :one")
                    .expressionAttributeNames(Map.of("#type", "type", "#version", VERSION))
                    .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("POINTS_ACCOUNT_VERSION"),
                            ":one", AttributeValue.fromN("1")))
                    .build()).build();
        }
        if (step instanceof LedgerStep.Tally s) {
            // The bound, checked by DynamoDB at commit: the counter after this addition is at most atMost.
            return update(PointsKeys.tally(store, s.key()),
                    "SET #type = :type ADD #count :delta",
                    "attribute_not_exists(#count) OR #count <= :room",
                    names("#type", "type", "#count", TALLY),
                    values(":type", AttributeValue.fromS("POINTS_TALLY"), ":delta", number(s.delta()),
                            ":room", number(s.atMost().subtract(s.delta()))));
        }
        LedgerStep.Count s = (LedgerStep.Count) step;
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(TableKeys.key(PointsKeys.histogram(store, s.type()), PointsKeys.histogramSk(s.day(), s.shard())))
                .updateExpression("SET #type = :type ADD #points :delta")
                .expressionAttributeNames(Map.of("#type", "type", "#points", POINTS))
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("POINTS_HISTOGRAM"),
                        ":delta", number(s.delta())))
                .build()).build();
    }

    private TransactWriteItem update(Map<String, AttributeValue> key, String update, String condition,
                                     Map<String, String> names, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
    }

    private static Map<String, String> names(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, AttributeValue> values(Object... pairs) {
        Map<String, AttributeValue> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
        }
        return map;
    }

    private static AttributeValue number(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }

    private static AttributeValue state(TransferState state) {
        return AttributeValue.fromS(state.openLoyaltyName());
    }

    private static AttributeValue millis(Instant at) {
        return AttributeValue.fromN(Long.toString(at.toEpochMilli()));
    }
}

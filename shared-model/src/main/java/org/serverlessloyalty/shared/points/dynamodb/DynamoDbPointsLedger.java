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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.IdempotentTransactions;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.LedgerAccount;
import org.serverlessloyalty.shared.points.model.LedgerPlan;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.TallyKey;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferState;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The points ledger in the one table (docs/dynamodb-design.md, "Points"). Each plan step becomes one item of one
 * TransactWriteItems whose condition is the step's limit, so an overdraw, a double cancel or a give-back of points
 * never taken cannot commit, whatever runs concurrently: no decision here rests on a read alone.
 *
 * <p>The balance is never stored: it is what the lots that count hold, and a lot's "counts" is evaluated in every
 * condition against the action's instant ({@code usableFrom <= :t < usableUntil}). Points therefore stop counting
 * the moment they expire, and Σ(lots) = balance holds by construction.
 */
public final class DynamoDbPointsLedger implements PointsLedger {

    /**
     * A cancelled or expired lot never changes state again: it leaves the tidy-up's due keys (sparse gsi2), and its
     * stored {@code state} is set with the action (ListedStateAttributes).
     */
    /** The account version item's counter (LedgerAccount). */
    private static final String VERSION = "version";
    private static final String TALLY = "count";

    private static final String NO_LONGER_DUE = " REMOVE gsi2pk, gsi2sk";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbPointsLedger(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public List<PointsTransfer> account(StoreCode store, String memberId) {
        return versionedAccount(store, memberId).transfers();
    }

    @Override
    public LedgerAccount versionedAccount(StoreCode store, String memberId) {
        long[] version = {0};
        List<PointsTransfer> transfers = readAll(store, version, QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(PointsKeys.account(store, memberId)),
                        ":from", AttributeValue.fromS(PointsKeys.LOTS_AND_BLOCKS_FROM),
                        ":to", AttributeValue.fromS(PointsKeys.LOTS_AND_BLOCKS_TO)))
                .build());
        return new LedgerAccount(transfers, version[0]);
    }

    @Override
    public List<PointsTransfer> transfers(StoreCode store, String memberId) {
        List<PointsTransfer> all = new ArrayList<>(readAll(store, new long[1], QueryRequest.builder().tableName(table)
                .consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(PointsKeys.account(store, memberId)),
                        ":prefix", AttributeValue.fromS(PointsKeys.TRANSFERS_PREFIX)))
                .build()));
        all.sort(Comparator.comparing(PointsTransfer::id));
        return all;
    }

    @Override
    public Optional<PointsTransfer> find(StoreCode store, TransferId id) {
        List<Map<String, AttributeValue>> items = dynamoDb.query(b -> b.tableName(table).indexName(TableKeys.GSI1)
                .keyConditionExpression("gsi1pk = :pk AND gsi1sk = :id")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(PointsKeys.storeTransfers(store)),
                        ":id", AttributeValue.fromS(id.value())))).items();
        return items.stream().findFirst().map(item -> PointsTransferMapper.transfer(store, item));
    }

    @Override
    public List<PointsTransfer> storeTransfers(StoreCode store, boolean newestFirst, Predicate<PointsTransfer> keep,
                                               int limit) {
        List<PointsTransfer> kept = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table).indexName(TableKeys.GSI1)
                    .keyConditionExpression("gsi1pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PointsKeys.storeTransfers(store))))
                    .scanIndexForward(!newestFirst)
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                PointsTransfer t = PointsTransferMapper.transfer(store, item);
                if (keep.test(t)) {
                    kept.add(t);
                    if (kept.size() >= limit) {
                        return kept;
                    }
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return kept;
    }

    @Override
    public PlanResult<LedgerStep> execute(LedgerPlan plan, Optional<IdempotencyRecord> record) {
        List<Transactions.Write<LedgerStep>> writes = plan.steps().stream()
                .map(step -> new Transactions.Write<>(write(plan.store(), step), step)).toList();
        return IdempotentTransactions.execute(dynamoDb, table, writes, record, clock.instant());
    }

    @Override
    public BigDecimal tally(StoreCode store, TallyKey key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(PointsKeys.tally(store, key))
                .consistentRead(true)).item();
        return item == null || !item.containsKey(TALLY) ? BigDecimal.ZERO : new BigDecimal(item.get(TALLY).n());
    }

    @Override
    public SortedMap<LocalDate, BigDecimal> histogram(StoreCode store, HistogramType type, LocalDate from, LocalDate to) {
        SortedMap<LocalDate, BigDecimal> days = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(PointsKeys.histogram(store, type)),
                            ":from", AttributeValue.fromS(from.toString()),
                            ":to", AttributeValue.fromS(PointsKeys.histogramDayEnd(to))))
                    .exclusiveStartKey(after));
            for (Map<String, AttributeValue> item : page.items()) {
                LocalDate day = LocalDate.parse(item.get(TableKeys.SK).s().substring(0, 10));
                days.merge(day, new BigDecimal(item.get(POINTS).n()), BigDecimal::add);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return days;
    }

    /** The transfers the Query returns; the account version item, when among them, goes to {@code version[0]}. */
    private List<PointsTransfer> readAll(StoreCode store, long[] version, QueryRequest first) {
        List<PointsTransfer> out = new ArrayList<>();
        QueryRequest request = first;
        while (true) {
            QueryResponse page = dynamoDb.query(request);
            for (Map<String, AttributeValue> item : page.items()) {
                if (PointsKeys.ACCOUNT_VERSION_SK.equals(item.get(TableKeys.SK).s())) {
                    version[0] = Long.parseLong(item.get(VERSION).n());
                } else {
                    out.add(PointsTransferMapper.transfer(store, item));
                }
            }
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return out;
            }
            request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }

    /** One step as one transaction item, its condition the step's limit. */
    private TransactWriteItem write(StoreCode store, LedgerStep step) {
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

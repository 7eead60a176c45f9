package org.serverlessloyalty.shared.points.dynamodb;

import static org.serverlessloyalty.shared.points.dynamodb.PointsTransferMapper.POINTS;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

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

    /** The account version item's counter (LedgerAccount). */
    private static final String VERSION = "version";
    private static final String TALLY = "count";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final LedgerWrites ledgerWrites;

    public DynamoDbPointsLedger(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.ledgerWrites = new LedgerWrites(table);
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
                .map(step -> new Transactions.Write<>(ledgerWrites.write(plan.store(), step), step)).toList();
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

}

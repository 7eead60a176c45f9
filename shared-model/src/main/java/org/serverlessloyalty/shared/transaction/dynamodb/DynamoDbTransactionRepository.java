package org.serverlessloyalty.shared.transaction.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.serverlessloyalty.shared.platform.dynamodb.Attributes;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionFilter;
import org.serverlessloyalty.shared.transaction.model.TransactionPage;
import org.serverlessloyalty.shared.transaction.port.TransactionRepository;
import org.serverlessloyalty.shared.transaction.rules.TransactionRules;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The transactions on the one table ({@link TransactionKeys}); every uniqueness a condition of the write. */
public final class DynamoDbTransactionRepository implements TransactionRepository {

    /** T-2 reads at most this many of the store's newest transactions to filter and page (a bounded Query). */
    static final int MAX_LISTED = 2_000;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbTransactionRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private enum Step { TRANSACTION, DOCUMENT, MEMBER_COPY }

    @Override
    public boolean create(StoreCode store, Transaction t) {
        Map<String, AttributeValue> item = new HashMap<>(TransactionItemMapper.toItem(t));
        item.putAll(TransactionKeys.transaction(store, t.id()));
        item.put(TableKeys.GSI1_PK, AttributeValue.fromS(TransactionKeys.storeList(store)));
        item.put(TableKeys.GSI1_SK, AttributeValue.fromS(t.createdAt() + "#" + t.id()));
        Map<String, AttributeValue> doc = new HashMap<>(TransactionKeys.document(store, t.documentNumber()));
        doc.put("type", AttributeValue.fromS("TRANSACTION_DOCUMENT"));
        doc.put("transactionId", AttributeValue.fromS(t.id()));
        List<Transactions.Write<Step>> writes = new ArrayList<>();
        writes.add(new Transactions.Write<>(put(item, "attribute_not_exists(pk)"), Step.TRANSACTION));
        writes.add(new Transactions.Write<>(put(doc, "attribute_not_exists(pk)"), Step.DOCUMENT));
        if (t.memberId() != null) {
            writes.add(new Transactions.Write<>(put(memberCopy(store, t), null), null));
        }
        PlanResult<Step> result = Contention.retry("register a transaction", () -> {
            PlanResult<Step> r = Transactions.execute(dynamoDb, writes);
            return r instanceof PlanResult.Contended<Step> ? Optional.empty() : Optional.of(r);
        });
        return result instanceof PlanResult.Committed<Step>;
    }

    private Map<String, AttributeValue> memberCopy(StoreCode store, Transaction t) {
        Map<String, AttributeValue> copy = new HashMap<>(TransactionItemMapper.toItem(t));
        copy.putAll(TransactionKeys.memberCopy(store, t.memberId(), t.id()));
        return copy;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    @Override
    public Optional<Transaction> find(StoreCode store, String transactionId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(TransactionKeys.transaction(store, transactionId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TransactionItemMapper.fromItem(item));
    }

    @Override
    public Optional<Transaction> findByDocument(StoreCode store, String documentNumber) {
        var doc = dynamoDb.getItem(b -> b.tableName(table).key(TransactionKeys.document(store, documentNumber))
                .consistentRead(true)).item();
        if (doc == null || doc.isEmpty()) {
            return Optional.empty();
        }
        return find(store, Attributes.string(doc, "transactionId"));
    }

    @Override
    public boolean assign(StoreCode store, Transaction withMember) {
        Update update = Update.builder().tableName(table).key(TransactionKeys.transaction(store, withMember.id()))
                .updateExpression("SET memberId = :m, assignedAt = :a")
                .conditionExpression("attribute_exists(pk) AND attribute_not_exists(memberId)")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(withMember.memberId()),
                        ":a", AttributeValue.fromS(withMember.assignedAt().toString())))
                .build();
        List<Transactions.Write<Step>> writes = List.of(
                new Transactions.Write<>(TransactWriteItem.builder().update(update).build(), Step.TRANSACTION),
                new Transactions.Write<>(put(memberCopy(store, withMember), null), null));
        PlanResult<Step> result = Contention.retry("assign a transaction", () -> {
            PlanResult<Step> r = Transactions.execute(dynamoDb, writes);
            return r instanceof PlanResult.Contended<Step> ? Optional.empty() : Optional.of(r);
        });
        return result instanceof PlanResult.Committed<Step>;
    }

    @Override
    public void recordEarned(StoreCode store, Transaction t, BigDecimal points, String lotId) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", AttributeValue.fromN(points.toPlainString()));
        String set = "SET pointsEarned = :p";
        if (lotId != null) {
            values.put(":l", AttributeValue.fromS(lotId));
            set += ", earnedLot = :l";
        }
        try {
            String expression = set;
            dynamoDb.updateItem(b -> b.tableName(table).key(TransactionKeys.transaction(store, t.id()))
                    .updateExpression(expression).conditionExpression("attribute_not_exists(pointsEarned)")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException recordedBefore) {
            // Recorded by an earlier attempt: the first record stands.
            return;
        }
        if (t.memberId() != null) {
            dynamoDb.updateItem(b -> b.tableName(table).key(TransactionKeys.memberCopy(store, t.memberId(), t.id()))
                    .updateExpression("SET pointsEarned = :p")
                    .expressionAttributeValues(Map.of(":p", values.get(":p"))));
        }
    }

    @Override
    public Optional<String> earnedLot(StoreCode store, String transactionId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(TransactionKeys.transaction(store, transactionId))
                .consistentRead(true).projectionExpression("earnedLot")).item();
        return Optional.ofNullable(item == null ? null : Attributes.string(item, "earnedLot"));
    }

    @Override
    public void recordLotCancelled(StoreCode store, String transactionId) {
        dynamoDb.updateItem(b -> b.tableName(table).key(TransactionKeys.transaction(store, transactionId))
                .updateExpression("SET lotCancelled = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
    }

    @Override
    public boolean lotCancelled(StoreCode store, String transactionId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(TransactionKeys.transaction(store, transactionId))
                .consistentRead(true).projectionExpression("lotCancelled")).item();
        return item != null && Attributes.bool(item, "lotCancelled");
    }

    @Override
    public void replaceLabels(StoreCode store, Transaction t) {
        Map<String, AttributeValue> item = new HashMap<>(TransactionItemMapper.toItem(t));
        // Only the body changes: a conditional update keeps member and points as another writer left them.
        dynamoDb.updateItem(b -> b.tableName(table).key(TransactionKeys.transaction(store, t.id()))
                .updateExpression("SET body = :b").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":b", item.get("body"))));
        if (t.memberId() != null) {
            dynamoDb.updateItem(b -> b.tableName(table).key(TransactionKeys.memberCopy(store, t.memberId(), t.id()))
                    .updateExpression("SET body = :b").expressionAttributeValues(Map.of(":b", item.get("body"))));
        }
    }

    @Override
    public List<Transaction> ofMember(StoreCode store, String memberId) {
        List<Transaction> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                    .expressionAttributeValues(Map.of(":pk",
                            AttributeValue.fromS(TransactionKeys.memberPartition(store, memberId)),
                            ":p", AttributeValue.fromS(TransactionKeys.MEMBER_COPY_PREFIX)));
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse response = dynamoDb.query(q.build());
            response.items().forEach(i -> out.add(TransactionItemMapper.fromItem(i)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public TransactionPage list(StoreCode store, TransactionFilter filter, int page, int perPage) {
        List<Transaction> candidates;
        if (filter.documentNumber() != null) {
            candidates = findByDocument(store, filter.documentNumber()).map(List::of).orElse(List.of());
        } else if (filter.memberId() != null) {
            candidates = new ArrayList<>(ofMember(store, filter.memberId()));
            // The member's copies carry the member and points as of their last write: read the transactions'.
            candidates.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
        } else {
            candidates = newest(store);
        }
        List<Transaction> matching = candidates.stream().filter(t -> TransactionRules.matches(filter, t)).toList();
        int from = Math.min(matching.size(), (page - 1) * perPage);
        int to = Math.min(matching.size(), from + perPage);
        return new TransactionPage(matching.subList(from, to), matching.size());
    }

    private List<Transaction> newest(StoreCode store) {
        List<Transaction> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
                    .keyConditionExpression("gsi1pk = :pk").scanIndexForward(false)
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TransactionKeys.storeList(store))))
                    .limit(Math.min(500, MAX_LISTED - out.size()));
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse response = dynamoDb.query(q.build());
            response.items().forEach(i -> out.add(TransactionItemMapper.fromItem(i)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && out.size() < MAX_LISTED);
        return out;
    }

    @Override
    public Map<String, Set<String>> itemLabels(StoreCode store) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        var response = dynamoDb.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TransactionKeys.itemLabels(store)))));
        for (var item : response.items()) {
            AttributeValue values = item.get("values");
            out.put(Attributes.string(item, "labelKey"),
                    values == null || !values.hasSs() ? Set.of() : new TreeSet<>(values.ss()));
        }
        return out;
    }

    @Override
    public void addItemLabels(StoreCode store, List<Label> labels) {
        Map<String, Set<String>> byKey = labels.stream().collect(Collectors.groupingBy(Label::key,
                LinkedHashMap::new, Collectors.mapping(Label::value, Collectors.toCollection(TreeSet::new))));
        // ADD to a string set: idempotent, so a retried registration adds nothing twice.
        byKey.forEach((key, values) -> dynamoDb.updateItem(b -> b.tableName(table)
                .key(TableKeys.key(TransactionKeys.itemLabels(store), key))
                .updateExpression("SET labelKey = :k ADD #v :v")
                .expressionAttributeNames(Map.of("#v", "values"))
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(key),
                        ":v", AttributeValue.fromSs(List.copyOf(values))))));
    }
}

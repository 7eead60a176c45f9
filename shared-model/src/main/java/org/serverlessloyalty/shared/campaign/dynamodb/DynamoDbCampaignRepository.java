package org.serverlessloyalty.shared.campaign.dynamodb;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCategory;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.port.CampaignCatalogue;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.campaign.rules.PoolPlan;
import org.serverlessloyalty.shared.platform.dynamodb.PartitionQuery;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The campaigns of every store in the one table (docs/dynamodb-design.md "Reward campaigns"): the shared reads, and
 * (issue 11, h11-catalogue) the catalogue's writes: definitions, pools in chunks of at most one transaction, categories.
 */
public final class DynamoDbCampaignRepository implements CampaignRepository, CampaignCatalogue {

    /** Definition attributes a campaign may lack (a type without limits, an empty list): a replace removes them. */
    private static final List<String> OPTIONAL_ATTRIBUTES = List.of("levels", "segments", "categories", "labels",
            "moreInformationLink", "pushNotificationText", "rewardValue", "tax", "taxPriceValue", "costInPoints",
            "limit", "limitPerUser", "daysInactive", "daysValid", "pointValue", "transactionPercentageValue",
            "connectType", "earningRuleId");
    private static final String SEQ = "seq";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbCampaignRepository(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<StoredCampaign> find(StoreCode store, CampaignId id) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(CampaignKeys.campaign(store, id)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(stored(store, item));
    }

    @Override
    public List<StoredCampaign> all(StoreCode store) {
        return PartitionQuery.indexItems(dynamoDb, table, TableKeys.GSI1, TableKeys.GSI1_PK,
                CampaignKeys.storeCampaignsPartition(store)).stream().map(item -> stored(store, item)).toList();
    }

    @Override
    public List<PoolCode> freeCodes(StoreCode store, CampaignId id, int max) {
        QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :free)")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(CampaignKeys.poolPartition(store, id)),
                        ":free", AttributeValue.fromS(CampaignKeys.FREE_SK_PREFIX)))
                .limit(max).build());
        return page.items().stream().map(DynamoDbCampaignRepository::poolCode).toList();
    }

    @Override
    public Optional<PoolCode> firstCode(StoreCode store, CampaignId id) {
        // Codes ever in the pool, by code: the first in pool order is the one with the lowest seq.
        return PartitionQuery.items(dynamoDb, table, CampaignKeys.poolPartition(store, id),
                CampaignKeys.POOL_CODE_SK_PREFIX).stream().map(DynamoDbCampaignRepository::poolCode)
                .min(Comparator.comparingLong(PoolCode::seq));
    }

    // ------------------------------------------------------------------ issue 11 (h11-catalogue): writes

    /** What a step of a catalogue transaction holds, so a refused transaction says which condition failed. */
    private enum Step { CAMPAIGN, POOL }

    @Override
    public void create(Campaign campaign, List<String> coupons) {
        List<List<TransactWriteItem>> chunks = poolChunks(campaign.store(), campaign.id(),
                new PoolPlan(coupons, List.of()), 1);
        for (int i = 0; i < Math.max(1, chunks.size()); i++) {
            List<TransactWriteItem> pool = chunks.isEmpty() ? List.of() : chunks.get(i);
            long free = pool.size() / 2;
            TransactWriteItem head;
            if (i == 0) {
                Map<String, AttributeValue> item = new HashMap<>(CampaignItemMapper.definition(campaign));
                item.put(CampaignKeys.ISSUED, AttributeValue.fromN("0"));
                item.put(CampaignKeys.FREE, AttributeValue.fromN(Long.toString(free)));
                item.put(CampaignKeys.BUYERS, AttributeValue.fromN("0"));
                head = TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(pk)").build()).build();
            } else {
                head = addFree(campaign.store(), campaign.id(), free);
            }
            Outcome outcome = run("create campaign", head, pool);
            if (outcome != Outcome.DONE && !alreadyWritten(campaign, i, pool)) {
                // A new UUID and codes checked for duplicates: a failed condition here is a bug, not a business case.
                throw new IllegalStateException("Creating campaign " + campaign.id() + " met " + outcome);
            }
        }
    }

    /**
     * Whether a refused chunk of a create is one an earlier attempt of this very create committed, its answer lost
     * (AWS may answer 500 for a transaction it made, and the SDK then sends it again): the campaign item for the first
     * chunk, else the chunk's first by-code item at its seq (it stays after its code is issued). A chunk is atomic,
     * so one of its items written means all of it was.
     */
    private boolean alreadyWritten(Campaign campaign, int chunk, List<TransactWriteItem> pool) {
        if (chunk == 0) {
            return find(campaign.store(), campaign.id()).map(s -> s.campaign().createdAt().equals(campaign.createdAt()))
                    .orElse(false);
        }
        Map<String, AttributeValue> byCode = pool.get(1).put().item();
        var item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, byCode.get(TableKeys.PK), TableKeys.SK, byCode.get(TableKeys.SK)))).item();
        return item != null && !item.isEmpty() && byCode.get(SEQ).equals(item.get(SEQ));
    }

    @Override
    public Outcome replace(Campaign campaign, long expectedVersion, PoolPlan plan, long nextSeq) {
        Map<String, AttributeValue> definition = CampaignItemMapper.definition(campaign);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, AttributeValue> e : definition.entrySet()) {
            if (e.getKey().equals(TableKeys.PK) || e.getKey().equals(TableKeys.SK)) {
                continue;
            }
            names.put("#a" + n, e.getKey());
            values.put(":a" + n, e.getValue());
            sets.add("#a" + n + " = :a" + n);
            n++;
        }
        List<String> removes = new ArrayList<>();
        for (String optional : OPTIONAL_ATTRIBUTES) {
            if (!definition.containsKey(optional)) {
                names.put("#r" + removes.size(), optional);
                removes.add("#r" + removes.size());
            }
        }
        List<List<TransactWriteItem>> chunks = poolChunks(campaign.store(), campaign.id(), plan, nextSeq);
        List<TransactWriteItem> first = chunks.isEmpty() ? List.of() : chunks.get(0);
        long delta = freeDelta(first);
        names.put("#free", CampaignKeys.FREE);
        names.put("#version", CampaignKeys.VERSION);
        values.put(":delta", AttributeValue.fromN(Long.toString(delta)));
        values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        // The version is one of the SET attributes (campaign.version() = expected + 1): a replace decided on an older
        // definition, or racing another, commits only once.
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE "
                + String.join(", ", removes)) + " ADD #free :delta";
        TransactWriteItem head = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(CampaignKeys.campaign(campaign.store(), campaign.id())).updateExpression(expression)
                .conditionExpression("attribute_exists(pk) AND #version = :expected")
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
        Outcome outcome = run("replace campaign", head, first);
        if (outcome != Outcome.DONE) {
            return outcome == Outcome.NOT_FOUND ? exists(campaign.store(), campaign.id()) : outcome;
        }
        return rest(campaign.store(), campaign.id(), chunks);
    }

    @Override
    public Outcome loadPool(StoreCode store, CampaignId id, PoolPlan plan, long nextSeq) {
        List<List<TransactWriteItem>> chunks = poolChunks(store, id, plan, nextSeq);
        if (chunks.isEmpty()) {
            return exists(store, id);
        }
        List<List<TransactWriteItem>> all = new ArrayList<>();
        all.add(List.of());
        all.addAll(chunks);
        return rest(store, id, all);
    }

    @Override
    public Outcome setActive(StoreCode store, CampaignId id, boolean active) {
        TransactWriteItem head = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(CampaignKeys.campaign(store, id))
                .updateExpression("SET #active = :active ADD #version :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#active", "active", "#version", CampaignKeys.VERSION))
                .expressionAttributeValues(Map.of(":active", AttributeValue.fromBool(active),
                        ":one", AttributeValue.fromN("1"))).build()).build();
        return run("activate campaign", head, List.of());
    }

    @Override
    public PoolPlan.Pool pool(StoreCode store, CampaignId id) {
        List<PoolCode> codes = new ArrayList<>();
        Set<Long> free = new HashSet<>();
        for (Map<String, AttributeValue> item : PartitionQuery.items(dynamoDb, table,
                CampaignKeys.poolPartition(store, id), "")) {
            String sk = item.get(TableKeys.SK).s();
            if (sk.startsWith(CampaignKeys.FREE_SK_PREFIX)) {
                free.add(Long.parseLong(item.get(SEQ).n()));
            } else if (sk.startsWith(CampaignKeys.POOL_CODE_SK_PREFIX)) {
                codes.add(poolCode(item));
            }
        }
        codes.sort(Comparator.comparingLong(PoolCode::seq));
        Set<String> issued = new HashSet<>();
        codes.stream().filter(c -> !free.contains(c.seq())).forEach(c -> issued.add(c.code()));
        return new PoolPlan.Pool(codes, issued);
    }

    /** The chunks after the first (which went with the definition's write), each with its own {@code free} change. */
    private Outcome rest(StoreCode store, CampaignId id, List<List<TransactWriteItem>> chunks) {
        for (int i = 1; i < chunks.size(); i++) {
            List<TransactWriteItem> chunk = chunks.get(i);
            Outcome outcome = run("load campaign pool", addFree(store, id, freeDelta(chunk)), chunk);
            if (outcome != Outcome.DONE) {
                return outcome == Outcome.NOT_FOUND ? exists(store, id) : outcome;
            }
        }
        return Outcome.DONE;
    }

    /** A refused campaign step is NOT_FOUND when the campaign is gone, else STALE (its version moved on). */
    private Outcome exists(StoreCode store, CampaignId id) {
        return find(store, id).isPresent() ? Outcome.STALE : Outcome.NOT_FOUND;
    }

    private TransactWriteItem addFree(StoreCode store, CampaignId id, long delta) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(CampaignKeys.campaign(store, id)).updateExpression("ADD #free :delta")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#free", CampaignKeys.FREE))
                .expressionAttributeValues(Map.of(":delta", AttributeValue.fromN(Long.toString(delta)))).build())
                .build();
    }

    /**
     * One transaction: the campaign's write then the pool's, retried while contended. A failed campaign condition is
     * NOT_FOUND (the caller tells it from a stale version), a failed pool condition STALE: a code was issued, or
     * loaded by another request, since the pool was read.
     */
    private Outcome run(String action, TransactWriteItem head, List<TransactWriteItem> pool) {
        List<Transactions.Write<Step>> writes = new ArrayList<>();
        writes.add(new Transactions.Write<>(head, Step.CAMPAIGN));
        pool.forEach(w -> writes.add(new Transactions.Write<>(w, Step.POOL)));
        return Contention.retry(action, () -> {
            PlanResult<Step> result = Transactions.execute(dynamoDb, writes);
            if (result instanceof PlanResult.Committed<Step>) {
                return Optional.of(Outcome.DONE);
            }
            if (result instanceof PlanResult.Refused<Step> refused) {
                return Optional.of(refused.failed().contains(Step.CAMPAIGN) ? Outcome.NOT_FOUND : Outcome.STALE);
            }
            return Optional.empty();
        });
    }

    /** Deletes count -1 free each (a free item and its by-code item), puts +1: pairs, so half the items. */
    private static long freeDelta(List<TransactWriteItem> chunk) {
        long delta = 0;
        for (int i = 0; i < chunk.size(); i += 2) {
            delta += chunk.get(i).put() != null ? 1 : -1;
        }
        return delta;
    }

    /**
     * The plan's pool writes in chunks of {@link #CODES_PER_TRANSACTION} codes, each code two items (its free item
     * first): removals (only codes still free: the delete holds on the free item existing) then additions (both items
     * new: a code loaded meanwhile by another request fails the chunk).
     */
    private List<List<TransactWriteItem>> poolChunks(StoreCode store, CampaignId id, PoolPlan plan, long nextSeq) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (PoolCode code : plan.remove()) {
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(CampaignKeys.freeCode(store, id, code.seq())).conditionExpression("attribute_exists(pk)")
                    .build()).build());
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(CampaignKeys.poolCode(store, id, code.code())).build()).build());
        }
        long seq = nextSeq;
        for (String code : plan.add()) {
            items.add(put(CampaignKeys.freeCode(store, id, seq), code, seq));
            items.add(put(CampaignKeys.poolCode(store, id, code), code, seq));
            seq++;
        }
        List<List<TransactWriteItem>> chunks = new ArrayList<>();
        int per = CODES_PER_TRANSACTION * 2;
        for (int i = 0; i < items.size(); i += per) {
            chunks.add(items.subList(i, Math.min(items.size(), i + per)));
        }
        return chunks;
    }

    private TransactWriteItem put(Map<String, AttributeValue> key, String code, long seq) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(CampaignKeys.CODE, AttributeValue.fromS(code));
        item.put(SEQ, AttributeValue.fromN(Long.toString(seq)));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    @Override
    public void putCategory(CampaignCategory category) {
        Map<String, AttributeValue> item = new HashMap<>(CampaignKeys.category(category.store(), category.id()));
        item.put(TableKeys.GSI1_PK, AttributeValue.fromS(CampaignKeys.storeCategoriesPartition(category.store())));
        item.put(TableKeys.GSI1_SK, AttributeValue.fromS(CampaignKeys.sortable(category.createdAt()) + "#"
                + category.id()));
        item.put("categoryId", AttributeValue.fromS(category.id()));
        Map<String, AttributeValue> names = new HashMap<>();
        category.names().forEach((locale, name) -> names.put(locale, AttributeValue.fromS(name)));
        item.put("names", AttributeValue.fromM(names));
        item.put("active", AttributeValue.fromBool(category.active()));
        item.put("sortOrder", AttributeValue.fromN(Integer.toString(category.sortOrder())));
        item.put("createdAt", AttributeValue.fromS(category.createdAt().toString()));
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<CampaignCategory> category(StoreCode store, String categoryId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(CampaignKeys.category(store, categoryId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(category(store, item));
    }

    @Override
    public List<CampaignCategory> categories(StoreCode store) {
        List<CampaignCategory> out = new ArrayList<>(PartitionQuery.indexItems(dynamoDb, table, TableKeys.GSI1,
                TableKeys.GSI1_PK, CampaignKeys.storeCategoriesPartition(store)).stream()
                .map(item -> category(store, item)).toList());
        out.sort(Comparator.comparingInt(CampaignCategory::sortOrder).thenComparing(c -> c.name("en")));
        return out;
    }

    private static CampaignCategory category(StoreCode store, Map<String, AttributeValue> item) {
        Map<String, String> names = new HashMap<>();
        AttributeValue m = item.get("names");
        if (m != null && m.hasM()) {
            m.m().forEach((locale, v) -> names.put(locale, v.s()));
        }
        return new CampaignCategory(store, item.get("categoryId").s(), names,
                Boolean.TRUE.equals(item.get("active").bool()), Integer.parseInt(item.get("sortOrder").n()),
                java.time.Instant.parse(item.get("createdAt").s()));
    }

    private static StoredCampaign stored(StoreCode store, Map<String, AttributeValue> item) {
        return new StoredCampaign(CampaignItemMapper.campaign(store, item), CampaignItemMapper.counters(item));
    }

    private static PoolCode poolCode(Map<String, AttributeValue> item) {
        return new PoolCode(Long.parseLong(item.get("seq").n()), item.get(CampaignKeys.CODE).s());
    }
}

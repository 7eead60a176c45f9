package org.serverlessloyalty.shared.campaign.dynamodb;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The campaigns of every store in the one table (docs/dynamodb-design.md "Reward campaigns"). */
public final class DynamoDbCampaignRepository implements CampaignRepository {

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
        List<StoredCampaign> campaigns = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
                    .keyConditionExpression("gsi1pk = :pk")
                    .expressionAttributeValues(Map.of(":pk",
                            AttributeValue.fromS(CampaignKeys.storeCampaignsPartition(store))))
                    .exclusiveStartKey(from).build());
            page.items().forEach(item -> campaigns.add(stored(store, item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return campaigns;
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
        List<PoolCode> codes = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :code)")
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(CampaignKeys.poolPartition(store, id)),
                            ":code", AttributeValue.fromS(CampaignKeys.POOL_CODE_SK_PREFIX)))
                    .exclusiveStartKey(from).build());
            page.items().forEach(item -> codes.add(poolCode(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return codes.stream().min(java.util.Comparator.comparingLong(PoolCode::seq));
    }

    private static StoredCampaign stored(StoreCode store, Map<String, AttributeValue> item) {
        return new StoredCampaign(CampaignItemMapper.campaign(store, item), CampaignItemMapper.counters(item));
    }

    private static PoolCode poolCode(Map<String, AttributeValue> item) {
        return new PoolCode(Long.parseLong(item.get("seq").n()), item.get(CampaignKeys.CODE).s());
    }
}

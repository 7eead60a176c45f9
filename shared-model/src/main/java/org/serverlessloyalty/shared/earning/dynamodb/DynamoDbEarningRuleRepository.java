package org.serverlessloyalty.shared.earning.dynamodb;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleStep;
import org.serverlessloyalty.shared.earning.port.EarningRuleRepository;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.IdempotentTransactions;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Earning rules in the single table ({@link EarningRuleKeys}); a plan is one TransactWriteItems. */
public final class DynamoDbEarningRuleRepository implements EarningRuleRepository {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbEarningRuleRepository(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<EarningRule> find(StoreCode store, String ruleId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(EarningRuleKeys.rule(store, ruleId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(EarningRuleItemMapper.fromItem(item));
    }

    @Override
    public List<EarningRule> list(StoreCode store) {
        List<EarningRule> rules = dynamoDb.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(EarningRuleKeys.partition(store)),
                                ":prefix", AttributeValue.fromS(EarningRuleKeys.RULE_PREFIX)))
                        .consistentRead(true))
                .items().stream()
                .map(EarningRuleItemMapper::fromItem)
                .toList();
        return EarningRule.inCreationOrder(rules);
    }

    @Override
    public PlanResult<EarningRuleStep> execute(StoreCode store, List<EarningRuleStep> plan,
                                               Optional<IdempotencyRecord> record) {
        List<Transactions.Write<EarningRuleStep>> writes = new ArrayList<>();
        for (EarningRuleStep step : plan) {
            writes.add(new Transactions.Write<>(write(store, step), step));
        }
        return IdempotentTransactions.execute(dynamoDb, table, writes, record, clock.instant());
    }

    private TransactWriteItem write(StoreCode store, EarningRuleStep step) {
        if (step instanceof EarningRuleStep.Put put && put.expectedVersion() == null) {
            return TransactWriteItem.builder()
                    .put(p -> p.tableName(table).item(EarningRuleItemMapper.toItem(store, put.rule()))
                            .conditionExpression("attribute_not_exists(pk)"))
                    .build();
        }
        if (step instanceof EarningRuleStep.Put put) {
            return TransactWriteItem.builder()
                    .put(p -> p.tableName(table).item(EarningRuleItemMapper.toItem(store, put.rule()))
                            .conditionExpression("#version = :expected")
                            .expressionAttributeNames(Map.of("#version", EarningRuleItemMapper.VERSION))
                            .expressionAttributeValues(Map.of(":expected",
                                    AttributeValue.fromN(Long.toString(put.expectedVersion())))))
                    .build();
        }
        if (step instanceof EarningRuleStep.ClaimEventName claim) {
            return TransactWriteItem.builder()
                    .put(p -> p.tableName(table)
                            .item(claimItem(store, claim.eventName(), claim.ruleId()))
                            .conditionExpression("attribute_not_exists(pk) OR #rule = :me")
                            .expressionAttributeNames(Map.of("#rule", EarningRuleItemMapper.RULE_ID))
                            .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(claim.ruleId()))))
                    .build();
        }
        EarningRuleStep.ReleaseEventName release = (EarningRuleStep.ReleaseEventName) step;
        return TransactWriteItem.builder()
                .delete(d -> d.tableName(table).key(EarningRuleKeys.customEvent(store, release.eventName()))
                        // Never another rule's claim.
                        .conditionExpression("attribute_not_exists(pk) OR #rule = :me")
                        .expressionAttributeNames(Map.of("#rule", EarningRuleItemMapper.RULE_ID))
                        .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(release.ruleId()))))
                .build();
    }

    private static Map<String, AttributeValue> claimItem(StoreCode store, String eventName, String ruleId) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(EarningRuleKeys.customEvent(store, eventName));
        item.put("type", AttributeValue.fromS("EARNING_RULE_EVENT_NAME"));
        item.put(EarningRuleItemMapper.RULE_ID, AttributeValue.fromS(ruleId));
        item.put("eventName", AttributeValue.fromS(eventName));
        return item;
    }
}

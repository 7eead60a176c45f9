package org.serverlessloyalty.shared.order.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.dynamodb.CampaignKeys;
import org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeKeys;
import org.serverlessloyalty.shared.order.model.OrderPlan;
import org.serverlessloyalty.shared.order.model.OrderRecord;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.OrderStep;
import org.serverlessloyalty.shared.order.model.Redemption;
import org.serverlessloyalty.shared.order.port.OrderRepository;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Orders in the loyalty table (docs/dynamodb-design.md): one partition per order id holding the trusted order,
 * the beacon's report and a redemption per code. It executes the plans {@code OrderPlans} makes, mapping each
 * {@link OrderStep} to one item and its limit to that item's condition; it decides nothing.
 *
 * <p>A plan of several steps is one TransactWriteItems ({@link Transactions#execute}). A plan of one step (the
 * beacon's report, a cancellation before its payment, an order without codes) is one conditional write with the
 * same condition: as atomic, at half a transaction's write cost.
 */
public final class DynamoDbOrderRepository implements OrderRepository {

    private static final AttributeValue ZERO = AttributeValue.fromN("0");
    private static final AttributeValue ONE = AttributeValue.fromN("1");

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbOrderRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public OrderRecord read(StoreCode store, String orderId) {
        Optional<OrderRecord.Stored> order = Optional.empty();
        Optional<OrderRecord.Stored> beacon = Optional.empty();
        List<Redemption> redemptions = new ArrayList<>();
        var pages = dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(OrderKeys.orderPartition(store, orderId)))));
        for (Map<String, AttributeValue> item : pages.items()) {
            String sk = item.get(TableKeys.SK).s();
            if (sk.equals(OrderKeys.ORDER_SK)) {
                order = Optional.of(OrderItemMapper.stored(item));
            } else if (sk.equals(OrderKeys.BEACON_SK)) {
                beacon = Optional.of(OrderItemMapper.stored(item));
            } else if (sk.startsWith(OrderKeys.REDEMPTION_SK_PREFIX)) {
                redemptions.add(OrderItemMapper.redemption(item));
            }
        }
        return new OrderRecord(order, beacon, redemptions);
    }

    @Override
    public PlanResult<OrderStep> execute(OrderPlan plan) {
        List<Transactions.Write<OrderStep>> writes = plan.steps().stream()
                .map(step -> new Transactions.Write<>(item(plan, step), step)).toList();
        return writes.size() == 1 ? executeAlone(writes.get(0)) : Transactions.execute(dynamoDb, writes);
    }

    /** One step's item and the condition that holds its limit. */
    private TransactWriteItem item(OrderPlan plan, OrderStep step) {
        StoreCode store = plan.store();
        String orderId = plan.orderId();
        if (step instanceof OrderStep.RecordOrder s) {
            return put(OrderItemMapper.orderItem(s.report(), s.contentHash(), plan.at()), "attribute_not_exists(pk)");
        }
        if (step instanceof OrderStep.RecordBeaconReport s) {
            return put(OrderItemMapper.beaconItem(s.report(), s.contentHash(), plan.at()), "attribute_not_exists(pk)");
        }
        if (step instanceof OrderStep.RecordRedemption s) {
            return put(OrderItemMapper.redemptionItem(store, orderId, s.redemption(), plan.at()), null);
        }
        if (step instanceof OrderStep.TakeCodeUse s) {
            // A void racing this order is held by the store too: the use is taken only while the code is not voided.
            return update(u -> u.key(GiftCodeKeys.code(store, s.code()))
                    .updateExpression("SET #used = if_not_exists(#used, :zero) + :one")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#voided) AND "
                            + "(attribute_not_exists(#limit) OR #used < #limit)")
                    .expressionAttributeNames(Map.of("#used", GiftCodeKeys.USED_COUNT,
                            "#limit", GiftCodeKeys.NUMBER_OF_USAGE, "#voided", GiftCodeKeys.VOIDED_AT))
                    .expressionAttributeValues(Map.of(":zero", ZERO, ":one", ONE)));
        }
        if (step instanceof OrderStep.TakeCustomerUse s) {
            return update(u -> u.key(GiftCodeKeys.customerUses(store, s.code(), s.customerGuid()))
                    .updateExpression("SET #uses = if_not_exists(#uses, :zero) + :one, #type = :type")
                    .conditionExpression("attribute_not_exists(#uses) OR #uses < :limit")
                    .expressionAttributeNames(Map.of("#uses", GiftCodeKeys.CUSTOMER_USES, "#type", "type"))
                    .expressionAttributeValues(Map.of(":zero", ZERO, ":one", ONE,
                            ":type", AttributeValue.fromS("CUSTOMER_USES"),
                            ":limit", AttributeValue.fromN(Integer.toString(s.limit())))));
        }
        if (step instanceof OrderStep.MarkRewardUsed s) {
            // The reward a campaign purchase issued this code for (issue 11): used by this order, atomically with
            // the code's use. A reward marked used before keeps its first date and transaction.
            return update(u -> u.key(CampaignKeys.purchase(store, s.memberId(), s.couponId()))
                    .updateExpression("SET #used = :true, #at = if_not_exists(#at, :now), "
                            + "#for = if_not_exists(#for, :order)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#used", CampaignKeys.USED, "#at", CampaignKeys.USED_AT,
                            "#for", CampaignKeys.USED_FOR_TRANSACTION_ID))
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true),
                            ":now", AttributeValue.fromS(plan.at().toString()),
                            ":order", AttributeValue.fromS(orderId))));
        }
        if (step instanceof OrderStep.GiveBackReward s) {
            // The reward this order marked used (issue 11): unused again with its code's use, only if this order
            // is still what it was used for.
            return update(u -> u.key(CampaignKeys.purchase(store, s.memberId(), s.couponId()))
                    .updateExpression("SET #used = :false REMOVE #at, #for")
                    .conditionExpression("#for = :order")
                    .expressionAttributeNames(Map.of("#used", CampaignKeys.USED, "#at", CampaignKeys.USED_AT,
                            "#for", CampaignKeys.USED_FOR_TRANSACTION_ID))
                    .expressionAttributeValues(Map.of(":false", AttributeValue.fromBool(false),
                            ":order", AttributeValue.fromS(orderId))));
        }
        if (step instanceof OrderStep.ReleaseOrder s) {
            return update(u -> u.key(OrderKeys.order(store, orderId))
                    .updateExpression("SET #status = :new, updatedAt = :now")
                    .conditionExpression("#status = :paid")
                    .expressionAttributeNames(Map.of("#status", OrderItemMapper.STATUS))
                    .expressionAttributeValues(Map.of(":new", AttributeValue.fromS(s.status().name()),
                            ":paid", AttributeValue.fromS(OrderStatus.PAID.name()),
                            ":now", AttributeValue.fromS(plan.at().toString()))));
        }
        if (step instanceof OrderStep.GiveBackCodeUse s) {
            return update(u -> u.key(GiftCodeKeys.code(store, s.code()))
                    .updateExpression("SET #used = #used - :one")
                    .conditionExpression("#used > :zero")
                    .expressionAttributeNames(Map.of("#used", GiftCodeKeys.USED_COUNT))
                    .expressionAttributeValues(Map.of(":zero", ZERO, ":one", ONE)));
        }
        if (step instanceof OrderStep.GiveBackCustomerUse s) {
            return update(u -> u.key(GiftCodeKeys.customerUses(store, s.code(), s.customerGuid()))
                    .updateExpression("SET #uses = #uses - :one")
                    .conditionExpression("#uses > :zero")
                    .expressionAttributeNames(Map.of("#uses", GiftCodeKeys.CUSTOMER_USES))
                    .expressionAttributeValues(Map.of(":zero", ZERO, ":one", ONE)));
        }
        throw new IllegalArgumentException("No item for " + step);
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(condition)).build();
    }

    private TransactWriteItem update(java.util.function.Consumer<Update.Builder> update) {
        return TransactWriteItem.builder().update(u -> update.accept(u.tableName(table))).build();
    }

    /**
     * A one-step plan as a single conditional write. Its condition failing is the step refused; an overlapping
     * transaction on the item (TransactionConflictException, which the SDK does not retry) is contention.
     * Throttling and 500s are retried by the SDK, as for any write.
     */
    private PlanResult<OrderStep> executeAlone(Transactions.Write<OrderStep> write) {
        try {
            if (write.item().put() != null) {
                Put p = write.item().put();
                dynamoDb.putItem(b -> {
                    b.tableName(p.tableName()).item(p.item()).conditionExpression(p.conditionExpression());
                    if (p.hasExpressionAttributeNames()) {
                        b.expressionAttributeNames(p.expressionAttributeNames());
                    }
                    if (p.hasExpressionAttributeValues()) {
                        b.expressionAttributeValues(p.expressionAttributeValues());
                    }
                });
            } else {
                Update u = write.item().update();
                dynamoDb.updateItem(b -> {
                    b.tableName(u.tableName()).key(u.key()).updateExpression(u.updateExpression())
                            .conditionExpression(u.conditionExpression());
                    if (u.hasExpressionAttributeNames()) {
                        b.expressionAttributeNames(u.expressionAttributeNames());
                    }
                    if (u.hasExpressionAttributeValues()) {
                        b.expressionAttributeValues(u.expressionAttributeValues());
                    }
                });
            }
            return PlanResult.committed();
        } catch (ConditionalCheckFailedException limitNotHeld) {
            return new PlanResult.Refused<>(List.of(write.step()));
        } catch (TransactionConflictException overlapped) {
            return new PlanResult.Contended<>("TransactionConflict");
        }
    }
}

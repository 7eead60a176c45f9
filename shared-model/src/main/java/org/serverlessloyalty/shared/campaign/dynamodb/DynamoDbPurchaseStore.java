package org.serverlessloyalty.shared.campaign.dynamodb;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.PurchaseStep;
import org.serverlessloyalty.shared.campaign.port.PurchaseStore;
import org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeWrites;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.IdempotentTransactions;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.dynamodb.LedgerWrites;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A reward purchase as ONE TransactWriteItems (docs/dynamodb-design.md "Reward campaigns", section 4 item 1): each
 * step one item, its condition the step's limit. No decision here rests on a read: the pool code is taken only while
 * its FREE item exists, the campaign counts only while its definition is the version decided on and its limit holds,
 * the member's usage only while it is the count decided on, the points only while each lot drawn still holds enough.
 */
public final class DynamoDbPurchaseStore implements PurchaseStore {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final LedgerWrites ledger;

    public DynamoDbPurchaseStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.ledger = new LedgerWrites(table);
    }

    @Override
    public long memberIssued(StoreCode store, CampaignId campaign, String memberId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CampaignKeys.memberUsage(store, campaign, memberId))).item();
        return item == null || !item.containsKey(CampaignKeys.MEMBER_ISSUED) ? 0
                : Long.parseLong(item.get(CampaignKeys.MEMBER_ISSUED).n());
    }

    @Override
    public PlanResult<PurchaseStep> execute(StoreCode store, List<PurchaseStep> steps,
                                            Optional<IdempotencyRecord> record) {
        CampaignId campaign = steps.stream().filter(PurchaseStep.Record.class::isInstance)
                .map(s -> ((PurchaseStep.Record) s).purchase().campaignId()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a purchase records at least one reward"));
        List<Transactions.Write<PurchaseStep>> writes = steps.stream()
                .map(step -> new Transactions.Write<>(write(store, campaign, step), step)).toList();
        return IdempotentTransactions.execute(dynamoDb, table, writes, record, clock.instant());
    }

    private TransactWriteItem write(StoreCode store, CampaignId campaign, PurchaseStep step) {
        if (step instanceof PurchaseStep.TakeFreeCode s) {
            // C19: each code once. The FREE item exists only while the code was never issued.
            return TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(CampaignKeys.freeCode(store, campaign, s.seq()))
                    .conditionExpression("attribute_exists(pk)").build()).build();
        }
        if (step instanceof PurchaseStep.CountCampaign s) {
            Map<String, String> names = new HashMap<>(Map.of("#issued", CampaignKeys.ISSUED,
                    "#version", CampaignKeys.VERSION));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":q", number(s.quantity()),
                    ":v", number(s.version())));
            StringBuilder update = new StringBuilder("ADD #issued :q");
            if (s.freeTaken() > 0) {
                update.append(", #free :taken");
                names.put("#free", CampaignKeys.FREE);
                values.put(":taken", number(-s.freeTaken()));
            }
            if (s.newBuyer()) {
                update.append(", #buyers :one");
                names.put("#buyers", CampaignKeys.BUYERS);
                values.put(":one", number(1));
            }
            // The definition decided on (a replace bumps the version), and C18's limit held by the store.
            String condition = "attribute_exists(pk) AND #version = :v";
            if (s.issuedAtMost() != null) {
                condition += " AND (attribute_not_exists(#issued) OR #issued <= :room)";
                values.put(":room", number(s.issuedAtMost() - s.quantity()));
            }
            return TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(CampaignKeys.campaign(store, campaign)).updateExpression(update.toString())
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .build()).build();
        }
        if (step instanceof PurchaseStep.CountMember s) {
            boolean first = s.seenIssued() == 0;
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":q", number(s.quantity()),
                    ":type", AttributeValue.fromS("CAMPAIGN_MEMBER_USAGE"), ":member", AttributeValue.fromS(s.memberId())));
            if (!first) {
                values.put(":seen", number(s.seenIssued()));
            }
            return TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(CampaignKeys.memberUsage(store, campaign, s.memberId()))
                    .updateExpression("SET #type = :type, #member = :member ADD #issued :q")
                    .conditionExpression(first ? "attribute_not_exists(#issued)" : "#issued = :seen")
                    .expressionAttributeNames(Map.of("#type", "type", "#member", "memberId",
                            "#issued", CampaignKeys.MEMBER_ISSUED))
                    .expressionAttributeValues(values).build()).build();
        }
        if (step instanceof PurchaseStep.Spend s) {
            return ledger.write(store, s.step());
        }
        if (step instanceof PurchaseStep.Record s) {
            return TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(PurchaseItemMapper.toItem(store, s.purchase()))
                    .conditionExpression("attribute_not_exists(pk)").build()).build();
        }
        PurchaseStep.IssueCode s = (PurchaseStep.IssueCode) step;
        return s.shared() ? GiftCodeWrites.share(table, s.code())
                : GiftCodeWrites.issue(table, s.code(), s.memberId(), s.couponId());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

package org.serverlessloyalty.shared.referral.dynamodb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.dynamodb.Attributes;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.referral.model.Invitation;
import org.serverlessloyalty.shared.referral.model.InvitationStatus;
import org.serverlessloyalty.shared.referral.port.InvitationRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Invitations in the table ({@link ReferralKeys}). */
public final class DynamoDbInvitations implements InvitationRepository {

    private static final String TYPE = "INVITATION";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbInvitations(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(Invitation invitation) {
        Map<String, AttributeValue> item = new HashMap<>(ReferralKeys.invitation(invitation.store(), invitation.token()));
        item.put("type", AttributeValue.fromS(TYPE));
        Attributes.putString(item, "invitationId", invitation.invitationId());
        Attributes.putString(item, "token", invitation.token());
        Attributes.putString(item, "referrerId", invitation.referrerId());
        Attributes.putString(item, "referrerEmail", invitation.referrerEmail());
        Attributes.putString(item, "referrerName", invitation.referrerName());
        Attributes.putString(item, "recipientEmail", invitation.recipientEmail());
        Attributes.putString(item, "recipientPhone", invitation.recipientPhone());
        Attributes.putString(item, "recipientId", invitation.recipientId());
        Attributes.putString(item, "status", invitation.status().openLoyaltyName());
        Attributes.putString(item, "createdAt", invitation.createdAt().toString());
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("An invitation token was drawn twice", e);
        }
    }

    @Override
    public Optional<Invitation> byToken(StoreCode store, String token) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(ReferralKeys.invitation(store, token))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(store, item));
    }

    @Override
    public List<Invitation> list(StoreCode store) {
        List<Invitation> all = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ReferralKeys.invitations(store))))
                .build();
        dynamoDb.queryPaginator(query).items().forEach(item -> all.add(fromItem(store, item)));
        all.sort(Comparator.comparing(Invitation::createdAt).thenComparing(Invitation::invitationId));
        return all;
    }

    @Override
    public Optional<Invitation> attach(StoreCode store, String token, String memberId) {
        Optional<Invitation> found = byToken(store, token);
        if (found.isEmpty() || found.get().recipientId() != null) {
            return Optional.empty();
        }
        Invitation invitation = found.get();
        Map<String, AttributeValue> link = new HashMap<>(ReferralKeys.referred(store, memberId));
        link.put("type", AttributeValue.fromS("REFERRED"));
        link.put("token", AttributeValue.fromS(token));
        link.put("referrerId", AttributeValue.fromS(invitation.referrerId()));
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(ReferralKeys.invitation(store, token))
                            // Held by the store: of two registrations with one token, one ties it.
                            .conditionExpression("attribute_exists(pk) AND attribute_not_exists(recipientId)")
                            .updateExpression("SET recipientId = :member, #status = :registered")
                            .expressionAttributeNames(Map.of("#status", "status"))
                            .expressionAttributeValues(Map.of(":member", AttributeValue.fromS(memberId),
                                    ":registered", AttributeValue.fromS(InvitationStatus.REGISTERED.openLoyaltyName())))
                            .build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(link)
                            .conditionExpression("attribute_not_exists(pk)").build()).build()));
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(invitation.withRecipient(memberId));
    }

    @Override
    public Optional<Invitation> referralOf(StoreCode store, String memberId) {
        var link = dynamoDb.getItem(b -> b.tableName(table).key(ReferralKeys.referred(store, memberId))
                .consistentRead(true)).item();
        if (link == null || link.isEmpty()) {
            return Optional.empty();
        }
        return byToken(store, Attributes.string(link, "token"));
    }

    @Override
    public void markPurchased(StoreCode store, String token) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(ReferralKeys.invitation(store, token))
                    .conditionExpression("attribute_exists(recipientId)")
                    .updateExpression("SET #status = :purchased")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":purchased",
                            AttributeValue.fromS(InvitationStatus.MADE_PURCHASE.openLoyaltyName()))));
        } catch (ConditionalCheckFailedException e) {
            // Not tied to a member: nothing bought through it.
        }
    }

    private static Invitation fromItem(StoreCode store, Map<String, AttributeValue> item) {
        return new Invitation(store, Attributes.string(item, "invitationId"), Attributes.string(item, "token"),
                Attributes.string(item, "referrerId"), Attributes.string(item, "referrerEmail"),
                Attributes.string(item, "referrerName"), Attributes.string(item, "recipientEmail"),
                Attributes.string(item, "recipientPhone"), Attributes.string(item, "recipientId"),
                InvitationStatus.parse(Attributes.string(item, "status")).orElse(InvitationStatus.INVITED),
                Attributes.instant(item, "createdAt"));
    }
}

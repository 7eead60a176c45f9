package org.serverlessloyalty.shared.campaign.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.instant;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.longValue;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignPhoto;
import org.serverlessloyalty.shared.campaign.model.ImageType;
import org.serverlessloyalty.shared.campaign.port.CampaignPhotos;
import org.serverlessloyalty.shared.platform.dynamodb.PartitionQuery;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;


/**
 * Photo and brand icon records (A27) in the campaign's partition: {@code PHOTO#{photoId}} and {@code PHOTO#BRAND_ICON}
 * (docs/dynamodb-design.md "Reward campaigns"). Each write that adds a record holds the campaign's existence with a
 * ConditionCheck in the same transaction, so no record outlives a campaign that was never created.
 */
public final class DynamoDbCampaignPhotos implements CampaignPhotos {

    /** Which write of the transaction failed its condition. */
    private enum Step { CAMPAIGN_EXISTS, RECORD }

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCampaignPhotos(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public RecordWrite add(StoreCode store, CampaignId campaign, CampaignPhoto photo) {
        Map<String, AttributeValue> item = item(CampaignKeys.photo(store, campaign, photo.photoId()), photo);
        PlanResult<Step> result = Transactions.execute(dynamoDb, List.of(
                campaignExists(store, campaign),
                new Transactions.Write<>(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(pk)").build()).build(), Step.RECORD)));
        if (result instanceof PlanResult.Refused<Step> r) {
            if (r.failed().contains(Step.CAMPAIGN_EXISTS)) {
                return RecordWrite.NO_CAMPAIGN;
            }
            throw new IllegalStateException("photo id " + photo.photoId() + " used twice");
        }
        // Contended: a new photo id touches no item anyone else writes but the campaign's, so a definition write at
        // the same instant; the service tries again.
        return result instanceof PlanResult.Committed ? RecordWrite.DONE : RecordWrite.CHANGED;
    }

    @Override
    public Media media(StoreCode store, CampaignId campaign) {
        List<CampaignPhoto> photos = new ArrayList<>();
        CampaignPhoto icon = null;
        for (Map<String, AttributeValue> item : PartitionQuery.items(dynamoDb, table,
                CampaignKeys.campaignPartition(store, campaign), CampaignKeys.PHOTO_SK_PREFIX)) {
            if (CampaignKeys.BRAND_ICON_SK.equals(string(item, TableKeys.SK))) {
                icon = photo(item);
            } else {
                photos.add(photo(item));
            }
        }
        photos.sort(Comparator.comparing(CampaignPhoto::uploadedAt).thenComparing(CampaignPhoto::photoId));
        return new Media(photos, Optional.ofNullable(icon));
    }

    @Override
    public Optional<CampaignPhoto> photo(StoreCode store, CampaignId campaign, String photoId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(CampaignKeys.photo(store, campaign, photoId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(photo(item));
    }

    @Override
    public Optional<CampaignPhoto> removePhoto(StoreCode store, CampaignId campaign, String photoId) {
        return delete(CampaignKeys.photo(store, campaign, photoId));
    }

    @Override
    public RecordWrite setBrandIcon(StoreCode store, CampaignId campaign, Optional<CampaignPhoto> replacing,
                                   CampaignPhoto icon) {
        Map<String, AttributeValue> item = item(CampaignKeys.brandIcon(store, campaign), icon);
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (replacing.isPresent()) {
            put.conditionExpression("objectKey = :seen")
                    .expressionAttributeValues(Map.of(":seen", AttributeValue.fromS(replacing.get().objectKey())));
        } else {
            put.conditionExpression("attribute_not_exists(pk)");
        }
        PlanResult<Step> result = Transactions.execute(dynamoDb, List.of(campaignExists(store, campaign),
                new Transactions.Write<>(TransactWriteItem.builder().put(put.build()).build(), Step.RECORD)));
        if (result instanceof PlanResult.Refused<Step> r) {
            return r.failed().contains(Step.CAMPAIGN_EXISTS) ? RecordWrite.NO_CAMPAIGN : RecordWrite.CHANGED;
        }
        return result instanceof PlanResult.Committed ? RecordWrite.DONE : RecordWrite.CHANGED;
    }

    @Override
    public Optional<CampaignPhoto> removeBrandIcon(StoreCode store, CampaignId campaign) {
        return delete(CampaignKeys.brandIcon(store, campaign));
    }

    /** Deletes a record that exists and answers it: of two concurrent removals one gets it, the other nothing. */
    private Optional<CampaignPhoto> delete(Map<String, AttributeValue> key) {
        try {
            var old = dynamoDb.deleteItem(b -> b.tableName(table).key(key).conditionExpression("attribute_exists(pk)")
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            return old == null || old.isEmpty() ? Optional.empty() : Optional.of(photo(old));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private Transactions.Write<Step> campaignExists(StoreCode store, CampaignId campaign) {
        return new Transactions.Write<>(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(table).key(CampaignKeys.campaign(store, campaign))
                .conditionExpression("attribute_exists(pk)").build()).build(), Step.CAMPAIGN_EXISTS);
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> key, CampaignPhoto photo) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("type", AttributeValue.fromS("CAMPAIGN_PHOTO"));
        item.put("photoId", AttributeValue.fromS(photo.photoId()));
        item.put("originalName", AttributeValue.fromS(photo.originalName()));
        item.put("mimeType", AttributeValue.fromS(photo.mimeType().mimeType()));
        item.put("size", AttributeValue.fromN(Long.toString(photo.size())));
        item.put("objectKey", AttributeValue.fromS(photo.objectKey()));
        item.put("uploadedAt", AttributeValue.fromS(photo.uploadedAt().toString()));
        return item;
    }

    private static CampaignPhoto photo(Map<String, AttributeValue> item) {
        return new CampaignPhoto(string(item, "photoId"), string(item, "originalName"),
                ImageType.fromMimeType(string(item, "mimeType")).orElseThrow(), longValue(item, "size"),
                string(item, "objectKey"), instant(item, "uploadedAt"));
    }
}

package org.serverlessloyalty.shared.campaign.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignPhoto;
import org.serverlessloyalty.shared.campaign.model.ImageType;
import org.serverlessloyalty.shared.campaign.port.CampaignPhotos.RecordWrite;
import org.serverlessloyalty.shared.campaign.testing.CampaignFixtures;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;

/** Photo and brand icon records on the in-process engine (issue 11, h11-media): each write's condition holds. */
class DynamoDbCampaignPhotosIT {

    private static final StoreCode STORE = new StoreCode("media1");
    private final LocalTable table = LocalTable.create();
    private final DynamoDbCampaignPhotos photos = new DynamoDbCampaignPhotos(table.client(), table.name());

    private Campaign campaign() {
        Campaign c = CampaignFixtures.discountCode(STORE, CampaignId.newId());
        table.client().putItem(b -> b.tableName(table.name()).item(CampaignItemMapper.definition(c)));
        return c;
    }

    private static CampaignPhoto photo(String name, Instant at) {
        String id = UUID.randomUUID().toString();
        return new CampaignPhoto(id, name, ImageType.PNG, 12, "campaign_photos/media1/x/" + id, at);
    }

    @Test
    void aPhotoOfACampaignThatDoesNotExistIsNotWritten() {
        CampaignId missing = CampaignId.newId();
        assertThat(photos.add(STORE, missing, photo("a.png", Instant.now()))).isEqualTo(RecordWrite.NO_CAMPAIGN);
        assertThat(photos.media(STORE, missing).photos()).isEmpty();
    }

    @Test
    void photosAreListedOldestFirstBesideTheBrandIconWhichIsNotAPhoto() {
        Campaign c = campaign();
        Instant t = Instant.parse("2026-11-30T00:00:00Z");
        CampaignPhoto second = photo("second.png", t.plusSeconds(5));
        CampaignPhoto first = photo("first.png", t);
        assertThat(photos.add(STORE, c.id(), second)).isEqualTo(RecordWrite.DONE);
        assertThat(photos.add(STORE, c.id(), first)).isEqualTo(RecordWrite.DONE);
        CampaignPhoto icon = photo("icon.png", t);
        assertThat(photos.setBrandIcon(STORE, c.id(), Optional.empty(), icon)).isEqualTo(RecordWrite.DONE);

        var media = photos.media(STORE, c.id());
        assertThat(media.photos()).containsExactly(first, second);
        assertThat(media.brandIcon()).contains(icon);
        // The campaign's own item (the definition) is in the same partition and is never read as a photo.
        assertThat(photos.photo(STORE, c.id(), first.photoId())).contains(first);
    }

    @Test
    void aBrandIconReplaceHoldsOnlyWhileTheIconIsTheOneRead() {
        Campaign c = campaign();
        CampaignPhoto one = photo("one.png", Instant.now());
        CampaignPhoto two = photo("two.png", Instant.now());
        CampaignPhoto three = photo("three.png", Instant.now());
        assertThat(photos.setBrandIcon(STORE, c.id(), Optional.empty(), one)).isEqualTo(RecordWrite.DONE);
        // A second writer that read "no icon" lost the race: nothing written.
        assertThat(photos.setBrandIcon(STORE, c.id(), Optional.empty(), two)).isEqualTo(RecordWrite.CHANGED);
        assertThat(photos.setBrandIcon(STORE, c.id(), Optional.of(one), three)).isEqualTo(RecordWrite.DONE);
        // A writer that read "one" after it was replaced: nothing written.
        assertThat(photos.setBrandIcon(STORE, c.id(), Optional.of(one), two)).isEqualTo(RecordWrite.CHANGED);
        assertThat(photos.media(STORE, c.id()).brandIcon()).contains(three);
    }

    @Test
    void aRecordIsRemovedOnceAndTheRemovalAnswersWhatItRemoved() {
        Campaign c = campaign();
        CampaignPhoto p = photo("a.png", Instant.now());
        photos.add(STORE, c.id(), p);
        assertThat(photos.removePhoto(STORE, c.id(), p.photoId())).contains(p);
        assertThat(photos.removePhoto(STORE, c.id(), p.photoId())).isEmpty();
        assertThat(photos.removeBrandIcon(STORE, c.id())).isEmpty();
    }
}

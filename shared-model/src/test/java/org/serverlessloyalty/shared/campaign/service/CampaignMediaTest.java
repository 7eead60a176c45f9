package org.serverlessloyalty.shared.campaign.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignPhoto;
import org.serverlessloyalty.shared.campaign.port.CampaignImages;
import org.serverlessloyalty.shared.campaign.port.CampaignPhotos;
import org.serverlessloyalty.shared.store.model.StoreCode;

class CampaignMediaTest {

    static final StoreCode STORE = new StoreCode("shop");
    static final CampaignId CAMPAIGN = CampaignId.newId();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};

    final Map<String, byte[]> bucket = new HashMap<>();
    final FakePhotos records = new FakePhotos(Set.of(CAMPAIGN));
    final CampaignMedia media = new CampaignMedia(records, new FakeImages(bucket),
            Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void photoOfAMissingCampaignLeavesNoObjectBehind() {
        var upload = media.addPhoto(STORE, CampaignId.newId(), "a.png", PNG);
        assertThat(upload).isInstanceOf(CampaignMedia.Upload.NoCampaign.class);
        assertThat(bucket).isEmpty();
    }

    @Test
    void refusedImageStoresNothing() {
        var upload = media.addPhoto(STORE, CAMPAIGN, "a.png", "not an image".getBytes());
        assertThat(upload).isInstanceOf(CampaignMedia.Upload.Invalid.class);
        assertThat(bucket).isEmpty();
        assertThat(records.media(STORE, CAMPAIGN).photos()).isEmpty();
    }

    @Test
    void theTypeServedIsTheOneTheBytesAreNotTheFileName() {
        var stored = (CampaignMedia.Upload.Stored) media.addPhoto(STORE, CAMPAIGN, "C:\\fakepath\\photo.jpg", PNG);
        assertThat(stored.photo().originalName()).isEqualTo("photo.jpg");
        assertThat(media.photo(STORE, CAMPAIGN, stored.photo().photoId()).orElseThrow().type().mimeType())
                .isEqualTo("image/png");
    }

    @Test
    void replacingTheBrandIconDeletesTheReplacedObjectAndRetriesWhenAnotherUploadWonMeanwhile() {
        media.setBrandIcon(STORE, CAMPAIGN, "one.png", PNG);
        records.changeOnceBeforeNextIconWrite = true;
        media.setBrandIcon(STORE, CAMPAIGN, "two.png", PNG);
        assertThat(bucket).hasSize(1);
        assertThat(records.media(STORE, CAMPAIGN).brandIcon().orElseThrow().originalName()).isEqualTo("two.png");
    }

    @Test
    void removingAPhotoRemovesItsObject() {
        var stored = (CampaignMedia.Upload.Stored) media.addPhoto(STORE, CAMPAIGN, "a.png", PNG);
        assertThat(media.removePhoto(STORE, CAMPAIGN, stored.photo().photoId())).isTrue();
        assertThat(bucket).isEmpty();
        assertThat(media.removePhoto(STORE, CAMPAIGN, stored.photo().photoId())).isFalse();
    }

    static final class FakeImages implements CampaignImages {
        final Map<String, byte[]> objects;

        FakeImages(Map<String, byte[]> objects) {
            this.objects = objects;
        }

        @Override
        public void put(String objectKey, byte[] bytes, String contentType) {
            objects.put(objectKey, bytes);
        }

        @Override
        public Optional<byte[]> get(String objectKey) {
            return Optional.ofNullable(objects.get(objectKey));
        }

        @Override
        public void delete(String objectKey) {
            objects.remove(objectKey);
        }
    }

    /** Holds each write's condition as the adapter's transaction does. */
    static final class FakePhotos implements CampaignPhotos {
        final Set<CampaignId> campaigns;
        final Map<String, CampaignPhoto> photos = new LinkedHashMap<>();
        CampaignPhoto icon;
        boolean changeOnceBeforeNextIconWrite;

        FakePhotos(Set<CampaignId> campaigns) {
            this.campaigns = campaigns;
        }

        @Override
        public RecordWrite add(StoreCode store, CampaignId campaign, CampaignPhoto photo) {
            if (!campaigns.contains(campaign)) {
                return RecordWrite.NO_CAMPAIGN;
            }
            photos.put(photo.photoId(), photo);
            return RecordWrite.DONE;
        }

        @Override
        public Media media(StoreCode store, CampaignId campaign) {
            return new Media(new ArrayList<>(photos.values()), Optional.ofNullable(icon));
        }

        @Override
        public Optional<CampaignPhoto> photo(StoreCode store, CampaignId campaign, String photoId) {
            return Optional.ofNullable(photos.get(photoId));
        }

        @Override
        public Optional<CampaignPhoto> removePhoto(StoreCode store, CampaignId campaign, String photoId) {
            return Optional.ofNullable(photos.remove(photoId));
        }

        @Override
        public RecordWrite setBrandIcon(StoreCode store, CampaignId campaign, Optional<CampaignPhoto> replacing,
                                        CampaignPhoto next) {
            if (!campaigns.contains(campaign)) {
                return RecordWrite.NO_CAMPAIGN;
            }
            if (changeOnceBeforeNextIconWrite) {
                // Another upload committed between this one's read and its write; its object is this one's to delete.
                changeOnceBeforeNextIconWrite = false;
                return RecordWrite.CHANGED;
            }
            if (!replacing.equals(Optional.ofNullable(icon))) {
                return RecordWrite.CHANGED;
            }
            icon = next;
            return RecordWrite.DONE;
        }

        @Override
        public Optional<CampaignPhoto> removeBrandIcon(StoreCode store, CampaignId campaign) {
            Optional<CampaignPhoto> old = Optional.ofNullable(icon);
            icon = null;
            return old;
        }
    }

    static List<String> keys(Map<String, byte[]> bucket) {
        return List.copyOf(bucket.keySet());
    }
}

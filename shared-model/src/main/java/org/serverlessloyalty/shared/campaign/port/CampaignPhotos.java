package org.serverlessloyalty.shared.campaign.port;

import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignPhoto;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The records of a campaign's photos and brand icon, in the campaign's partition (docs/dynamodb-design.md "Reward
 * campaigns", photo records). A record is what makes an image visible: an object without one is never served.
 */
public interface CampaignPhotos {

    /** Adds a photo record while the campaign exists: DONE, NO_CAMPAIGN (nothing written), or CHANGED (contended). */
    RecordWrite add(StoreCode store, CampaignId campaign, CampaignPhoto photo);

    /** The campaign's photos, oldest first, and its brand icon: one Query of the campaign's photo records. */
    Media media(StoreCode store, CampaignId campaign);

    Optional<CampaignPhoto> photo(StoreCode store, CampaignId campaign, String photoId);

    /** Removes a photo's record and answers it (its object is then deleted); empty when there was none. */
    Optional<CampaignPhoto> removePhoto(StoreCode store, CampaignId campaign, String photoId);

    /**
     * Makes {@code icon} the campaign's brand icon while the campaign exists and its icon is still {@code replacing}
     * (none: empty): the caller deletes the replaced icon's object once this answered {@link RecordWrite#DONE}.
     */
    RecordWrite setBrandIcon(StoreCode store, CampaignId campaign, Optional<CampaignPhoto> replacing,
                            CampaignPhoto icon);

    /** Removes the brand icon's record and answers it; empty when there was none. */
    Optional<CampaignPhoto> removeBrandIcon(StoreCode store, CampaignId campaign);

    /** What a campaign shows of its media: {@code photos[]}, {@code hasPhoto}, {@code brandIcon} (1.A.2). */
    record Media(List<CampaignPhoto> photos, Optional<CampaignPhoto> brandIcon) {

        public static final Media NONE = new Media(List.of(), Optional.empty());

        public Media {
            photos = List.copyOf(photos);
        }

        public boolean hasPhoto() {
            return !photos.isEmpty();
        }

        public boolean hasBrandIcon() {
            return brandIcon.isPresent();
        }
    }

    /** The answer of {@link #add} and {@link #setBrandIcon}. */
    enum RecordWrite {
        DONE,
        /** The campaign does not exist: nothing written. */
        NO_CAMPAIGN,
        /**
         * Nothing written: another upload or a delete changed the icon since it was read, or a concurrent write of the
         * campaign overlapped: read again and retry.
         */
        CHANGED
    }
}

package org.serverlessloyalty.shared.campaign.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignPhoto;
import org.serverlessloyalty.shared.campaign.model.ImageType;
import org.serverlessloyalty.shared.campaign.port.CampaignImages;
import org.serverlessloyalty.shared.campaign.port.CampaignPhotos;
import org.serverlessloyalty.shared.campaign.port.CampaignPhotos.RecordWrite;
import org.serverlessloyalty.shared.campaign.port.CampaignPhotos.Media;
import org.serverlessloyalty.shared.campaign.rules.ImageChecks;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A campaign's photos and brand icon (A27). The image goes to the bucket first, under a key no one else uses, then
 * its record is written on condition that the campaign exists: a record always points at a complete object, and an
 * object whose record was never written (the campaign did not exist, or the process died in between) is never
 * served. Removing deletes the record first, then the object, for the same reason.
 */
public final class CampaignMedia {

    /** Where photos live in the bucket: one prefix per store and campaign, so a store's images can be listed. */
    static final String PHOTOS = "campaign_photos/";
    static final String BRAND_ICONS = "campaign_brand_icons/";

    private final CampaignPhotos records;
    private final CampaignImages images;
    private final Clock clock;

    public CampaignMedia(CampaignPhotos records, CampaignImages images, Clock clock) {
        this.records = records;
        this.images = images;
        this.clock = clock;
    }

    /** What an upload came to. */
    public sealed interface Upload {
        record Stored(CampaignPhoto photo) implements Upload {
        }

        /** Not an accepted image, or too big: nothing stored. */
        record Invalid(String message) implements Upload {
        }

        record NoCampaign() implements Upload {
        }
    }

    public Upload addPhoto(StoreCode store, CampaignId campaign, String filename, byte[] bytes) {
        Optional<String> problem = ImageChecks.problem(bytes);
        if (problem.isPresent()) {
            return new Upload.Invalid(problem.get());
        }
        CampaignPhoto photo = newPhoto(PHOTOS, store, campaign, filename, bytes);
        images.put(photo.objectKey(), bytes, photo.mimeType().mimeType());
        RecordWrite written = Contention.retry("add photo", () -> {
            RecordWrite w = records.add(store, campaign, photo);
            return w == RecordWrite.CHANGED ? Optional.empty() : Optional.of(w);
        });
        if (written == RecordWrite.NO_CAMPAIGN) {
            images.delete(photo.objectKey());
            return new Upload.NoCampaign();
        }
        return new Upload.Stored(photo);
    }

    public Upload setBrandIcon(StoreCode store, CampaignId campaign, String filename, byte[] bytes) {
        Optional<String> problem = ImageChecks.problem(bytes);
        if (problem.isPresent()) {
            return new Upload.Invalid(problem.get());
        }
        CampaignPhoto icon = newPhoto(BRAND_ICONS, store, campaign, filename, bytes);
        images.put(icon.objectKey(), bytes, icon.mimeType().mimeType());
        // Two uploads at once: each replaces the icon it read, so the loser reads the winner's and replaces it, and
        // every replaced object is deleted by the upload that replaced it.
        Upload answer = Contention.retry("set brand icon", () -> {
            Optional<CampaignPhoto> current = records.media(store, campaign).brandIcon();
            RecordWrite change = records.setBrandIcon(store, campaign, current, icon);
            return switch (change) {
                case DONE -> {
                    current.ifPresent(old -> images.delete(old.objectKey()));
                    yield Optional.<Upload>of(new Upload.Stored(icon));
                }
                case NO_CAMPAIGN -> Optional.<Upload>of(new Upload.NoCampaign());
                case CHANGED -> Optional.<Upload>empty();
            };
        });
        if (answer instanceof Upload.NoCampaign) {
            images.delete(icon.objectKey());
        }
        return answer;
    }

    /** The campaign's photos and brand icon, for the Campaign object ({@code photos[]}, {@code hasPhoto}, {@code brandIcon}). */
    public Media media(StoreCode store, CampaignId campaign) {
        return records.media(store, campaign);
    }

    /** A photo's bytes and type; empty when the campaign has no such photo. */
    public Optional<Image> photo(StoreCode store, CampaignId campaign, String photoId) {
        return records.photo(store, campaign, photoId).flatMap(this::image);
    }

    public Optional<Image> brandIcon(StoreCode store, CampaignId campaign) {
        return records.media(store, campaign).brandIcon().flatMap(this::image);
    }

    /** Removes a photo; false when the campaign had no such photo. */
    public boolean removePhoto(StoreCode store, CampaignId campaign, String photoId) {
        Optional<CampaignPhoto> removed = records.removePhoto(store, campaign, photoId);
        removed.ifPresent(p -> images.delete(p.objectKey()));
        return removed.isPresent();
    }

    public boolean removeBrandIcon(StoreCode store, CampaignId campaign) {
        Optional<CampaignPhoto> removed = records.removeBrandIcon(store, campaign);
        removed.ifPresent(p -> images.delete(p.objectKey()));
        return removed.isPresent();
    }

    /** An image to serve: its bytes and the type they were checked to be. */
    public record Image(byte[] bytes, ImageType type) {
    }

    private Optional<Image> image(CampaignPhoto photo) {
        return images.get(photo.objectKey()).map(bytes -> new Image(bytes, photo.mimeType()));
    }

    private CampaignPhoto newPhoto(String prefix, StoreCode store, CampaignId campaign, String filename, byte[] bytes) {
        String photoId = UUID.randomUUID().toString();
        ImageType type = ImageChecks.detect(bytes).orElseThrow();
        String objectKey = prefix + store.value() + "/" + campaign.value() + "/" + photoId;
        return new CampaignPhoto(photoId, originalName(filename), type, bytes.length, objectKey, clock.instant());
    }

    /** The file name as sent, without any client path ({@code C:\fakepath\Photo.png}), at most 200 characters. */
    static String originalName(String filename) {
        if (filename == null || filename.isBlank()) {
            return "";
        }
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}

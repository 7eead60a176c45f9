package org.serverlessloyalty.shared.campaign.model;

import java.time.Instant;

/**
 * A campaign's photo or brand icon (A27): the record kept in the table beside the campaign; the image itself is an
 * object in the media bucket under {@code objectKey}, read only through the API (the bucket is private).
 *
 * @param photoId      a lower-case UUID (the brand icon's record has one too: each upload is a new object, so a
 *                     replaced icon is never served half written)
 * @param originalName the file name the upload was sent with (shown as {@code orginalName}, Open Loyalty's spelling)
 * @param mimeType     the type its bytes are (checked by magic bytes, never taken from the client)
 * @param size         bytes
 * @param objectKey    where the image is in the bucket
 */
public record CampaignPhoto(String photoId, String originalName, ImageType mimeType, long size, String objectKey,
                            Instant uploadedAt) {
}

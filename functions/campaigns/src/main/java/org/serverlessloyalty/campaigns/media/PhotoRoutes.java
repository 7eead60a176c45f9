package org.serverlessloyalty.campaigns.media;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignPhoto;
import org.serverlessloyalty.shared.campaign.port.CampaignPhotos;
import org.serverlessloyalty.shared.campaign.service.CampaignMedia;
import org.serverlessloyalty.shared.campaign.service.CampaignMedia.Upload;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.MultipartBody;
import org.serverlessloyalty.shared.platform.text.PlainText;

/**
 * A campaign's photos and brand icon (A27): uploaded by the store's admin as {@code multipart/form-data}
 * ({@code photo[file]}, {@code brand_icon[file]}), served to anyone (GET is anonymous, as in Open Loyalty) as the raw
 * image with its type. The bucket stays private: the API is the only way in.
 */
public final class PhotoRoutes {

    static final String PHOTO_FIELD = "photo[file]";
    static final String BRAND_ICON_FIELD = "brand_icon[file]";
    /**
     * The largest body an upload route reads: a 2 MB image plus its multipart framing. Beyond, 413; a file part over
     * 2 MB inside it is a 400 naming the field.
     */
    static final int MAX_UPLOAD_BODY_BYTES = 4 * 1024 * 1024;

    private final CampaignMedia media;

    public PhotoRoutes(CampaignMedia media) {
        this.media = media;
    }

    /** {@code POST /campaign/{campaign}/photo}: 200 with the photo's record (its {@code photoId} names it). */
    public ApiResponse addPhoto(ApiRequest request, Caller caller) {
        CampaignId campaign = campaignId(request);
        MultipartBody.Part file = file(request, PHOTO_FIELD);
        Upload upload = media.addPhoto(caller.store().code(), campaign, file.filename(), file.content());
        return ApiResponse.ok(render(stored(upload, PHOTO_FIELD, campaign)));
    }

    /** {@code GET /campaign/{campaign}/photo/{photoId}}: the raw image. */
    public ApiResponse getPhoto(ApiRequest request, Caller caller) {
        CampaignId campaign = campaignId(request);
        String photoId = photoId(request);
        return media.photo(caller.store().code(), campaign, photoId)
                .map(image -> ApiResponse.binary(image.bytes(), image.type().mimeType()))
                .orElseThrow(() -> photoNotFound(photoId));
    }

    /** {@code DELETE /campaign/{campaign}/photo/{photoId}}: 204. */
    public ApiResponse removePhoto(ApiRequest request, Caller caller) {
        CampaignId campaign = campaignId(request);
        String photoId = photoId(request);
        if (!media.removePhoto(caller.store().code(), campaign, photoId)) {
            throw photoNotFound(photoId);
        }
        return ApiResponse.noContent();
    }

    /** {@code POST /campaign/{campaign}/brand_icon}: 204; replaces the icon the campaign had. */
    public ApiResponse setBrandIcon(ApiRequest request, Caller caller) {
        CampaignId campaign = campaignId(request);
        MultipartBody.Part file = file(request, BRAND_ICON_FIELD);
        stored(media.setBrandIcon(caller.store().code(), campaign, file.filename(), file.content()), BRAND_ICON_FIELD,
                campaign);
        return ApiResponse.noContent();
    }

    /** {@code GET /campaign/{campaign}/brand_icon}: the raw image. */
    public ApiResponse getBrandIcon(ApiRequest request, Caller caller) {
        CampaignId campaign = campaignId(request);
        return media.brandIcon(caller.store().code(), campaign)
                .map(image -> ApiResponse.binary(image.bytes(), image.type().mimeType()))
                .orElseThrow(() -> ApiException.notFound("Brand icon of campaign " + campaign.value()));
    }

    /** {@code DELETE /campaign/{campaign}/brand_icon}: 204. */
    public ApiResponse removeBrandIcon(ApiRequest request, Caller caller) {
        CampaignId campaign = campaignId(request);
        if (!media.removeBrandIcon(caller.store().code(), campaign)) {
            throw ApiException.notFound("Brand icon of campaign " + campaign.value());
        }
        return ApiResponse.noContent();
    }

    /** A photo as the Campaign object lists it ({@code photos[]}, 1.A.2; {@code orginalName} is Open Loyalty's). */
    public static Map<String, Object> render(CampaignPhoto photo) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("photoId", photo.photoId());
        out.put("path", photo.objectKey());
        out.put("orginalName", photo.originalName());
        out.put("mimeType", photo.mimeType().mimeType());
        out.put("size", photo.size());
        return out;
    }

    /** The stored image, or the upload's refusal: 400 naming the file's field, 404 for a campaign that is not. */
    private static CampaignPhoto stored(Upload upload, String field, CampaignId campaign) {
        if (upload instanceof Upload.Stored stored) {
            return stored.photo();
        }
        if (upload instanceof Upload.Invalid invalid) {
            throw ApiException.badRequest(FieldErrors.single(field, invalid.message()));
        }
        throw campaignNotFound(campaign);
    }

    /**
     * What a Campaign object shows of its media (1.A.2, A5's {@code photos[]}): its photos, {@code hasPhoto}, and
     * {@code brandIcon} (true while it has one), for the catalogue's renderer.
     */
    public static Map<String, Object> mediaFields(CampaignPhotos.Media media) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("photos", media.photos().stream().map(PhotoRoutes::render).toList());
        out.put("hasPhoto", media.hasPhoto());
        out.put("brandIcon", media.hasBrandIcon());
        return out;
    }

    private static MultipartBody.Part file(ApiRequest request, String field) {
        byte[] body = request.body(MAX_UPLOAD_BODY_BYTES);
        Optional<String> contentType = request.header("content-type");
        MultipartBody multipart = MultipartBody.parse(contentType, body, field);
        return multipart.part(field).orElseThrow(() -> ApiException.badRequest(FieldErrors.single(field,
                "is required: the image as a file part named " + field)));
    }

    private static CampaignId campaignId(ApiRequest request) {
        String raw = request.pathParameter("campaign");
        return CampaignId.parse(raw).orElseThrow(() -> ApiException.notFound("Campaign " + PlainText.excerpt(raw)));
    }

    /** Photo ids are lower-case UUIDs; anything else names no photo. */
    private static String photoId(ApiRequest request) {
        String raw = request.pathParameter("photoId");
        return CampaignId.parse(raw).map(CampaignId::value)
                .orElseThrow(() -> ApiException.notFound("Photo " + PlainText.excerpt(raw)));
    }

    private static ApiException campaignNotFound(CampaignId campaign) {
        return ApiException.notFound("Campaign " + campaign.value());
    }

    private static ApiException photoNotFound(String photoId) {
        return ApiException.notFound("Photo " + photoId);
    }
}

package org.serverlessloyalty.shared.campaign.model;

import java.util.Arrays;
import java.util.Optional;

/** The image types a campaign photo or brand icon may be (A27: images only). */
public enum ImageType {
    PNG("image/png"), JPEG("image/jpeg"), GIF("image/gif"), WEBP("image/webp");

    private final String mimeType;

    ImageType(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }

    public static Optional<ImageType> fromMimeType(String value) {
        return Arrays.stream(values()).filter(t -> t.mimeType.equals(value)).findFirst();
    }
}

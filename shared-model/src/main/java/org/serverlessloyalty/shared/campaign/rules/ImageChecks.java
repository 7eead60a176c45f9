package org.serverlessloyalty.shared.campaign.rules;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.ImageType;

/**
 * What an uploaded photo must be (A27): an image of a known type, told by its first bytes (the client's
 * {@code Content-Type} and file name are not believed: a script named {@code x.png} is refused), and at most
 * {@link #MAX_BYTES}.
 */
public final class ImageChecks {

    /** 2 MB: enough for a campaign photo; the image then travels base64-encoded well inside Lambda's 6 MB. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private ImageChecks() {
    }

    /** The type the bytes are, by their signature; empty when they are none of the accepted images. */
    public static Optional<ImageType> detect(byte[] bytes) {
        if (startsWith(bytes, 0, PNG)) {
            return Optional.of(ImageType.PNG);
        }
        if (startsWith(bytes, 0, JPEG)) {
            return Optional.of(ImageType.JPEG);
        }
        if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
            return Optional.of(ImageType.GIF);
        }
        // RIFF <size:4> WEBP
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
            return Optional.of(ImageType.WEBP);
        }
        return Optional.empty();
    }

    /** Why the upload is refused, or empty when it is an accepted image within the size limit. */
    public static Optional<String> problem(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.of("is empty: send an image file");
        }
        if (bytes.length > MAX_BYTES) {
            return Optional.of("is " + bytes.length + " bytes; the limit is " + MAX_BYTES + " (2 MB)");
        }
        if (detect(bytes).isEmpty()) {
            return Optional.of("is not an image: png, jpeg, gif or webp only");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int from, byte[] prefix) {
        if (data.length < from + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

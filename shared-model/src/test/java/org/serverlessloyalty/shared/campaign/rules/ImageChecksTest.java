package org.serverlessloyalty.shared.campaign.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.ImageType;

class ImageChecksTest {

    @Test
    void tellsEachAcceptedTypeByItsFirstBytes() {
        assertThat(ImageChecks.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).contains(ImageType.PNG);
        assertThat(ImageChecks.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(ImageType.JPEG);
        assertThat(ImageChecks.detect("GIF87a...".getBytes(StandardCharsets.US_ASCII))).contains(ImageType.GIF);
        assertThat(ImageChecks.detect("GIF89a...".getBytes(StandardCharsets.US_ASCII))).contains(ImageType.GIF);
        assertThat(ImageChecks.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains(ImageType.WEBP);
    }

    @Test
    void refusesWhatOnlyLooksLikeAnImage() {
        assertThat(ImageChecks.detect("<svg xmlns=...>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageChecks.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageChecks.detect(new byte[] {(byte) 0x89, 'P', 'N'})).isEmpty();
        assertThat(ImageChecks.problem("<script>".getBytes(StandardCharsets.US_ASCII))).get().asString()
                .contains("not an image");
    }

    @Test
    void acceptsExactlyTwoMegabytesAndRefusesOneByteMore() {
        byte[] limit = new byte[ImageChecks.MAX_BYTES];
        limit[0] = (byte) 0xFF;
        limit[1] = (byte) 0xD8;
        limit[2] = (byte) 0xFF;
        assertThat(ImageChecks.problem(limit)).isEmpty();
        byte[] over = java.util.Arrays.copyOf(limit, ImageChecks.MAX_BYTES + 1);
        assertThat(ImageChecks.problem(over)).get().asString().contains("2 MB");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(ImageChecks.problem(new byte[0])).get().asString().contains("empty");
    }
}

package org.serverlessloyalty.shared.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {

    static final Optional<String> TYPE = Optional.of("multipart/form-data; boundary=\"XyZ\"");

    @Test
    void readsEachPartsNameFileNameTypeAndExactBytes() {
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', '-', '-', 'X', 0, (byte) 0xFF};
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"photo[file]\"; filename=\"a b.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(image);
        out.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));

        MultipartBody body = MultipartBody.parse(TYPE, out.toByteArray(), "photo[file]");

        assertThat(body.parts()).hasSize(2);
        var file = body.part("photo[file]").orElseThrow();
        assertThat(file.filename()).isEqualTo("a b.png");
        assertThat(file.contentType()).isEqualTo("image/png");
        assertThat(file.content()).isEqualTo(image);
        assertThat(new String(body.part("note").orElseThrow().content(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void aBodyThatIsNotMultipartIsA400NamingTheField() {
        assertThatThrownBy(() -> MultipartBody.parse(Optional.of("application/json"), "{}".getBytes(), "photo[file]"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldErrors().list()).extracting(FieldErrors.FieldError::field).containsExactly("photo[file]");
                });
    }

    @Test
    void aTruncatedBodyIsA400NotAnError() {
        byte[] truncated = "--XyZ\r\nContent-Disposition: form-data; name=\"photo[file]\"\r\n\r\nabc".getBytes();
        assertThatThrownBy(() -> MultipartBody.parse(TYPE, truncated, "photo[file]"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}

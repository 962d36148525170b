package org.chorusfeed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Images are recognised by their bytes, never by what a server says they are. */
class ImageFormatsTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void typeOf_recognisesPngJpegGifAndWebp() {
        assertThat(ImageFormats.typeOf(PNG)).contains("image/png");
        assertThat(ImageFormats.typeOf(JPEG)).contains("image/jpeg");
        assertThat(ImageFormats.typeOf(ascii("GIF89a\u0001\u0000"))).contains("image/gif");
        assertThat(ImageFormats.typeOf(ascii("GIF87a\u0001\u0000"))).contains("image/gif");
        assertThat(ImageFormats.typeOf(ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "))).contains("image/webp");
    }

    @Test
    void typeOf_refusesSvgHtmlScriptsAndTruncatedHeaders() {
        assertThat(ImageFormats.typeOf(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")))
                .isEmpty();
        assertThat(ImageFormats.typeOf(ascii("<!doctype html><title>not an image</title>"))).isEmpty();
        assertThat(ImageFormats.typeOf(ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "))).isEmpty();
        assertThat(ImageFormats.typeOf(java.util.Arrays.copyOf(PNG, 7))).isEmpty();
        assertThat(ImageFormats.typeOf(new byte[0])).isEmpty();
    }
}

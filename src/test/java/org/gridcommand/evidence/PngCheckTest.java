package org.gridcommand.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PngCheckTest {
    private static final String WHERE = "snapshot of camera 44040200001320000001 for case C1";

    @Test
    void aPictureWithContentPassesWithItsSize() {
        PngCheck.Facts facts = PngCheck.check(TestPictures.gradient(64, 36), WHERE);
        assertThat(facts).isEqualTo(new PngCheck.Facts(64, 36));
    }

    @Test
    void aDarkNightPictureWithDetailIsNotBlank() {
        BufferedImage image = new BufferedImage(80, 45, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 45; y++) {
            for (int x = 0; x < 80; x++) {
                int v = 6 + random.nextInt(3) + (x > 40 && y > 20 ? 20 : 0);
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        assertThat(PngCheck.check(TestPictures.encode(image), WHERE).width()).isEqualTo(80);
    }

    @Test
    void emptyBytesAreRefusedByName() {
        assertThatThrownBy(() -> PngCheck.check(new byte[0], WHERE)).isInstanceOf(InvalidEvidence.class)
                .hasMessage(WHERE + ": the picture is empty (0 bytes)");
        assertThatThrownBy(() -> PngCheck.check(null, WHERE)).isInstanceOf(InvalidEvidence.class)
                .hasMessageContaining("empty");
    }

    @Test
    void anotherFormatIsNotAPng() {
        byte[] gif = "GIF89a and then some bytes of a picture".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> PngCheck.check(gif, WHERE)).isInstanceOf(InvalidEvidence.class)
                .hasMessage(WHERE + ": not a PNG (it starts with 47 49 46 38 39 61 20 61;"
                        + " a PNG starts with 89 50 4e 47 0d 0a 1a 0a)");
    }

    @Test
    void aPngCutShortIsRefused() {
        byte[] whole = TestPictures.gradient(64, 36);
        byte[] cut = Arrays.copyOf(whole, whole.length - 40);
        assertThatThrownBy(() -> PngCheck.check(cut, WHERE)).isInstanceOf(InvalidEvidence.class)
                .hasMessageStartingWith(WHERE + ": the PNG is cut short");
    }

    @Test
    void aDamagedPictureBodyIsRefused() {
        byte[] png = TestPictures.gradient(64, 36);
        // Scramble the compressed pixels (after the 33-byte header), keep signature, header and IEND.
        for (int i = 60; i < png.length - 20; i++) {
            png[i] = (byte) (png[i] ^ 0x5a);
        }
        assertThatThrownBy(() -> PngCheck.check(png, WHERE)).isInstanceOf(InvalidEvidence.class)
                .hasMessageStartingWith(WHERE + ": the PNG cannot be decoded");
    }

    @Test
    void aHeaderClaimingAHugePictureIsRefusedBeforeDecoding() {
        byte[] png = TestPictures.gradient(64, 36);
        // Width field of IHDR at bytes 16..19: 100,000 pixels.
        png[16] = 0;
        png[17] = 0x01;
        png[18] = (byte) 0x86;
        png[19] = (byte) 0xa0;
        assertThatThrownBy(() -> PngCheck.check(png, WHERE)).isInstanceOf(InvalidEvidence.class)
                .hasMessage(WHERE + ": the PNG says it is 100000x36 pixels; a snapshot is 1 to 8192 pixels a side");
    }

    @Test
    void aBlankFrameIsRefusedWithItsColour() {
        assertThatThrownBy(() -> PngCheck.check(TestPictures.flat(64, 36, 0x000000), WHERE))
                .isInstanceOf(InvalidEvidence.class)
                .hasMessage(WHERE + ": the picture is blank (every pixel is about #000000); no frame was shown on the tile");
        // Encoder noise of a few levels is still blank.
        BufferedImage noisy = new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 18; y++) {
            for (int x = 0; x < 32; x++) {
                int v = 16 + (x + y) % 3;
                noisy.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        assertThatThrownBy(() -> PngCheck.check(TestPictures.encode(noisy), WHERE))
                .isInstanceOf(InvalidEvidence.class).hasMessageContaining("blank");
    }
}

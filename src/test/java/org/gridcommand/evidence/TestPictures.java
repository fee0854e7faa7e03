package org.gridcommand.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNGs made in memory for the evidence tests: a picture with something in it, or a flat one. */
public final class TestPictures {
    private TestPictures() {
    }

    /** A diagonal colour gradient: what a snapshot of a test pattern looks like to the check. */
    public static byte[] gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 255 * x / Math.max(1, width - 1);
                int g = 255 * y / Math.max(1, height - 1);
                image.setRGB(x, y, r << 16 | g << 8 | (r + g) / 2);
            }
        }
        return encode(image);
    }

    /** Every pixel the same colour. */
    public static byte[] flat(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return encode(image);
    }

    public static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

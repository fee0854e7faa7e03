package org.gridcommand.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * Checks that bytes are a whole, decodable PNG showing something: what a snapshot must be before it becomes
 * evidence. A blank picture (every pixel the same colour, give or take a little noise) is what a tile shows
 * before its first frame or after a decoder failure; attaching it would prove nothing.
 */
public final class PngCheck {
    /** A 4K snapshot is 5-15 MB as PNG; anything far beyond that is not a tile snapshot. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Larger than any video frame libVLC hands a tile (8K is 7680x4320). */
    public static final int MAX_SIDE = 8192;
    /** Luma spread (0-255) at or below which a picture counts as blank: encoder noise on a black frame. */
    static final int BLANK_SPREAD = 4;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Length 0, "IEND", and the chunk's fixed CRC: the last 12 bytes of every complete PNG. */
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};

    /** What the check learnt: the picture's size in pixels. */
    public record Facts(int width, int height) {
    }

    private PngCheck() {
    }

    /**
     * @param where names the picture in the message, e.g. "snapshot of camera 4404… for case 01J…"
     * @throws InvalidEvidence saying what is wrong with the picture and naming it
     */
    public static Facts check(byte[] png, String where) {
        if (png == null || png.length == 0) {
            throw new InvalidEvidence(where + ": the picture is empty (0 bytes)");
        }
        if (png.length > MAX_BYTES) {
            throw new InvalidEvidence(where + ": the picture is " + png.length + " bytes, more than the "
                    + MAX_BYTES + " a snapshot can be");
        }
        if (!startsWith(png, SIGNATURE, 0)) {
            throw new InvalidEvidence(where + ": not a PNG (it starts with "
                    + HexFormat.ofDelimiter(" ").formatHex(png, 0, Math.min(8, png.length))
                    + "; a PNG starts with 89 50 4e 47 0d 0a 1a 0a)");
        }
        if (png.length < 33 || !startsWith(png, new byte[] {'I', 'H', 'D', 'R'}, 12)) {
            throw new InvalidEvidence(where + ": a damaged PNG (no IHDR header chunk after the signature)");
        }
        long width = readUnsigned(png, 16);
        long height = readUnsigned(png, 20);
        if (width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new InvalidEvidence(where + ": the PNG says it is " + width + "x" + height
                    + " pixels; a snapshot is 1 to " + MAX_SIDE + " pixels a side");
        }
        if (!startsWith(png, IEND, png.length - IEND.length)) {
            throw new InvalidEvidence(where + ": the PNG is cut short (it does not end with the IEND chunk; "
                    + png.length + " bytes were given)");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            throw new InvalidEvidence(where + ": the PNG cannot be decoded (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new InvalidEvidence(where + ": the PNG cannot be decoded (no reader accepted it)");
        }
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new InvalidEvidence(where + ": the PNG decodes to " + image.getWidth() + "x" + image.getHeight()
                    + " but its header says " + width + "x" + height);
        }
        int[] spread = lumaRange(image);
        if (spread[1] - spread[0] <= BLANK_SPREAD) {
            throw new InvalidEvidence(where + ": the picture is blank (every pixel is about "
                    + String.format("#%06x", spread[2] & 0xffffff) + "); no frame was shown on the tile");
        }
        return new Facts((int) width, (int) height);
    }

    /** {min, max, a sample pixel} of the picture's luma, row by row. */
    private static int[] lumaRange(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] row = new int[w];
        int min = 255;
        int max = 0;
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int rgb : row) {
                // Rec. 601 weights in integers: precise enough to tell a picture from a flat frame.
                int luma = (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
                min = Math.min(min, luma);
                max = Math.max(max, luma);
            }
            if (max - min > BLANK_SPREAD) {
                break;
            }
        }
        return new int[] {min, max, image.getRGB(0, 0)};
    }

    private static boolean startsWith(byte[] data, byte[] prefix, int at) {
        if (at < 0 || data.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long readUnsigned(byte[] data, int at) {
        return ((data[at] & 0xffL) << 24) | ((data[at + 1] & 0xffL) << 16) | ((data[at + 2] & 0xffL) << 8)
                | (data[at + 3] & 0xffL);
    }
}

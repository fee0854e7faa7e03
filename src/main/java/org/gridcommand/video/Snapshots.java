package org.gridcommand.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javax.imageio.ImageIO;

/** Writes a tile's picture (BGRA bytes as the tile holds them) to a PNG named by camera id and picture time. */
final class Snapshots {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSZ");

    private Snapshots() {
    }

    /** e.g. {@code 44040200001320000001_20261127T203945.123+0800.png}; unsafe characters of the id become '_'. */
    static String fileName(String cameraId, ZonedDateTime at, int serial) {
        String id = cameraId == null || cameraId.isBlank() ? "camera" : cameraId.strip().replaceAll("[^A-Za-z0-9._-]", "_");
        return id + "_" + at.format(STAMP) + (serial > 1 ? "-" + serial : "") + ".png";
    }

    /** Blocking (encoding and disk); call off the FX thread. The file appears complete or not at all. */
    static Path writePng(Path dir, String cameraId, ZonedDateTime at, int width, int height, byte[] bgra)
            throws IOException {
        if (width <= 0 || height <= 0 || bgra.length < width * height * 4) {
            throw new IllegalArgumentException("bad picture " + width + "x" + height + " (" + bgra.length + " bytes)");
        }
        int[] rgb = new int[width * height];
        for (int i = 0, p = 0; i < rgb.length; i++, p += 4) {
            // Opaque video: the fourth byte (X of RV32) is ignored.
            rgb[i] = (bgra[p + 2] & 0xff) << 16 | (bgra[p + 1] & 0xff) << 8 | (bgra[p] & 0xff);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".snapshot-", ".png.part");
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer in this JDK");
            }
            for (int serial = 1; ; serial++) {
                Path target = dir.resolve(fileName(cameraId, at, serial));
                try {
                    // No REPLACE_EXISTING: two snapshots of the same millisecond both survive. Same folder,
                    // so the move is a rename and the PNG appears whole.
                    Files.move(temp, target);
                    return target;
                } catch (FileAlreadyExistsException e) {
                    // next serial
                }
                if (serial > 1000) {
                    throw new IOException("cannot find a free snapshot name in " + dir);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

package org.gridcommand.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.gridcommand.common.AssetJson;

/**
 * Where the console's panes divide: the main split (map and queue | video and plan) and the two columns' splits
 * (map | queue, video | plan), as fractions of their pane. The first start takes {@code assets/console/layout.json};
 * a seat keeps the officer's own in {@code layout.json} in its data dir, written atomically when the console
 * closes and read when it opens. A broken or missing file costs nothing but its values.
 */
public record SeatLayout(double main, double left, double right) {
    public static final String FILE = "layout.json";
    public static final String DEFAULT_ASSET = "console/layout.json";
    /** Used only when the shipped file is broken too. */
    public static final SeatLayout BUILT_IN = new SeatLayout(0.58, 0.40, 0.42);
    private static final System.Logger LOG = System.getLogger(SeatLayout.class.getName());
    private static final double MIN = 0.1;
    private static final double MAX = 0.9;

    public SeatLayout {
        main = clamp(main);
        left = clamp(left);
        right = clamp(right);
    }

    private static double clamp(double v) {
        return Double.isFinite(v) ? Math.max(MIN, Math.min(MAX, v)) : 0.5;
    }

    /** Whether the two differ by less than a hundredth anywhere (a split pane nudges what it is given). */
    public boolean closeTo(SeatLayout other) {
        return other != null && Math.abs(main - other.main) < 0.01 && Math.abs(left - other.left) < 0.01
                && Math.abs(right - other.right) < 0.01;
    }

    /** The seat's own layout, else the shipped one, else the built-in one; never throws. */
    public static SeatLayout read(Path dataDir) {
        if (dataDir != null) {
            Path own = dataDir.resolve(FILE);
            if (Files.isRegularFile(own)) {
                try {
                    return parse(own);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "the seat's layout is unreadable (" + e.getMessage()
                            + "); using the shipped one");
                }
            }
        }
        try {
            return parse(org.gridcommand.common.AssetLocator.resolve(DEFAULT_ASSET));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the shipped layout is unreadable (" + e.getMessage()
                    + "); using the built-in one");
            return BUILT_IN;
        }
    }

    static SeatLayout parse(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonNode root = AssetJson.readObject(file);
        return new SeatLayout(fraction(root, "main", name), fraction(root, "left", name), fraction(root, "right", name));
    }

    private static double fraction(JsonNode root, String field, String file) {
        JsonNode v = root == null ? null : root.get(field);
        if (v == null || !v.isNumber() || !(v.asDouble() > 0 && v.asDouble() < 1)) {
            throw new IllegalArgumentException(file + ": \"" + field + "\" must be a number between 0 and 1");
        }
        return v.asDouble();
    }

    /** Writes the seat's layout: a new file moved over the old, so a crash leaves one or the other whole. */
    public void save(Path dataDir) throws IOException {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("main", round(main));
        json.put("left", round(left));
        json.put("right", round(right));
        Files.createDirectories(dataDir);
        Path tmp = Files.createTempFile(dataDir, "layout", ".tmp");
        try {
            Files.writeString(tmp, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
            try {
                Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
    }
}

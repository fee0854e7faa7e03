package org.gridcommand.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridcommand.common.AssetLocator;

/**
 * The video wall's configuration, from {@code assets/video/wall.json}: the layouts the chooser offers, the one
 * a console starts with, the tour intervals, and the widths at which a tile switches between a camera's sub
 * and main streams. Plain data, no JavaFX.
 *
 * @param layouts       the chooser's layouts, in order; names are unique (case-insensitive)
 * @param startLayout   the layout a console opens with (one of {@code layouts})
 * @param tourInterval  how long a tour shows each page unless the officer picks another interval
 * @param tourChoices   the intervals the tour menu offers
 * @param streamSizing  when a tile plays the main stream
 */
public record WallSettings(List<WallLayout> layouts, WallLayout startLayout, Duration tourInterval,
                           List<Duration> tourChoices, StreamSizing streamSizing) {
    public static final String DEFAULT_ASSET = "video/wall.json";

    /** The built-in 1, 4, 9 and 16 tiles, for a seat whose settings file cannot be read. */
    public static final WallSettings DEFAULTS = new WallSettings(
            List.of(WallLayout.grid(1, 1), WallLayout.grid(2, 2), WallLayout.grid(3, 3), WallLayout.grid(4, 4)),
            WallLayout.grid(2, 2), Duration.ofSeconds(10),
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)), StreamSizing.DEFAULT);

    public WallSettings {
        layouts = List.copyOf(layouts);
        if (layouts.isEmpty()) {
            throw new IllegalArgumentException("no wall layouts");
        }
        Set<String> names = new HashSet<>();
        for (WallLayout layout : layouts) {
            if (!names.add(layout.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two wall layouts are named '" + layout.name() + "'");
            }
        }
        Objects.requireNonNull(startLayout, "startLayout");
        requirePositive(tourInterval, "tour interval");
        tourChoices = List.copyOf(tourChoices);
        tourChoices.forEach(d -> requirePositive(d, "tour interval choice"));
        Objects.requireNonNull(streamSizing, "streamSizing");
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be above 0 s, got " + d);
        }
    }

    public static WallSettings loadDefault() {
        return load(AssetLocator.resolve(DEFAULT_ASSET));
    }

    /**
     * Reads a settings file.
     *
     * @throws IllegalArgumentException naming the file, the entry and the field that is wrong
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static WallSettings load(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read " + file.toAbsolutePath(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + ": must be a JSON object with a \"layouts\" array");
        }
        JsonNode array = root.get("layouts");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException(name + ": \"layouts\" must be a non-empty array");
        }
        List<WallLayout> layouts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                layouts.add(LayoutJson.read(array.get(i)));
            } catch (IllegalArgumentException e) {
                JsonNode n = array.get(i).path("name");
                throw new IllegalArgumentException(name + ": layouts[" + i + "]"
                        + (n.isTextual() ? " ('" + n.asText() + "')" : "") + ": " + e.getMessage(), e);
            }
        }
        try {
            String startName = LayoutJson.text(root, "startLayout");
            WallLayout start = layouts.stream().filter(l -> l.name().equalsIgnoreCase(startName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("\"startLayout\" '" + startName
                            + "' is not one of the layouts"));
            Duration tour = Duration.ofSeconds(LayoutJson.integer(root, "tourSeconds"));
            List<Duration> choices = new ArrayList<>();
            JsonNode c = root.path("tourSecondsChoices");
            if (!c.isArray()) {
                throw new IllegalArgumentException("\"tourSecondsChoices\" must be an array of whole seconds");
            }
            for (JsonNode s : c) {
                if (!s.isIntegralNumber()) {
                    throw new IllegalArgumentException("\"tourSecondsChoices\" must be whole seconds, got " + s);
                }
                choices.add(Duration.ofSeconds(s.asLong()));
            }
            StreamSizing sizing = new StreamSizing(LayoutJson.integer(root, "mainStreamFromWidth"),
                    LayoutJson.integer(root, "subStreamBelowWidth"));
            return new WallSettings(layouts, start, tour, choices, sizing);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** The layout of that name (case-insensitive). */
    public Optional<WallLayout> layout(String name) {
        return layouts.stream().filter(l -> l.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }
}

package org.gridcommand.video;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The seat's named wall presets in one JSON file in its data folder ({@value #FILE_NAME}). Plain Java, no
 * JavaFX; file work, so call it off the FX thread. Thread-safe (one store per file, methods synchronised).
 *
 * <p>The file is {@code {"format": 1, "presets": [{"name", "layout", "cameras"}, …]}}, and is only ever
 * replaced whole: written to a temporary file beside it, forced to disk, then moved over it with
 * {@code ATOMIC_MOVE}, so a crash leaves the old file or the new one, never half of one.
 *
 * <p>Damage never costs the other presets:
 * <ul>
 *   <li>a preset entry that cannot be read (bad layout, wrong camera count …) is reported by number and name
 *       and skipped, and kept byte for byte in the file when other presets are saved;</li>
 *   <li>a file that is not JSON at all is reported with line and column; the next save first copies it to
 *       {@code video-wall-presets.json.corrupt-<UTC time>} (so someone can mend it by hand) and says so.</li>
 * </ul>
 */
public final class WallPresetStore {
    public static final String FILE_NAME = "video-wall-presets.json";
    private static final int FORMAT = 1;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What a load found.
     *
     * @param presets  the readable presets, in file order
     * @param problems one line per thing that could not be read, naming the file and the entry
     */
    public record Loaded(List<WallPreset> presets, List<String> problems) {
        public Loaded {
            presets = List.copyOf(presets);
            problems = List.copyOf(problems);
        }

        public Optional<WallPreset> find(String name) {
            return presets.stream().filter(p -> p.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
        }

        public List<String> names() {
            return presets.stream().map(WallPreset::name).toList();
        }
    }

    /**
     * What a save or delete did.
     *
     * @param presets     the presets now in the file (readable ones)
     * @param corruptCopy where an unreadable file was copied before it was replaced; null when it was fine
     * @param problems    entries that could not be read (and were kept as they were)
     */
    public record Saved(List<WallPreset> presets, Path corruptCopy, List<String> problems) {
        public Saved {
            presets = List.copyOf(presets);
            problems = List.copyOf(problems);
        }
    }

    private final Path file;
    private final Clock clock;

    public WallPresetStore(Path file) {
        this(file, Clock.systemUTC());
    }

    WallPresetStore(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The store of a seat: {@value #FILE_NAME} in its data folder. */
    public static WallPresetStore inDataDir(Path dataDir) {
        return new WallPresetStore(Objects.requireNonNull(dataDir, "dataDir").resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** Reads every preset; content problems are reported, not thrown. No file means no presets. */
    public synchronized Loaded load() throws IOException {
        Contents contents = read();
        return new Loaded(contents.presets(), contents.problems());
    }

    /** Adds the preset, or replaces the one of the same name (ignoring case); keeps everything else. */
    public synchronized Saved save(WallPreset preset) throws IOException {
        Objects.requireNonNull(preset, "preset");
        Contents contents = read();
        ArrayNode entries = JSON.createArrayNode();
        boolean replaced = false;
        for (Entry entry : contents.entries()) {
            if (entry.preset() != null && entry.preset().name().equalsIgnoreCase(preset.name())) {
                if (!replaced) {
                    entries.add(write(preset));
                    replaced = true;
                }
            } else {
                entries.add(entry.raw());
            }
        }
        if (!replaced) {
            entries.add(write(preset));
        }
        return replace(contents, entries);
    }

    /** Removes the preset of that name (ignoring case); false if there was none. */
    public synchronized boolean delete(String name) throws IOException {
        Contents contents = read();
        ArrayNode entries = JSON.createArrayNode();
        boolean removed = false;
        for (Entry entry : contents.entries()) {
            if (entry.preset() != null && entry.preset().name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                removed = true;
            } else {
                entries.add(entry.raw());
            }
        }
        if (removed) {
            replace(contents, entries);
        }
        return removed;
    }

    private Saved replace(Contents contents, ArrayNode entries) throws IOException {
        Path corruptCopy = null;
        if (contents.unreadable()) {
            corruptCopy = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
            Files.copy(file, corruptCopy, StandardCopyOption.REPLACE_EXISTING);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.set("presets", entries);
        writeAtomically(JSON.writeValueAsBytes(root));
        List<WallPreset> presets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entry(i, entries.get(i), names);
            if (e.preset() != null) {
                presets.add(e.preset());
            } else {
                problems.add(e.problem());
            }
        }
        return new Saved(presets, corruptCopy, problems);
    }

    private void writeAtomically(byte[] bytes) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // On disk before the rename makes it the file: otherwise a power cut can leave an empty file.
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(file.getFileName() + ": the file system of " + dir
                        + " cannot replace files atomically, so presets are not saved there", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** One preset entry of the file: read (preset) or not (problem), with its JSON kept to write back. */
    private record Entry(JsonNode raw, WallPreset preset, String problem) {
    }

    private record Contents(List<Entry> entries, boolean unreadable, List<String> problems) {
        List<WallPreset> presets() {
            return entries.stream().map(Entry::preset).filter(Objects::nonNull).toList();
        }
    }

    private Contents read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), false, List.of());
        }
        String name = String.valueOf(file.getFileName());
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return new Contents(List.of(), true, List.of(name + " is not valid JSON" + where + " ("
                    + e.getOriginalMessage() + "); no preset could be read. The file is left as it is; the next"
                    + " save keeps a copy of it beside the new one."));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Contents(List.of(), true, List.of(name + " is empty; no preset could be read"));
        }
        if (!root.isObject() || !root.path("presets").isArray()) {
            return new Contents(List.of(), true,
                    List.of(name + ": expected an object with a \"presets\" array; no preset could be read"));
        }
        JsonNode format = root.get("format");
        if (format != null && (!format.isIntegralNumber() || format.asInt() > FORMAT)) {
            return new Contents(List.of(), true, List.of(name + ": format " + format
                    + " is newer than this program understands (" + FORMAT + "); no preset could be read"));
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode array = root.get("presets");
        for (int i = 0; i < array.size(); i++) {
            Entry entry = entry(i, array.get(i), names);
            entries.add(entry);
            if (entry.problem() != null) {
                problems.add(entry.problem());
            }
        }
        return new Contents(entries, false, problems);
    }

    private Entry entry(int index, JsonNode node, Set<String> seenNames) {
        String label = String.valueOf(file.getFileName()) + ": preset " + (index + 1);
        JsonNode n = node.path("name");
        if (n.isTextual()) {
            label += " ('" + n.asText() + "')";
        }
        try {
            if (!node.isObject()) {
                throw new IllegalArgumentException("must be an object with name, layout and cameras");
            }
            String name = LayoutJson.text(node, "name");
            WallLayout layout;
            try {
                layout = LayoutJson.read(node.get("layout"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layout: " + e.getMessage(), e);
            }
            JsonNode cameras = node.get("cameras");
            if (cameras == null || !cameras.isArray()) {
                throw new IllegalArgumentException("\"cameras\" must be an array of camera ids (null for an empty tile)");
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < cameras.size(); i++) {
                JsonNode id = cameras.get(i);
                if (!id.isNull() && !id.isTextual()) {
                    throw new IllegalArgumentException("cameras[" + i + "] must be a camera id or null, got " + id);
                }
                ids.add(id.isNull() ? "" : id.asText());
            }
            WallPreset preset = new WallPreset(name, layout, ids);
            if (!seenNames.add(preset.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("an earlier preset has the same name; this one is ignored");
            }
            return new Entry(node, preset, null);
        } catch (IllegalArgumentException e) {
            return new Entry(node, null, label + ": " + e.getMessage());
        }
    }

    private static ObjectNode write(WallPreset preset) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", preset.name());
        node.set("layout", LayoutJson.write(preset.layout()));
        ArrayNode cameras = node.putArray("cameras");
        for (String id : preset.cameraIds()) {
            if (id.isEmpty()) {
                cameras.addNull();
            } else {
                cameras.add(id);
            }
        }
        return node;
    }
}

package org.gridcommand.feed.track;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.JsonDictionaryFile;

/**
 * The district's duty shifts (data: {@code assets/feed/shifts.json}, an array {@code "shifts"} of
 * {@code {"code", "zh", "en", "start": "HH:mm", "end": "HH:mm"}}). Immutable.
 */
public final class ShiftTable {
    public static final String FILE = "feed/shifts.json";

    private final Map<String, Shift> shifts;

    public ShiftTable(List<Shift> shifts) {
        Map<String, Shift> byCode = new LinkedHashMap<>();
        for (Shift s : shifts) {
            if (byCode.putIfAbsent(s.code(), s) != null) {
                throw new IllegalArgumentException("shift " + s.code() + " is listed twice");
            }
        }
        if (byCode.isEmpty()) {
            throw new IllegalArgumentException("a shift table needs at least one shift");
        }
        this.shifts = java.util.Collections.unmodifiableMap(byCode);
    }

    /** The shipped table from the assets folder. */
    public static ShiftTable loadDefault() {
        return load(AssetLocator.resolve(FILE));
    }

    /** Reads a shift file; errors name the file and the entry. */
    public static ShiftTable load(Path file) {
        String name = String.valueOf(file.getFileName());
        List<Shift> list = new ArrayList<>();
        int index = 0;
        for (JsonNode n : JsonDictionaryFile.entries(file, "shifts")) {
            String code = n.path("code").asText("");
            try {
                list.add(new Shift(code, new BilingualName(text(n, "zh"), text(n, "en")),
                        LocalTime.parse(text(n, "start")), LocalTime.parse(text(n, "end"))));
            } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(name + ": shift #" + index + " (" + code + "): " + e.getMessage(), e);
            }
            index++;
        }
        try {
            return new ShiftTable(list);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing text field \"" + field + "\"");
        }
        return v.asText();
    }

    public List<Shift> shifts() {
        return List.copyOf(shifts.values());
    }

    public Optional<Shift> shift(String code) {
        return Optional.ofNullable(shifts.get(code));
    }

    /** The occurrences of every shift that starts on the day, in table order. */
    public List<ShiftWindow> windows(LocalDate day, ZoneId zone) {
        return shifts.values().stream().map(s -> s.on(day, zone)).toList();
    }

    /** The shift occurrence that holds the instant (a night shift after midnight started the day before). */
    public Optional<ShiftWindow> windowAt(Instant t, ZoneId zone) {
        LocalDate day = ZonedDateTime.ofInstant(t, zone).toLocalDate();
        for (LocalDate d : List.of(day, day.minusDays(1))) {
            for (Shift s : shifts.values()) {
                ShiftWindow w = s.on(d, zone);
                if (w.contains(t)) {
                    return Optional.of(w);
                }
            }
        }
        return Optional.empty();
    }
}

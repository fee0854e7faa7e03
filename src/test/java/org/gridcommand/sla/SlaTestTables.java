package org.gridcommand.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.gridcommand.cases.CategoryDictionary;

/**
 * A small limits table of the tests' own, so the engine's rules are tested apart from the shipped demo
 * limits (which a customer edits); the shipped calendar is used as is, since holidays are public facts.
 */
final class SlaTestTables {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final CategoryDictionary CATEGORIES = CategoryDictionary.loadDefault();
    static final WorkingCalendar CALENDAR = WorkingCalendar.loadDefault();

    static final String LIMITS = """
            {
              "nearDue": { "elapsedPercent": 80, "remainingMinutes": 30 },
              "limits": [
                { "category": "default", "stages": {
                    "ACCEPT":   { "limit": 30, "unit": "NATURAL_MINUTES" },
                    "DISPATCH": { "limit": 1,  "unit": "WORKING_HOURS" },
                    "HANDLE":   { "limit": 3,  "unit": "WORKING_DAYS" },
                    "VERIFY":   { "limit": 1,  "unit": "WORKING_DAYS" },
                    "CLOSE":    { "limit": 1,  "unit": "WORKING_DAYS" } } },
                { "category": "02", "stages": {
                    "DISPATCH": { "limit": 2, "unit": "WORKING_HOURS" },
                    "HANDLE":   { "limit": 1, "unit": "WORKING_DAYS" } } },
                { "category": "0201", "stages": { "HANDLE": { "limit": 4, "unit": "WORKING_HOURS" } } },
                { "category": "0601", "stages": { "ACCEPT": { "limit": 3, "unit": "NATURAL_MINUTES" } } }
              ]
            }""";

    private SlaTestTables() {
    }

    static Path write(Path dir, String name, String json) {
        try {
            return Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SlaEngine engine(Path dir) {
        return new SlaEngine(SlaLimits.load(write(dir, "limits.json", LIMITS), CATEGORIES), CALENDAR);
    }

    /** A wall-clock time in the district, e.g. "2026-11-27T08:45". */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}

package org.gridcommand.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcommand.common.AssetJson;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.common.BilingualName;
import org.gridcommand.feed.FeedSchemas;
import org.gridcommand.feed.FeedTopic;

/**
 * Reads a drill scenario and checks all of it before a drill starts: every message against the field
 * protocol's schema (with its {@code id} and {@code at} filled in as they will be), offsets in order, one
 * incident that is a report, known milestones. A problem is one message naming the file and the place:
 * {@code fire.json: events[2].message: $.lon: must be a number}.
 */
public final class DrillScenarioReader {
    public static final String DIR = "scenarios";
    private static final Pattern OFFSET = Pattern.compile("\\+(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})");

    private DrillScenarioReader() {
    }

    /** A shipped scenario by its file name without ".json" (e.g. "residential-fire-0845"). */
    public static DrillScenario readShipped(String name) {
        Path file = AssetLocator.resolve(DIR + "/" + name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no scenario \"" + name + "\" in " + AssetLocator.resolve(DIR)
                    + " (shipped: " + String.join(", ", shipped()) + ")");
        }
        return read(file);
    }

    /** The shipped scenarios' names. */
    public static List<String> shipped() {
        try (var files = Files.list(AssetLocator.resolve(DIR))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static DrillScenario read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        JsonNode root = AssetJson.readTree(file);
        try {
            return parse(root, FeedSchemas.load());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    static DrillScenario parse(JsonNode root, FeedSchemas schemas) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("the file must hold one JSON object");
        }
        if (root.path("version").asInt(-1) != 1) {
            throw new IllegalArgumentException("version: this console reads version 1 scenarios, the file says "
                    + root.path("version"));
        }
        String id = text(root, "id", "id");
        BilingualName name = new BilingualName(text(root.path("name"), "zh", "name.zh"),
                text(root.path("name"), "en", "name.en"));
        String description = root.path("description").asText("");
        LocalTime startsAt;
        try {
            startsAt = LocalTime.parse(text(root, "startsAt", "startsAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("startsAt: \"" + root.path("startsAt").asText()
                    + "\" is not a time of day like \"08:45\"");
        }
        JsonNode eventsNode = root.path("events");
        if (!eventsNode.isArray() || eventsNode.isEmpty()) {
            throw new IllegalArgumentException("events: missing or empty (the drill's timeline)");
        }
        List<ScriptedEvent> events = new ArrayList<>();
        int incident = -1;
        Duration previous = Duration.ZERO;
        for (int i = 0; i < eventsNode.size(); i++) {
            String where = "events[" + i + "]";
            JsonNode e = eventsNode.get(i);
            Duration offset = offset(text(e, "at", where + ".at"), where + ".at");
            if (offset.compareTo(previous) < 0) {
                throw new IllegalArgumentException(where + ".at: " + e.path("at").asText()
                        + " comes before the event above it (keep the timeline in order)");
            }
            previous = offset;
            String kindName = text(e, "kind", where + ".kind");
            String note = e.path("note").asText("");
            if (kindName.equals("camera")) {
                events.add(new ScriptedEvent(offset, null, null, text(e, "cameraId", where + ".cameraId"), note));
            } else {
                FeedTopic.Kind kind = java.util.Arrays.stream(FeedTopic.Kind.values())
                        .filter(k -> k.level().equals(kindName)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(where + ".kind: unknown kind \"" + kindName
                                + "\" (report, gps, track, status, alarm or camera)"));
                JsonNode message = e.path("message");
                if (!message.isObject()) {
                    throw new IllegalArgumentException(where + ".message: missing (the field message to send)");
                }
                ObjectNode sample = materialise((ObjectNode) message, "DRILL-CHECK-" + i, Instant.parse("2026-01-01T00:00:00Z"));
                List<String> problems = schemas.violations(kind, sample);
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException(where + ".message: " + problems.get(0));
                }
                events.add(new ScriptedEvent(offset, kind, (ObjectNode) message, null, note));
            }
            if (e.path("incident").asBoolean(false)) {
                if (incident >= 0) {
                    throw new IllegalArgumentException(where + ".incident: events[" + incident
                            + "] is the incident already (one per scenario)");
                }
                if (events.get(i).feedKind() != FeedTopic.Kind.REPORT) {
                    throw new IllegalArgumentException(where + ".incident: the incident must be a report");
                }
                incident = i;
            }
        }
        if (incident < 0) {
            throw new IllegalArgumentException("events: no event is marked \"incident\": true (the report the room handles)");
        }
        Map<Milestone, Duration> targets = new EnumMap<>(Milestone.class);
        Map<String, Duration> stepTargets = new LinkedHashMap<>();
        JsonNode t = root.path("targets");
        for (var it = t.fields(); it.hasNext(); ) {
            var field = it.next();
            String where = "targets." + field.getKey();
            if (field.getKey().equals("steps")) {
                for (var steps = field.getValue().fields(); steps.hasNext(); ) {
                    var step = steps.next();
                    stepTargets.put(step.getKey(), seconds(step.getValue(), where + "." + step.getKey()));
                }
                continue;
            }
            Milestone m = Milestone.fromFileName(field.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    where + ": unknown milestone (reported, accepted, located, cameraShown, planActivated, closed, steps)"));
            targets.put(m, seconds(field.getValue(), where));
        }
        return new DrillScenario(id, name, description, startsAt, events, incident,
                root.path("expectedPlan").asText(null), targets, stepTargets);
    }

    /** The message as it is sent: a copy with its id and time filled in. */
    static ObjectNode materialise(ObjectNode template, String id, Instant at) {
        ObjectNode m = template.deepCopy();
        m.put("v", 1);
        m.put("id", id);
        m.put("at", at.toString());
        return m;
    }

    private static Duration seconds(JsonNode v, String where) {
        if (!v.isIntegralNumber() || v.asLong() <= 0) {
            throw new IllegalArgumentException(where + ": " + v + " is not a positive number of seconds");
        }
        return Duration.ofSeconds(v.asLong());
    }

    private static Duration offset(String text, String where) {
        Matcher m = OFFSET.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ": \"" + text + "\" is not an offset like \"+05:30\" or \"+1:05:30\"");
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = Long.parseLong(m.group(2));
        long secs = Long.parseLong(m.group(3));
        if (secs >= 60 || (m.group(1) != null && minutes >= 60)) {
            throw new IllegalArgumentException(where + ": \"" + text + "\" has more than 59 minutes or seconds");
        }
        return Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(secs);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": missing (text)");
        }
        return v.asText();
    }
}

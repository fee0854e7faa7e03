package org.gridcommand.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.feed.FeedSchemas;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.geo.GeoPoint;

/**
 * Hostile field messages derived from the protocol's JSON Schemas ({@code assets/feed/schemas}): a valid message of
 * a kind is built field by field from its schema (required fields always, optional ones at random, dependent fields
 * together), then broken in one way — one field of the schema (top level, or inside a track's fixes or a report's
 * attachments) removed, of the wrong JSON type, empty, huge, 1e400, NaN, negative, nested deep, with control or
 * unusual Unicode characters, outside its enum or pattern, its time far off — or the message as a whole (duplicate
 * keys, an unknown field, the wrong sender, a varied topic, another district, another sender's id, swapped
 * coordinates, random bytes, truncated, not UTF-8, a replay …). A few mutations leave the message valid; the caller
 * finds out which from the store.
 *
 * <p>Deterministic for a seed and a clock instant, so a failure can be replayed. A field the schema gains and this
 * class cannot fill fails at once: the fuzzer keeps step with the schemas.
 */
final class FeedFuzzer {
    /** A grid worker or sensor that sends fuzzed messages; {@code sensorKind} is null for a worker. */
    record Sender(String id, GeoPoint home, String sensorKind) {
    }

    /** A sensor kind's unit and readable range ({@code assets/feed/sensor-kinds.json}). */
    record KindRange(String unit, double min, double max) {
    }

    /**
     * One fuzzed message.
     *
     * @param key    the sender (from the topic) and id (from the payload) the console could key it by, when both look
     *               usable; null when it cannot be stored (the console then can only quarantine it)
     * @param routed true when its topic matches the seat's subscription, so the seat must see it
     */
    record Fuzzed(String topic, byte[] payload, FeedTopic.Kind kind, String mutation, MessageKey key, boolean routed) {
    }

    private static final String RAW = "@@RAW@@";
    private static final List<String> KIND_LEVELS = Arrays.stream(FeedTopic.Kind.values()).map(FeedTopic.Kind::level)
            .toList();
    private static final Pattern SENDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter PLUS_EIGHT = DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withZone(ZoneOffset.ofHours(8));

    private final Random random;
    private final Instant now;
    private final String district;
    private final List<Sender> workers;
    private final List<Sender> sensors;
    private final Map<String, KindRange> kinds;
    private final List<String> minorCategories;
    private final List<String> majorCategories;
    /** Ids that other (valid) senders really use, for "another sender's id". */
    private final Function<Random, MessageKey> othersMessage;
    private final List<String> otherSenderIds;
    private final Map<FeedTopic.Kind, JsonNode> schemas = new EnumMap<>(FeedTopic.Kind.class);
    private final Set<MessageKey> usedKeys = new HashSet<>();
    private final List<Fuzzed> replayable = new ArrayList<>();
    private long sequence;

    /**
     * @param othersMessage a message key a valid sender uses (or will use) in this run
     * @param otherSenderIds ids of senders that are not fuzzed (valid traffic's workers and sensors)
     */
    FeedFuzzer(long seed, Instant now, String district, List<Sender> workers, List<Sender> sensors,
               Map<String, KindRange> kinds, List<String> minorCategories, List<String> majorCategories,
               Function<Random, MessageKey> othersMessage, List<String> otherSenderIds) {
        this.random = new Random(seed);
        this.now = now;
        this.district = district;
        this.workers = List.copyOf(workers);
        this.sensors = List.copyOf(sensors);
        this.kinds = Map.copyOf(kinds);
        this.minorCategories = List.copyOf(minorCategories);
        this.majorCategories = List.copyOf(majorCategories);
        this.othersMessage = othersMessage;
        this.otherSenderIds = List.copyOf(otherSenderIds);
        Path dir = AssetLocator.resolve(FeedSchemas.DIR);
        for (FeedTopic.Kind kind : FeedTopic.Kind.values()) {
            try {
                schemas.put(kind, JSON.readTree(Files.readAllBytes(FeedSchemas.fileOf(dir, kind))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ================================================================ one message

    Fuzzed next() {
        long seq = ++sequence;
        FeedTopic.Kind kind = pick(KIND_WEIGHTS);
        Sender sender = kind == FeedTopic.Kind.ALARM ? pick(sensors) : pick(workers);
        ObjectNode message = valid(kind, sender, "fz-" + seq);
        String topic = FeedTopic.of(district, kind, sender.id()).topic();
        Draft draft = new Draft(topic, message, kind, sender);
        int roll = random.nextInt(100);
        if (roll < 62) {
            mutateField(draft);
        } else {
            mutateMessage(draft);
        }
        Fuzzed fuzzed = draft.finish();
        if (fuzzed.key() != null && kind != FeedTopic.Kind.REPORT && replayable.size() < 5_000) {
            // A report is not replayed: the intake makes a repeated report's case idempotently, not a duplicate count.
            replayable.add(fuzzed);
        }
        return fuzzed;
    }

    private static final List<FeedTopic.Kind> KIND_WEIGHTS = weights(
            FeedTopic.Kind.GPS, 34, FeedTopic.Kind.TRACK, 18, FeedTopic.Kind.STATUS, 18, FeedTopic.Kind.REPORT, 14,
            FeedTopic.Kind.ALARM, 16);

    /** A message being broken: its topic, its JSON (or, once broken beyond JSON, its bytes) and what was done. */
    private final class Draft {
        String topic;
        ObjectNode json;
        byte[] bytes;
        String raw;
        final FeedTopic.Kind kind;
        final Sender sender;
        String mutation;

        Draft(String topic, ObjectNode json, FeedTopic.Kind kind, Sender sender) {
            this.topic = topic;
            this.json = json;
            this.kind = kind;
            this.sender = sender;
        }

        byte[] serialized() {
            try {
                String text = JSON.writeValueAsString(json);
                if (raw != null) {
                    text = text.replace("\"" + RAW + "\"", raw);
                }
                return text.getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        Fuzzed finish() {
            byte[] payload = bytes != null ? bytes : serialized();
            return new Fuzzed(topic, payload, kind, mutation, keyOf(topic, payload), routed(topic));
        }
    }

    // ================================================================ valid messages from the schemas

    /** A valid message of {@code kind}: the schema's required fields, optional ones at random, dependents together. */
    ObjectNode valid(FeedTopic.Kind kind, Sender sender, String id) {
        JsonNode schema = schemas.get(kind);
        Instant at = now.minusSeconds(60 + random.nextInt(36 * 3600));
        Set<String> fields = chooseFields(schema, kind);
        ObjectNode out = NODES.objectNode();
        for (Iterator<String> names = schema.get("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (fields.contains(name)) {
                out.set(name, value(kind, name, schema.get("properties").get(name), sender, id, at));
            }
        }
        return out;
    }

    private Set<String> chooseFields(JsonNode schema, FeedTopic.Kind kind) {
        Set<String> fields = new LinkedHashSet<>();
        schema.get("required").forEach(r -> fields.add(r.asText()));
        for (Iterator<String> names = schema.get("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // A registered sensor does not move: only a few alarms carry a position of their own.
            double chance = kind == FeedTopic.Kind.ALARM && (name.equals("lon") || name.equals("lat")) ? 0.1 : 0.5;
            if (!fields.contains(name) && random.nextDouble() < chance) {
                fields.add(name);
            }
        }
        JsonNode dependent = schema.get("dependentRequired");
        if (dependent != null) {
            boolean grew = true;
            while (grew) {
                grew = false;
                for (String present : List.copyOf(fields)) {
                    JsonNode needs = dependent.get(present);
                    if (needs != null) {
                        for (JsonNode n : needs) {
                            grew |= fields.add(n.asText());
                        }
                    }
                }
            }
        }
        return fields;
    }

    /** A valid value of one schema field, for this sender: the domain decides what the schema only types. */
    private JsonNode value(FeedTopic.Kind kind, String field, JsonNode spec, Sender sender, String id, Instant at) {
        GeoPoint near = near(sender.home());
        return switch (field) {
            case "v" -> NODES.numberNode(spec.get("const").asInt());
            case "id" -> NODES.textNode(id);
            case "workerId", "sensorId" -> NODES.textNode(sender.id());
            case "at" -> NODES.textNode(time(at));
            // A base message keeps the datum of GPS: a GCJ-02 or BD-09 shift (hundreds of metres) is a mutation.
            case "datum" -> NODES.textNode(random.nextBoolean() ? "wgs84" : "cgcs2000");
            case "lon" -> NODES.numberNode(kind == FeedTopic.Kind.ALARM ? sender.home().lon() : near.lon());
            case "lat" -> NODES.numberNode(kind == FeedTopic.Kind.ALARM ? sender.home().lat() : near.lat());
            case "accuracy" -> NODES.numberNode(Math.round(random.nextDouble() * 300) / 10.0);
            case "state" -> NODES.textNode(enumValue(spec));
            case "category" -> NODES.textNode(pick(minorCategories));
            case "address" -> NODES.textNode(pick(List.of("唐家湾镇山房路 12 号旁", "Fenghuang Rd 8", "东岸社区 3 栋")));
            case "description" -> NODES.textNode(pick(List.of("井盖缺失 / Manhole cover missing",
                    "Street light out at the bus stop", "占道经营", "Fallen tree blocks the lane")));
            case "priority", "eventClass", "level" -> NODES.textNode(enumValue(spec));
            case "attachments" -> attachments();
            case "kind" -> NODES.textNode(sender.sensorKind());
            case "value" -> {
                KindRange range = kinds.get(sender.sensorKind());
                yield NODES.numberNode(Math.round((range.min() + random.nextDouble() * (range.max() - range.min()))
                        * 10) / 10.0);
            }
            case "unit" -> NODES.textNode(kinds.get(sender.sensorKind()).unit());
            case "message" -> NODES.textNode("ALARM obscuration above threshold");
            case "fixes" -> fixes(sender, at);
            default -> throw new IllegalStateException("the " + kind.level() + " schema has a field '" + field
                    + "' the fuzzer cannot fill: teach FeedFuzzer.value about it");
        };
    }

    private ArrayNode fixes(Sender sender, Instant sentAt) {
        ArrayNode list = NODES.arrayNode();
        int n = 1 + random.nextInt(5);
        for (int i = n - 1; i >= 0; i--) {
            GeoPoint p = near(sender.home());
            ObjectNode f = NODES.objectNode();
            f.put("at", time(sentAt.minusSeconds(10L * i)));
            f.put("lon", p.lon());
            f.put("lat", p.lat());
            if (random.nextBoolean()) {
                f.put("accuracy", 5);
            }
            list.add(f);
        }
        return list;
    }

    private ArrayNode attachments() {
        ArrayNode list = NODES.arrayNode();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            ObjectNode a = NODES.objectNode();
            a.put("name", "IMG_" + (1000 + random.nextInt(9000)) + ".jpg");
            a.put("mediaType", "image/jpeg");
            a.put("size", 1 + random.nextInt(5_000_000));
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            a.put("sha256", java.util.HexFormat.of().formatHex(digest));
            list.add(a);
        }
        return list;
    }

    /** Within about 20 m of home: two such points are always closer than the jump rule's 100 m allowance. */
    private GeoPoint near(GeoPoint home) {
        return new GeoPoint(round7(home.lon() + (random.nextDouble() - 0.5) * 0.0003),
                round7(home.lat() + (random.nextDouble() - 0.5) * 0.0003));
    }

    private String time(Instant at) {
        return random.nextBoolean() ? at.toString() : PLUS_EIGHT.format(at);
    }

    private String enumValue(JsonNode spec) {
        JsonNode values = spec.get("enum");
        return values.get(random.nextInt(values.size())).asText();
    }

    // ================================================================ one field broken

    /** A field of the schema, top level or inside an array item, and the object that holds it. */
    private record FieldRef(ObjectNode holder, String name, JsonNode spec, String path) {
    }

    private void mutateField(Draft d) {
        FieldRef f = pickField(d);
        JsonNode spec = f.spec();
        String type = spec.has("type") ? spec.get("type").asText()
                : spec.has("enum") || spec.has("const") ? "enum" : "any";
        List<String> options = new ArrayList<>(List.of("removed", "wrong_type", "null", "empty", "huge_string",
                "huge_number", "1e400", "nan_like", "negative", "nested_deep", "unicode_control", "raw_control_char"));
        if (spec.has("enum") || spec.has("const")) {
            options.add("outside_enum");
        }
        if (spec.has("pattern")) {
            options.add("pattern_break");
            options.add("pattern_break");
        }
        if (f.name().equals("category")) {
            options.addAll(List.of("not_in_dictionary", "not_in_dictionary"));
        }
        if (f.name().equals("at")) {
            options.addAll(List.of("time_far", "time_far", "time_far"));
        }
        if (spec.has("maxLength") || spec.has("maximum") || spec.has("maxItems")) {
            options.add("at_limit");
        }
        String m = pick(options);
        d.mutation = f.path().replaceAll("\\[\\d+]", "[]") + ": " + m;
        ObjectNode h = f.holder();
        String n = f.name();
        switch (m) {
            case "removed" -> h.remove(n);
            case "wrong_type" -> h.set(n, switch (type) {
                case "number", "integer" -> NODES.textNode(h.has(n) ? h.get(n).asText() : "12.5");
                case "array" -> NODES.objectNode().put("0", "x");
                case "object" -> NODES.textNode("object");
                default -> pick(List.of(NODES.numberNode(42), NODES.booleanNode(true), NODES.arrayNode().add("x"),
                        NODES.objectNode().put("value", h.has(n) ? h.get(n).asText() : "x")));
            });
            case "null" -> h.set(n, NODES.nullNode());
            case "empty" -> h.set(n, type.equals("array") ? NODES.arrayNode()
                    : type.equals("object") ? NODES.objectNode() : NODES.textNode(""));
            case "huge_string" -> {
                // Mostly within the payload limit, so the schema has to catch it; now and then past it (OVERSIZED).
                int len = random.nextInt(8) == 0 ? 70_000
                        : pick(List.of(spec.has("maxLength") ? spec.get("maxLength").asInt() + 1 : 65, 5_000));
                h.set(n, NODES.textNode(filler(len)));
            }
            case "huge_number" -> h.set(n, pick(List.of(NODES.numberNode(1e308), NODES.numberNode(-1e308),
                    NODES.numberNode(new BigInteger("123456789012345678901234567890")),
                    NODES.numberNode(new BigInteger("9223372036854775808")), NODES.numberNode(Double.MAX_VALUE))));
            case "1e400" -> raw(d, h, n, pick(List.of("1e400", "-1e400", "1E+400", "0." + "0".repeat(400) + "1")));
            case "nan_like" -> {
                if (random.nextBoolean()) {
                    raw(d, h, n, pick(List.of("NaN", "Infinity", "-Infinity", "+1", "0x1F", ".5", "01")));
                } else {
                    h.set(n, NODES.textNode(pick(List.of("NaN", "Infinity", "-0", "1e400", "null", "undefined"))));
                }
            }
            case "negative" -> h.set(n, negative(h.get(n)));
            case "nested_deep" -> {
                int depth = random.nextInt(8) == 0 ? 40_000 : pick(List.of(64, 1_500, 20_000));
                raw(d, h, n, pick(List.of("[", "{\"a\":")).equals("[") ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            }
            case "unicode_control" -> h.set(n, NODES.textNode(pick(List.of("\u0000", "\u001b[31m", "\u0007",
                    "\u202eevil", "\u200b", "😀🔥", "网格员", "\uFEFF", "\r\n", "\\", "\"", "'; DROP TABLE cases;--",
                    "=HYPERLINK(\"http://x\")")) + (h.has(n) ? h.get(n).asText() : "")));
            case "raw_control_char" -> raw(d, h, n, pick(List.of("\"a\u0001b\"", "\"\u0000\"", "\"line\nbreak\"",
                    "\"\\ud800\"", "\"\\udfff lone\"", "\"\\u00\"", "\"\\x41\"")));
            case "outside_enum" -> h.set(n, pick(List.of(NODES.textNode("ON_DUTY"), NODES.textNode("wgs-84"),
                    NODES.numberNode(2), NODES.numberNode(0), NODES.textNode("V"), NODES.textNode("critical"),
                    NODES.numberNode(1.0))));
            case "pattern_break" -> h.set(n, NODES.textNode(pick(List.of(" ", "-", "../", "中文", "a b", "%00"))
                    + (h.has(n) ? h.get(n).asText() : "x")));
            case "time_far" -> h.set(n, NODES.textNode(farTime()));
            case "at_limit" -> atLimit(h, n, spec);
            // Fits the pattern, but the intake knows no such minor category (a major one, or none at all).
            case "not_in_dictionary" -> h.set(n, NODES.textNode(random.nextBoolean() ? pick(majorCategories) : "9999"));
            default -> throw new IllegalStateException(m);
        }
    }

    private FieldRef pickField(Draft d) {
        JsonNode schema = schemas.get(d.kind);
        List<FieldRef> refs = new ArrayList<>();
        for (Iterator<String> names = schema.get("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            refs.add(new FieldRef(d.json, name, schema.get("properties").get(name), name));
        }
        for (String array : List.of("fixes", "attachments")) {
            JsonNode items = d.json.get(array);
            if (items != null && items.isArray() && !items.isEmpty()) {
                int i = random.nextInt(items.size());
                JsonNode itemSpec = schema.get("properties").get(array).get("items");
                for (Iterator<String> names = itemSpec.get("properties").fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    refs.add(new FieldRef((ObjectNode) items.get(i), name, itemSpec.get("properties").get(name),
                            array + "[" + i + "]." + name));
                }
            }
        }
        return pick(refs);
    }

    private void raw(Draft d, ObjectNode holder, String name, String text) {
        holder.set(name, TextNode.valueOf(RAW));
        d.raw = text;
    }

    private JsonNode negative(JsonNode v) {
        if (v != null && v.isNumber()) {
            return NODES.numberNode(v.asDouble() == 0 ? -1 : -Math.abs(v.asDouble()));
        }
        if (v != null && v.isTextual()) {
            return NODES.textNode("-" + v.asText());
        }
        return NODES.numberNode(-1);
    }

    private void atLimit(ObjectNode h, String n, JsonNode spec) {
        if (spec.has("maxLength")) {
            h.set(n, NODES.textNode(random.nextBoolean() ? filler(spec.get("maxLength").asInt())
                    : filler(spec.get("maxLength").asInt() + 1)));
        } else if (spec.has("maximum")) {
            double max = spec.get("maximum").asDouble();
            h.set(n, NODES.numberNode(random.nextBoolean() ? max : max + 0.001));
        } else {
            ArrayNode items = h.has(n) && h.get(n).isArray() ? (ArrayNode) h.get(n) : NODES.arrayNode();
            int limit = spec.get("maxItems").asInt() + (random.nextBoolean() ? 0 : 1);
            ArrayNode grown = NODES.arrayNode();
            for (int i = 0; i < limit && !items.isEmpty(); i++) {
                grown.add(items.get(i % items.size()).deepCopy());
            }
            h.set(n, grown);
        }
    }

    /** A time too far back or ahead for any window, or one that fits the pattern but is no date. */
    private String farTime() {
        return pick(List.of("0001-01-01T00:00:00Z", "1900-01-01T08:00:00+08:00", "1960-05-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2109-06-01T00:00:00Z",
                now.plus(Duration.ofMinutes(3)).toString(), now.plus(Duration.ofDays(1)).toString(),
                now.minus(Duration.ofDays(8)).toString(), now.minus(Duration.ofDays(3)).toString(),
                "2026-02-30T10:00:00Z", "2026-03-02T24:00:00Z", "2026-03-02T10:00:60Z", "2026-03-02T10:00:00+24:00",
                "2026-03-02T10:00:00-18:00", "2026-03-02 10:00:00Z", String.valueOf(now.toEpochMilli()),
                now.toString().replace("Z", "+00:00"), now.minusSeconds(30).toString().replace("Z", ".123456789Z")));
    }

    // ================================================================ the message as a whole

    private void mutateMessage(Draft d) {
        String m = pick(List.of("duplicate_key", "unknown_field", "wrong_sender", "wrong_sender", "topic_variation",
                "topic_variation", "topic_variation", "other_district", "id_of_another_sender",
                "id_of_another_sender", "swapped_coordinates", "coordinates_elsewhere", "other_datum", "random_bytes",
                "random_bytes", "truncated", "truncated", "not_an_object", "byte_order_mark", "invalid_utf8",
                "trailing_data", "replay", "replay", "wrong_kind_payload", "empty_payload"));
        d.mutation = m;
        String senderField = d.kind.senderField();
        switch (m) {
            case "duplicate_key" -> {
                String text = new String(d.serialized(), StandardCharsets.UTF_8);
                String field = pick(List.of("id", senderField, "at", "v"));
                String repeated = "\"" + field + "\":"
                        + (field.equals("v") ? "1" : "\"" + d.json.path(field).asText() + "x\"");
                d.bytes = ("{" + repeated + "," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
            }
            case "unknown_field" -> d.json.put(pick(List.of("extra", "__proto__", "$schema", "workerid", "ID", "")),
                    pick(List.of("1", "x")));
            case "wrong_sender" -> d.json.put(senderField, pick(List.of(pick(otherSenderIds), "W9999", "S9999",
                    d.sender.id().toLowerCase(Locale.ROOT), d.sender.id() + " ", pick(workers).id(),
                    pick(sensors).id())));
            case "topic_variation" -> d.topic = topicVariation(d);
            case "other_district" -> d.topic = "gc/v1/" + pick(List.of("440403", "44040", "4404020", "000000",
                    "110101")) + "/" + d.kind.level() + "/" + d.sender.id();
            case "id_of_another_sender" -> d.json.put("id", anotherSendersId(d.sender.id()));
            case "swapped_coordinates" -> swapCoordinates(d.json);
            case "coordinates_elsewhere" -> moveCoordinates(d.json);
            case "other_datum" -> {
                if (!setIfPositioned(d.json, "datum", NODES.textNode(pick(List.of("gcj02", "bd09"))))) {
                    d.json.put("datum", "gcj02");
                }
            }
            case "random_bytes" -> {
                byte[] b = new byte[random.nextInt(50) == 0 ? 1 + random.nextInt(100_000) : 1 + random.nextInt(600)];
                random.nextBytes(b);
                d.bytes = b;
            }
            case "truncated" -> {
                byte[] whole = d.serialized();
                d.bytes = Arrays.copyOf(whole, random.nextInt(whole.length));
            }
            case "not_an_object" -> d.bytes = pick(List.of("[]", "[{}]", "\"text\"", "42", "null", "true", "-0.0",
                    "[" + new String(d.serialized(), StandardCharsets.UTF_8) + "]")).getBytes(StandardCharsets.UTF_8);
            case "byte_order_mark" -> d.bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    d.serialized());
            case "invalid_utf8" -> {
                byte[] b = d.serialized();
                int at = random.nextInt(b.length);
                b[at] = pick(List.of((byte) 0xFF, (byte) 0xC3, (byte) 0x80, (byte) 0xED));
                d.bytes = b;
            }
            case "trailing_data" -> d.bytes = concat(d.serialized(),
                    pick(List.of("{}", " x", "\u0000", "]", ",{\"v\":1}"))
                    .getBytes(StandardCharsets.UTF_8));
            case "replay" -> {
                if (replayable.isEmpty()) {
                    d.json.remove("v");
                } else {
                    Fuzzed earlier = pick(replayable);
                    d.topic = earlier.topic();
                    d.bytes = earlier.payload();
                    return;
                }
            }
            case "wrong_kind_payload" -> {
                FeedTopic.Kind other = pick(List.of(FeedTopic.Kind.values()));
                Sender s = other == FeedTopic.Kind.ALARM ? pick(sensors) : d.sender.sensorKind() == null ? d.sender
                        : pick(workers);
                d.json = valid(other, s, d.json.path("id").asText("fz-" + sequence));
            }
            case "empty_payload" -> d.bytes = new byte[0];
            default -> throw new IllegalStateException(m);
        }
    }

    /** A topic one step off: reaching the seat (5 levels under this district) or not. */
    private String topicVariation(Draft d) {
        String base = "gc/v1/" + district + "/";
        String kind = d.kind.level();
        String id = d.sender.id();
        return pick(List.of(
                base + kind.toUpperCase(Locale.ROOT) + "/" + id,
                base + "position/" + id,
                base + "/" + id,
                base + kind + " /" + id,
                base + pick(List.of(FeedTopic.Kind.values())).level() + "/" + id,
                base + kind + "/",
                base + kind + "/" + id.toLowerCase(Locale.ROOT),
                base + kind + "/" + id + " ",
                base + kind + "/" + id + "é",
                base + kind + "/网格员",
                base + kind + "/" + "W".repeat(65),
                base + kind + "/" + "W".repeat(300),
                base + kind + "/." + id,
                base + kind + "/" + pick(workers).id(),
                base + kind + "/" + pick(sensors).id(),
                base + kind + "/" + pick(otherSenderIds),
                base + kind + "/W9999",
                base + kind + "/" + id + "/extra",
                base + kind,
                "gc/v2/" + district + "/" + kind + "/" + id,
                "GC/v1/" + district + "/" + kind + "/" + id,
                "/gc/v1/" + district + "/" + kind + "/" + id,
                "gc/v1/" + district + "/" + kind + "/" + id + "/"));
    }

    /** An id that another, valid sender uses in this run, never twice for the same fuzzed sender. */
    private String anotherSendersId(String senderId) {
        for (int attempt = 0; attempt < 100; attempt++) {
            MessageKey theirs = othersMessage.apply(random);
            if (usedKeys.add(new MessageKey(senderId, theirs.messageId()))) {
                return theirs.messageId();
            }
        }
        return "fz-" + sequence; // every id of theirs is taken for this sender: keep its own
    }

    private void swapCoordinates(ObjectNode json) {
        ObjectNode target = positioned(json);
        if (target == null) {
            json.put("lon", 22.36);
            json.put("lat", 113.58);
            return;
        }
        JsonNode lon = target.get("lon");
        target.set("lon", target.get("lat"));
        target.set("lat", lon);
    }

    private void moveCoordinates(ObjectNode json) {
        ObjectNode target = positioned(json);
        if (target == null) {
            target = json;
        }
        String where = pick(List.of("null", "far", "range"));
        switch (where) {
            case "null" -> {
                target.put("lon", 0);
                target.put("lat", 0);
            }
            case "far" -> {
                target.put("lon", target.path("lon").asDouble(113.5) + 2);
                target.put("lat", target.path("lat").asDouble(22.3));
            }
            default -> {
                target.put("lon", 181.5);
                target.put("lat", -91);
            }
        }
    }

    /** The object that holds this message's position (a track: one of its fixes), or null when it has none. */
    private ObjectNode positioned(ObjectNode json) {
        if (json.has("lon") && json.has("lat")) {
            return json;
        }
        JsonNode fixes = json.get("fixes");
        if (fixes != null && fixes.isArray() && !fixes.isEmpty()) {
            return (ObjectNode) fixes.get(random.nextInt(fixes.size()));
        }
        return null;
    }

    private boolean setIfPositioned(ObjectNode json, String field, JsonNode value) {
        if (json.has("lon") || json.has("fixes")) {
            json.set(field, value);
            return true;
        }
        return false;
    }

    // ================================================================ what the console can key it by

    /** Whether the seat's subscription {@code gc/v1/<district>/+/+} delivers a message published on this topic. */
    boolean routed(String topic) {
        String[] levels = topic.split("/", -1);
        return levels.length == 5 && levels[0].equals("gc") && levels[1].equals("v1") && levels[2].equals(district);
    }

    /**
     * The key the console could give the message: the topic's sender when the topic is one of the protocol's, and the
     * payload's id when it reads as a JSON object with a usable id. Read leniently: it may name a key the console does
     * not use (it refuses the bytes first), never miss one it does.
     */
    private MessageKey keyOf(String topic, byte[] payload) {
        String[] levels = topic.split("/", -1);
        if (!routed(topic) || KIND_LEVELS.stream().noneMatch(levels[3]::equals)
                || !SENDER.matcher(levels[4]).matches()) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(payload);
            JsonNode id = root == null ? null : root.get("id");
            if (id != null && id.isTextual() && MESSAGE_ID.matcher(id.asText()).matches()) {
                return new MessageKey(levels[4], id.asText());
            }
        } catch (IOException | RuntimeException notJson) {
            // not JSON to a lenient reader either: no key
        }
        return null;
    }

    // ================================================================ helpers

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static <T> List<T> weights(Object... kindsAndWeights) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < kindsAndWeights.length; i += 2) {
            @SuppressWarnings("unchecked")
            T item = (T) kindsAndWeights[i];
            for (int w = 0; w < (Integer) kindsAndWeights[i + 1]; w++) {
                out.add(item);
            }
        }
        return out;
    }

    private String filler(int length) {
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

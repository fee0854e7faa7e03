package org.gridcommand.feed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gridcommand.cases.Attachment;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.Priority;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;

/**
 * Turns one MQTT message of the field protocol ({@code docs/field-protocol.md}) into an accepted
 * {@link FieldMessage} or a {@link Quarantined} one with its reason and a sentence naming the field and the
 * problem. It never throws for bad input, whatever the bytes are; only a failure of the caller's own
 * look-ups (known worker, last fix) propagates, so that a store that is down never turns good messages into
 * quarantined ones.
 *
 * <p>Checks, in order (the first failure is the reason): topic ({@link QuarantineReason#UNKNOWN_TOPIC});
 * size, UTF-8 and JSON ({@link QuarantineReason#MALFORMED_JSON}); version, the message's JSON Schema, the
 * sender id against the topic's, the timestamp's form ({@link QuarantineReason#SCHEMA_VIOLATION}); known
 * worker or sensor ({@link QuarantineReason#UNKNOWN_WORKER}, {@link QuarantineReason#UNKNOWN_SENSOR});
 * timestamp within its kind's window around the receipt ({@link QuarantineReason#FUTURE_TIMESTAMP},
 * {@link QuarantineReason#STALE_TIMESTAMP}; {@code assets/feed/plausibility.json}); coordinates in range, not
 * swapped and inside the district's plausible region ({@link QuarantineReason#IMPLAUSIBLE_COORDINATES});
 * for a GPS fix, the speed from the worker's last accepted fix ({@link QuarantineReason#IMPOSSIBLE_JUMP}); and for
 * a sensor alarm, a reading within its kind's range ({@link QuarantineReason#IMPLAUSIBLE_VALUE}). A payload larger
 * than the protocol allows is refused unread ({@link QuarantineReason#OVERSIZED}).
 *
 * <p>Positions are converted to WGS-84 from the message's datum. Thread-safe when the look-ups are. The
 * parser stores nothing: the caller keeps the last accepted fix per worker up to date ({@link LastFixes#get}).
 */
public final class FeedParser {
    /** The message layout versions this parser reads. */
    public static final Set<Integer> VERSIONS = Set.of(1);
    static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final int MAX_DETAIL = 500;
    private static final int MAX_SCHEMA_ERRORS_SHOWN = 3;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final FeedParserSettings settings;
    private final FeedSchemas schemas;
    private final Predicate<String> knownWorker;
    private final SensorRegistry sensors;
    private final Function<String, Optional<GpsFix>> lastFix;

    /**
     * @param knownWorker whether a worker id belongs to a grid worker of the district
     * @param lastFix     the worker's last accepted fix (for the jump check); the caller keeps it current
     */
    public FeedParser(FeedParserSettings settings, FeedSchemas schemas, Predicate<String> knownWorker,
                      SensorRegistry sensors, Function<String, Optional<GpsFix>> lastFix) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.knownWorker = Objects.requireNonNull(knownWorker, "knownWorker");
        this.sensors = Objects.requireNonNull(sensors, "sensors");
        this.lastFix = Objects.requireNonNull(lastFix, "lastFix");
    }

    /**
     * A parser for the district with the default limits: its admin code in the topics, its grid workers as
     * the known workers, its outline's envelope grown by 50 km as the plausible region, the shipped schemas.
     */
    public static FeedParser forDistrict(District district, SensorRegistry sensors,
                                         Function<String, Optional<GpsFix>> lastFix) {
        Set<String> workers = district.gridWorkers().stream().map(GridWorker::id).collect(Collectors.toUnmodifiableSet());
        PlausibleRegion region = PlausibleRegion.around(district.outline().getEnvelopeInternal(),
                PlausibleRegion.DEFAULT_MARGIN_KM);
        return new FeedParser(FeedParserSettings.defaults(district.adminCode(), region), FeedSchemas.load(),
                workers::contains, sensors, lastFix);
    }

    public FeedParserSettings settings() {
        return settings;
    }

    /** Parses one message as received from the broker at {@code receivedAt}; never throws for bad input. */
    public ParseOutcome parse(String topic, byte[] payload, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        return parse(new FeedDelivery(topic == null ? "" : topic, payload == null ? new byte[0] : payload.clone(),
                receivedAt, () -> { }));
    }

    /** Parses one delivery; never throws for bad input. */
    public ParseOutcome parse(FeedDelivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        Message m = new Message(delivery);
        try {
            return new ParseOutcome.Accepted(read(m));
        } catch (Refused r) {
            return new ParseOutcome.Rejected(Quarantined.of(delivery, r.reason, clip(r.getMessage()), m.senderId(),
                    m.messageId));
        } catch (LookupFailed e) {
            throw e.cause;
        } catch (RuntimeException | StackOverflowError e) {
            // A defect here must not stop the intake: the message is kept with what went wrong.
            return new ParseOutcome.Rejected(Quarantined.of(delivery, QuarantineReason.SCHEMA_VIOLATION,
                    clip(m.label() + ": could not be read (" + e + ")"), m.senderId(), m.messageId));
        }
    }

    // ---------------------------------------------------------------- the checks

    private FieldMessage read(Message m) {
        FeedTopic.Parsed parsed = FeedTopic.parse(m.topic, settings.districtCode());
        if (parsed.topic() == null) {
            throw new Refused(QuarantineReason.UNKNOWN_TOPIC, "topic: " + parsed.error());
        }
        m.topicParsed = parsed.topic();
        FeedTopic.Kind kind = parsed.topic().kind();
        JsonNode root = json(m);
        JsonNode id = root.get("id");
        if (id != null && id.isTextual() && MESSAGE_ID.matcher(id.asText()).matches()) {
            m.messageId = id.asText();
        }
        checkSchema(m, kind, root);
        String sender = root.get(kind.senderField()).asText();
        if (!sender.equals(parsed.topic().senderId())) {
            throw new Refused(QuarantineReason.SCHEMA_VIOLATION, m.label() + ": " + kind.senderField() + " " + sender
                    + " does not match the topic's " + parsed.topic().senderId() + " (" + parsed.topic().topic() + ")");
        }
        Instant at = timestamp(m, root.get("at").asText());
        FeedPlausibility.Window window = settings.plausibility().window(kind);
        Sensor sensor = null;
        if (kind.fromWorker()) {
            if (!lookup(() -> knownWorker.test(sender))) {
                throw new Refused(QuarantineReason.UNKNOWN_WORKER, m.label() + ": workerId " + sender
                        + " is not a grid worker of district " + settings.districtCode());
            }
        } else {
            Sensor registeredSensor = sensors.find(sender).orElseThrow(() -> new Refused(QuarantineReason.UNKNOWN_SENSOR,
                    m.label() + ": sensorId " + sender + " is not a registered sensor of district "
                            + settings.districtCode()));
            sensor = registeredSensor;
            String said = root.get("kind").asText();
            if (!said.equals(registeredSensor.kind())) {
                String code = registeredSensor.kind();
                String registered = sensors.kind(code).map(k -> code + " (" + k.name().en() + ")").orElse(code);
                throw new Refused(QuarantineReason.UNKNOWN_SENSOR, m.label() + ": kind " + said + " does not match sensor "
                        + sender + ", registered as " + registered + " (wrong sensor id?)");
            }
        }
        checkTime(m.label(), root.get("at").asText(), at, window, m.receivedAt);
        String messageId = root.get("id").asText();
        return switch (kind) {
            case GPS -> gps(m, root, messageId, sender, at);
            case TRACK -> track(m, root, messageId, sender, window);
            case STATUS -> new WorkerStatus(messageId, sender, at, "on_duty".equals(root.get("state").asText()));
            case REPORT -> report(m, root, messageId, sender, at);
            case ALARM -> alarm(m, root, messageId, sensor, at);
        };
    }

    private JsonNode json(Message m) {
        byte[] bytes = m.payload;
        if (m.size > settings.maxPayloadBytes() || m.truncated) {
            throw new Refused(QuarantineReason.OVERSIZED, String.format(Locale.ROOT,
                    "%s: payload is %,d bytes; at most %,d are read (its first %,d bytes, size and SHA-256 are kept)",
                    m.label(), m.size, settings.maxPayloadBytes(), Math.min(m.size, Quarantined.KEPT_BYTES)));
        }
        if (bytes.length == 0) {
            throw new Refused(QuarantineReason.MALFORMED_JSON, m.label() + ": empty payload");
        }
        String text;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(in);
            text = chars.toString();
        } catch (MalformedInputException e) {
            throw new Refused(QuarantineReason.MALFORMED_JSON, m.label() + ": payload is not UTF-8 (bad byte 0x"
                    + String.format(Locale.ROOT, "%02x", bytes[Math.min(bytes.length - 1, in.position())] & 0xff)
                    + " at offset " + in.position() + ")");
        } catch (CharacterCodingException e) {
            throw new Refused(QuarantineReason.MALFORMED_JSON, m.label() + ": payload is not UTF-8 (" + e + ")");
        }
        if (text.startsWith("\uFEFF")) {
            throw new Refused(QuarantineReason.MALFORMED_JSON, m.label()
                    + ": payload starts with a byte-order mark; send UTF-8 JSON without one");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new Refused(QuarantineReason.MALFORMED_JSON, m.label() + ": not JSON: " + e.getOriginalMessage()
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        }
        if (root == null || root.isMissingNode()) {
            throw new Refused(QuarantineReason.MALFORMED_JSON, m.label() + ": no JSON value in the payload");
        }
        return root;
    }

    private void checkSchema(Message m, FeedTopic.Kind kind, JsonNode root) {
        if (!root.isObject()) {
            throw new Refused(QuarantineReason.SCHEMA_VIOLATION, m.label() + ": the payload is a JSON "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        JsonNode v = root.get("v");
        if (v != null && v.isIntegralNumber() && !VERSIONS.contains(v.asInt())) {
            throw new Refused(QuarantineReason.SCHEMA_VIOLATION, m.label() + ": v " + v.asText()
                    + " is not a message version this console reads (" + VERSIONS.stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ")");
        }
        List<String> violations = schemas.violations(kind, root);
        if (!violations.isEmpty()) {
            List<String> shown = new ArrayList<>(violations.subList(0, Math.min(MAX_SCHEMA_ERRORS_SHOWN, violations.size())));
            String more = violations.size() > shown.size() ? " (and " + (violations.size() - shown.size()) + " more)" : "";
            throw new Refused(QuarantineReason.SCHEMA_VIOLATION, m.label() + ": " + String.join("; ", shown) + more);
        }
    }

    /** FUTURE_TIMESTAMP or STALE_TIMESTAMP when {@code at} lies outside the kind's window around the receipt. */
    private static void checkTime(String label, String text, Instant at, FeedPlausibility.Window window,
                                  Instant receivedAt) {
        if (at.isAfter(window.latest(receivedAt))) {
            throw new Refused(QuarantineReason.FUTURE_TIMESTAMP, label + ": at " + FeedTopic.shorten(text) + " is "
                    + human(Duration.between(receivedAt, at)) + " ahead of the receipt time " + receivedAt
                    + " (at most " + human(window.maxAhead()) + " ahead is accepted; is the device clock wrong?)");
        }
        if (at.isBefore(window.earliest(receivedAt))) {
            throw new Refused(QuarantineReason.STALE_TIMESTAMP, label + ": at " + FeedTopic.shorten(text) + " is "
                    + human(Duration.between(at, receivedAt)) + " before the receipt time " + receivedAt
                    + " (at most " + human(window.maxAge()) + " old is accepted; is the device clock wrong?)");
        }
    }

    private static Instant timestamp(Message m, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refused(QuarantineReason.SCHEMA_VIOLATION, m.label() + ": at '" + FeedTopic.shorten(text)
                    + "' is not a date-time (" + e.getMessage().replaceFirst("^Text '.*' ", "") + ")");
        }
    }

    // ---------------------------------------------------------------- the messages

    private GpsFix gps(Message m, JsonNode root, String messageId, String workerId, Instant at) {
        GeoPoint p = position(m, root);
        double accuracy = root.has("accuracy") ? root.get("accuracy").asDouble() : Double.NaN;
        GpsFix fix = new GpsFix(messageId, workerId, at, p, accuracy);
        Optional<GpsFix> previous = lookup(() -> lastFix.apply(workerId));
        if (previous != null && previous.isPresent()) {
            checkJump(m.label(), previous.get(), fix);
        }
        return fix;
    }

    /**
     * A buffered upload: every fix is checked like a single one (time, coordinates), and each against the one
     * before it in time (the first against the worker's last accepted fix), so one bad fix refuses the message.
     */
    private GpsTrack track(Message m, JsonNode root, String messageId, String workerId, FeedPlausibility.Window window) {
        String datum = text(root, "datum");
        JsonNode list = root.get("fixes");
        List<GpsFix> fixes = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode f = list.get(i);
            String label = m.label() + " fixes[" + i + "]";
            Instant at = timestamp(m, f.get("at").asText());
            checkTime(label, f.get("at").asText(), at, window, m.receivedAt);
            GeoPoint p = position(label, f, datum);
            double accuracy = f.has("accuracy") ? f.get("accuracy").asDouble() : Double.NaN;
            fixes.add(new GpsFix(messageId, workerId, at, p, accuracy));
        }
        fixes.sort(java.util.Comparator.comparing(GpsFix::at));
        Optional<GpsFix> previous = lookup(() -> lastFix.apply(workerId));
        GpsFix before = previous != null && previous.isPresent() ? previous.get() : null;
        for (GpsFix fix : fixes) {
            if (before != null) {
                checkJump(m.label(), before, fix);
            }
            if (before == null || !fix.at().isBefore(before.at())) {
                before = fix;
            }
        }
        return new GpsTrack(messageId, workerId, fixes.get(fixes.size() - 1).at(), fixes);
    }

    /** IMPOSSIBLE_JUMP when the worker could not have gone from {@code prev} to {@code fix}; older fixes are not compared. */
    private void checkJump(String label, GpsFix prev, GpsFix fix) {
        if (fix.at().isBefore(prev.at())) {
            return;
        }
        double metres = prev.position().distanceMetres(fix.position());
        double seconds = Duration.between(prev.at(), fix.at()).toMillis() / 1000.0;
        double allowed = settings.maxSpeedKmh() / 3.6 * seconds + settings.jumpAllowanceMetres();
        if (metres > allowed) {
            String speed = seconds > 0
                    ? String.format(Locale.ROOT, "%.0f km/h", metres / seconds * 3.6) : "no time between them";
            throw new Refused(QuarantineReason.IMPOSSIBLE_JUMP, label + ": worker " + fix.workerId() + " moved "
                    + distance(metres) + " in " + human(Duration.between(prev.at(), fix.at())) + " since fix "
                    + prev.messageId() + " at " + prev.at() + " (" + speed + "; at most "
                    + fmt(settings.maxSpeedKmh()) + " km/h is plausible)");
        }
    }

    private FieldReport report(Message m, JsonNode root, String messageId, String workerId, Instant at) {
        GeoPoint p = position(m, root);
        List<Attachment> attachments = new ArrayList<>();
        if (root.has("attachments")) {
            for (JsonNode a : root.get("attachments")) {
                attachments.add(new Attachment(a.get("name").asText(), a.get("mediaType").asText(), a.get("size").asLong(),
                        a.get("sha256").asText()));
            }
        }
        CaseReport report = CaseReport.builder()
                .channel(Channel.GRID_WORKER)
                .reportId(new MessageKey(workerId, messageId).reportId())
                .receivedVia("field feed, topic " + m.topic + ", message " + messageId)
                .reportedBy(workerId)
                .categoryCode(root.get("category").asText())
                .at(p.lon(), p.lat(), Datum.WGS84)
                .address(text(root, "address"))
                .description(root.get("description").asText().strip())
                .attachments(attachments)
                .priority(enumOf(Priority.class, text(root, "priority")))
                .eventClass(enumOf(EmergencyClass.class, text(root, "eventClass")))
                .level(enumOf(EmergencyLevel.class, text(root, "level")))
                .reportedAt(at)
                .build();
        return new FieldReport(messageId, workerId, at, report);
    }

    private SensorAlarm alarm(Message m, JsonNode root, String messageId, Sensor sensor, Instant at) {
        GeoPoint p = root.has("lon") ? position(m, root) : sensor.position();
        double value = Double.NaN;
        if (root.has("value")) {
            value = root.get("value").asDouble();
            Optional<SensorKind> kind = sensors.kind(sensor.kind());
            boolean plausible = kind.map(k -> k.plausible(root.get("value").asDouble()))
                    .orElse(Double.isFinite(value));
            if (!plausible) {
                String range = kind.map(k -> " (a " + k.name().en().toLowerCase(Locale.ROOT) + " reads " + fmt(k.min())
                        + " to " + fmt(k.max()) + " " + k.unit() + ")").orElse("");
                throw new Refused(QuarantineReason.IMPLAUSIBLE_VALUE, m.label() + ": value "
                        + FeedTopic.shorten(root.get("value").asText()) + " of sensor " + sensor.id()
                        + (Double.isFinite(value) ? " is outside what the sensor can read" : " is not a finite number")
                        + range);
            }
            // The unit goes into the case's text: it must be the kind's own, not whatever a device sends.
            String unit = text(root, "unit");
            if (kind.isPresent() && unit != null && !unit.equals(kind.get().unit())) {
                throw new Refused(QuarantineReason.IMPLAUSIBLE_VALUE, m.label() + ": unit '" + FeedTopic.shorten(unit)
                        + "' of sensor " + sensor.id() + " is not its kind's unit '" + kind.get().unit() + "' ("
                        + kind.get().code() + ")");
            }
        }
        return new SensorAlarm(messageId, sensor.id(), at, sensor.kind(), p, value, text(root, "unit"));
    }

    // ---------------------------------------------------------------- coordinates

    /** lon/lat in the message's datum → WGS-84, or IMPLAUSIBLE_COORDINATES naming what is wrong. */
    private GeoPoint position(Message m, JsonNode root) {
        return position(m.label(), root, text(root, "datum"));
    }

    /** lon/lat of {@code root} in {@code datumText} (null: WGS-84) → WGS-84; {@code label} names the place in messages. */
    private GeoPoint position(String label, JsonNode root, String datumText) {
        double lon = root.get("lon").asDouble();
        double lat = root.get("lat").asDouble();
        Datum datum = datumText == null ? Datum.WGS84 : Datum.parse(datumText);
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw implausible(label + ": " + (Double.isFinite(lon) ? "lat " + root.get("lat").asText() : "lon "
                    + root.get("lon").asText()) + " is not a finite number");
        }
        boolean swappedFits = inRegion(lat, lon, datum);
        if (Math.abs(lat) > 90) {
            throw implausible(label + ": lat " + fmt(lat) + " is not a latitude"
                    + (swappedFits ? " (lat and lon swapped?)" : " (-90 to 90)"));
        }
        if (Math.abs(lon) > 180) {
            throw implausible(label + ": lon " + fmt(lon) + " is not a longitude (-180 to 180)");
        }
        GeoPoint p = ChinaDatums.toWgs84(lon, lat, datum);
        if (!settings.region().contains(p)) {
            String where = "lon " + fmt(lon) + ", lat " + fmt(lat) + " (" + datum.name().toLowerCase(Locale.ROOT) + ")";
            if (swappedFits) {
                throw implausible(label + ": " + where + " is outside the district, swapped it is inside"
                        + " (lat and lon swapped?)");
            }
            if (lon == 0 && lat == 0) {
                throw implausible(label + ": " + where + " is the null point (a device with no GPS fix?)");
            }
            throw implausible(label + ": " + where + " is " + String.format(Locale.ROOT, "%.0f", settings.region().kmOutside(p))
                    + " km outside the plausible region of district " + settings.districtCode() + " ("
                    + settings.region() + ")");
        }
        return p;
    }

    private boolean inRegion(double lon, double lat, Datum datum) {
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
            return false;
        }
        return settings.region().contains(ChinaDatums.toWgs84(lon, lat, datum));
    }

    private static Refused implausible(String detail) {
        return new Refused(QuarantineReason.IMPLAUSIBLE_COORDINATES, detail);
    }

    // ---------------------------------------------------------------- helpers

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
        return text == null ? null : Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    }

    private static <T> T lookup(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new LookupFailed(e);
        }
    }

    static String human(Duration d) {
        long s = Math.abs(d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        if (s < 2 * 86_400) {
            return (s / 3600) + " h " + (s % 3600 / 60) + " min";
        }
        return String.format(Locale.ROOT, "%,d days", s / 86_400);
    }

    private static String distance(double metres) {
        return metres < 1000 ? String.format(Locale.ROOT, "%.0f m", metres)
                : String.format(Locale.ROOT, "%.1f km", metres / 1000);
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.valueOf(v);
    }

    private static String clip(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }

    /** What is known about the message so far, for the detail and the quarantine record. */
    private static final class Message {
        final String topic;
        final byte[] payload;
        final long size;
        final boolean truncated;
        final Instant receivedAt;
        FeedTopic topicParsed;
        String messageId;

        Message(FeedDelivery d) {
            this.topic = d.topic();
            this.payload = d.payload();
            this.size = d.size();
            this.truncated = d.truncated();
            this.receivedAt = d.receivedAt();
        }

        String label() {
            return topicParsed == null ? "message" : topicParsed.kind().level();
        }

        /** The sender the topic names, once the topic has been read. */
        String senderId() {
            return topicParsed == null ? null : topicParsed.senderId();
        }
    }

    /** A refusal with its reason; never leaves the parser. */
    private static final class Refused extends RuntimeException {
        final QuarantineReason reason;

        Refused(QuarantineReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    /** A caller's look-up failed: propagated as is, not quarantined. */
    private static final class LookupFailed extends RuntimeException {
        final RuntimeException cause;

        LookupFailed(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}

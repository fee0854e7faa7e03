package org.gridcommand.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.JsonDictionaryFile;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.UnitGridCode;

/**
 * The sensors the field feed accepts alarms from, and the sensor kinds (both data: {@code assets/feed/sensor-kinds.json}
 * and, for the demo district, {@code assets/demo/sensors.json}). Immutable once loaded; errors name the file
 * and the entry.
 */
public final class SensorRegistry {
    public static final String KINDS_FILE = "feed/sensor-kinds.json";
    public static final String DEMO_SENSORS_FILE = "demo/sensors.json";
    /** The same rule as the topic level and the alarm schema's sensorId. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final Map<String, SensorKind> kinds;
    private final Map<String, Sensor> sensors;

    public SensorRegistry(Collection<SensorKind> kinds, Collection<Sensor> sensors) {
        Map<String, SensorKind> k = new LinkedHashMap<>();
        for (SensorKind kind : kinds) {
            if (k.putIfAbsent(kind.code(), kind) != null) {
                throw new IllegalArgumentException("sensor kind " + kind.code() + " is listed twice");
            }
        }
        Map<String, Sensor> s = new LinkedHashMap<>();
        for (Sensor sensor : sensors) {
            if (!ID.matcher(sensor.id()).matches()) {
                throw new IllegalArgumentException("sensor id '" + sensor.id()
                        + "' is not usable as a topic level (letters, digits, '_', '.', '-'; at most 64)");
            }
            if (!k.containsKey(sensor.kind())) {
                throw new IllegalArgumentException("sensor " + sensor.id() + ": unknown kind " + sensor.kind()
                        + " (known: " + String.join(", ", k.keySet()) + ")");
            }
            if (s.putIfAbsent(sensor.id(), sensor) != null) {
                throw new IllegalArgumentException("sensor " + sensor.id() + " is listed twice");
            }
        }
        this.kinds = Map.copyOf(k);
        this.sensors = java.util.Collections.unmodifiableMap(s);
    }

    /** The demo district's sensors with the shipped kinds, from the assets folder. */
    public static SensorRegistry loadDemo() {
        return load(AssetLocator.resolve(KINDS_FILE), AssetLocator.resolve(DEMO_SENSORS_FILE));
    }

    /** Reads a kinds file and a sensors file; IllegalArgumentException naming the file and entry on bad data. */
    public static SensorRegistry load(Path kindsFile, Path sensorsFile) {
        List<SensorKind> kinds = new ArrayList<>();
        String kindsName = String.valueOf(kindsFile.getFileName());
        int i = 0;
        for (JsonNode n : JsonDictionaryFile.entries(kindsFile, "kinds")) {
            String where = kindsName + ": kinds[" + i++ + "]: ";
            double min = n.has("min") ? number(n, "min", where) : Double.NEGATIVE_INFINITY;
            double max = n.has("max") ? number(n, "max", where) : Double.POSITIVE_INFINITY;
            try {
                kinds.add(new SensorKind(text(n, "code", where), new BilingualName(text(n, "zh", where),
                        text(n, "en", where)), text(n, "unit", where), min, max, text(n, "caseCategory", where)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        List<Sensor> sensors = new ArrayList<>();
        String sensorsName = String.valueOf(sensorsFile.getFileName());
        i = 0;
        for (JsonNode n : JsonDictionaryFile.entries(sensorsFile, "sensors")) {
            String where = sensorsName + ": sensors[" + i++ + "]: ";
            String id = text(n, "id", where);
            where = sensorsName + ": sensor " + id + ": ";
            double lon = number(n, "lon", where);
            double lat = number(n, "lat", where);
            Datum datum;
            GeoPoint position;
            try {
                datum = n.hasNonNull("datum") ? Datum.parse(n.get("datum").asText()) : Datum.WGS84;
                position = ChinaDatums.toWgs84(lon, lat, datum);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            UnitGridCode grid = null;
            if (n.hasNonNull("smallGrid")) {
                String code = n.get("smallGrid").asText();
                if (!UnitGridCode.isValid(code)) {
                    throw new IllegalArgumentException(where + "smallGrid must be a 15-digit unit grid code, got " + code);
                }
                grid = new UnitGridCode(code);
            }
            sensors.add(new Sensor(id, text(n, "kind", where), position,
                    new BilingualName(text(n, "zh", where), text(n, "en", where)), grid));
        }
        try {
            return new SensorRegistry(kinds, sensors);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(sensorsName + ": " + e.getMessage(), e);
        }
    }

    public Optional<Sensor> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sensors.get(id));
    }

    public Optional<SensorKind> kind(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(kinds.get(code));
    }

    /** In file order. */
    public List<Sensor> sensors() {
        return List.copyOf(sensors.values());
    }

    public Collection<SensorKind> kinds() {
        return kinds.values();
    }

    public int size() {
        return sensors.size();
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "missing or empty \"" + field + "\"");
        }
        return v.asText().trim();
    }

    private static double number(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(where + "missing or non-numeric \"" + field + "\"");
        }
        return v.asDouble();
    }
}

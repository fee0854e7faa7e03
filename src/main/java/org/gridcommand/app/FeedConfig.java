package org.gridcommand.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gridcommand.feed.mqtt.MqttSettings;

/**
 * The seat's field-feed broker, from {@code feed.json} in its data folder (next to tiles.json):
 * <pre>{"broker": "ssl://mqtt.centre.example:8883", "user": "seat-07", "passwordEnv": "GC_MQTT_PASSWORD",
 *  "clientId": "gc-seat-07"}</pre>
 * Only {@code broker} is required; without {@code clientId} the seat uses its own random id ({@link SeatClientId}).
 * The password is never in the file: {@code passwordEnv} names the environment variable that holds it. TLS is chosen by the URL (ssl://, wss://) and uses the JVM's trust store.
 */
public record FeedConfig(String broker, String user, String passwordEnv, String clientId) {
    public static final String FILE = "feed.json";

    /** Empty when the seat has no feed.json; IllegalArgumentException naming the file and field when it is wrong. */
    public static Optional<FeedConfig> load(Path dataDir) {
        if (dataDir == null) {
            return Optional.empty();
        }
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": must be a JSON object with at least \"broker\"");
        }
        String broker = text(root, "broker");
        if (broker == null || broker.isBlank()) {
            throw new IllegalArgumentException(file + ": \"broker\" is required, e.g. \"tcp://127.0.0.1:1883\"");
        }
        FeedConfig config = new FeedConfig(broker, text(root, "user"), text(root, "passwordEnv"), text(root, "clientId"));
        try {
            config.settings("check", "check/#");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return Optional.of(config);
    }

    /** The broker settings; the password is read from the environment now. */
    public MqttSettings settings(String defaultClientId, String topicFilter) {
        char[] password = null;
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            if (value == null) {
                throw new IllegalArgumentException("passwordEnv names " + passwordEnv + ", which is not set");
            }
            password = value.toCharArray();
        }
        return new MqttSettings(broker, clientId != null ? clientId : defaultClientId, user, password, topicFilter);
    }

    /**
     * The settings of a seat with this data folder: feed.json's {@code clientId} when it names one, else the
     * seat's own random id kept in the folder ({@link SeatClientId}).
     */
    public MqttSettings settingsForSeat(Path dataDir, String topicFilter) {
        return settings(clientId != null ? clientId : SeatClientId.load(dataDir).id(), topicFilter);
    }

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

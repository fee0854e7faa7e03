package org.gridcommand.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gridcommand.feed.MessageKey;

/**
 * Counts every row the feed writes to the quarantine, by reason, although the feed trims the quarantine to its cap
 * while a flood goes on: a second connection to the seat's own H2 store reads the new rows every 50 ms (their ULID
 * ids grow with time, the ingest writes from one thread) and samples how many rows the quarantine holds. The feed
 * deletes only the oldest rows beyond its cap, so a row is read long before it can go; {@link #rows()} is checked
 * against the feed's own count by the caller all the same.
 */
final class QuarantineTally implements AutoCloseable {
    /** The part of a detail that marks a row written beside a stored alarm (the alarm itself is stored). */
    static final String BESIDE_A_STORED_ALARM = " is stored, but opens no case";

    private final Connection connection;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gc-test-quarantine-tally");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Long> byReason = new TreeMap<>();
    private final Map<String, String> exampleDetail = new TreeMap<>();
    private final Set<MessageKey> keys = new HashSet<>();
    private String lastId;
    private long rows;
    private long besideStoredAlarms;
    private long blankDetails;
    private long maxHeld;
    private long polls;
    private volatile RuntimeException failure;

    /** Starts counting rows written from now on; the seat's H2 store lives in {@code dataDir} (Database.openH2). */
    QuarantineTally(Path dataDir) throws SQLException {
        Path base = dataDir.toAbsolutePath().normalize().resolve("db").resolve("gridcommand");
        // The same URL as the seat's pool: in one JVM, H2 hands out another connection to the open database.
        connection = DriverManager.getConnection("jdbc:h2:file:" + base + ";WRITE_DELAY=0", "sa", "");
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(id) FROM feed_quarantine")) {
            rs.next();
            lastId = rs.getString(1) == null ? "" : rs.getString(1);
        }
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (SQLException | RuntimeException e) {
            failure = new IllegalStateException("reading the quarantine failed: " + e, e);
        }
    }

    private synchronized void poll() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM feed_quarantine")) {
            rs.next();
            maxHeld = Math.max(maxHeld, rs.getLong(1));
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, reason, sender_id, message_id, detail"
                + " FROM feed_quarantine WHERE id > ? ORDER BY id")) {
            ps.setString(1, lastId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lastId = rs.getString(1);
                    String reason = rs.getString(2);
                    String detail = rs.getString(5);
                    rows++;
                    byReason.merge(reason, 1L, Long::sum);
                    exampleDetail.putIfAbsent(reason, detail);
                    if (detail == null || detail.isBlank()) {
                        blankDetails++;
                    }
                    if (detail != null && detail.contains(BESIDE_A_STORED_ALARM)) {
                        besideStoredAlarms++;
                    }
                    String sender = rs.getString(3);
                    String messageId = rs.getString(4);
                    if (sender != null && messageId != null) {
                        keys.add(new MessageKey(sender, messageId));
                    }
                }
            }
        }
        polls++;
    }

    /** Reads what is left to read, stops polling; throws if any poll failed. */
    synchronized void finish() throws SQLException {
        poller.shutdownNow();
        poll();
        if (failure != null) {
            throw failure;
        }
    }

    synchronized long rows() {
        return rows;
    }

    synchronized Map<String, Long> byReason() {
        return new TreeMap<>(byReason);
    }

    synchronized Map<String, String> exampleDetails() {
        return new TreeMap<>(exampleDetail);
    }

    /** Keys (sender, id) of the quarantined rows that have both. */
    synchronized Set<MessageKey> keys() {
        return Set.copyOf(keys);
    }

    /** Rows about an alarm that is stored all the same (its case refused): not a message of their own. */
    synchronized long besideStoredAlarms() {
        return besideStoredAlarms;
    }

    synchronized long blankDetails() {
        return blankDetails;
    }

    /** The most rows the quarantine held at any poll. */
    synchronized long maxHeld() {
        return maxHeld;
    }

    synchronized long polls() {
        return polls;
    }

    @Override
    public void close() throws SQLException {
        poller.shutdownNow();
        synchronized (this) {
            connection.close();
        }
    }
}

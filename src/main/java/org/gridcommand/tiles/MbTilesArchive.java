package org.gridcommand.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * An offline MBTiles file (SQLite, MBTiles 1.3): its metadata and the raw bytes of its tiles. Lives outside
 * the UI packages because it speaks JDBC; the map's tile retriever decodes the bytes.
 *
 * <p>Rows are TMS-numbered (row 0 in the south); {@link #tile} takes XYZ numbering (row 0 in the north), as
 * the map asks, and flips. Not thread-safe: one SQLite connection, meant to be confined to one reader thread.
 */
public final class MbTilesArchive implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final PreparedStatement select;
    private final Map<String, String> metadata;

    private MbTilesArchive(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.metadata = readMetadata(connection);
        this.select = connection.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
    }

    /** Opens the file read-only; IOException (with the file named) when it is missing or not an MBTiles file. */
    public static MbTilesArchive open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no MBTiles file at " + file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            return new MbTilesArchive(file, connection);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IOException("cannot read " + file + " as MBTiles: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readMetadata(Connection connection) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, value FROM metadata")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return Map.copyOf(out);
    }

    /** The metadata table (name, format, minzoom, maxzoom, bounds, attribution, …). */
    public Map<String, String> metadata() {
        return metadata;
    }

    public Optional<String> metadata(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /** A metadata value as an integer, when present and numeric. */
    public Optional<Integer> metadataInt(String key) {
        try {
            return metadata(key).map(String::trim).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The stored bytes (PNG, JPEG or WebP as the file says) of tile z/x/y in XYZ numbering; empty if absent. */
    public Optional<byte[]> tile(int zoom, long x, long y) throws IOException {
        if (zoom < 0 || zoom > 30 || x < 0 || y < 0 || x >= 1L << zoom || y >= 1L << zoom) {
            return Optional.empty();
        }
        long tmsRow = (1L << zoom) - 1 - y;
        try {
            select.setInt(1, zoom);
            select.setLong(2, x);
            select.setLong(3, tmsRow);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException("reading tile " + zoom + "/" + x + "/" + y + " from " + file + " failed: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            select.close();
            connection.close();
        } catch (SQLException e) {
            System.getLogger(MbTilesArchive.class.getName())
                    .log(System.Logger.Level.DEBUG, "closing " + file + " failed", e);
        }
    }
}

package org.gridcommand.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.ChangeEvent;

/**
 * Opens throw-away stores for tests: a temp-folder H2 file, or a fresh PostgreSQL schema dropped on close.
 * PostgreSQL is required, never skipped: the centre runs on it, so a missing server must turn tests red.
 * Override the server with -Dgc.test.pg.url / -Dgc.test.pg.user / -Dgc.test.pg.password.
 */
final class TestStores {
    static final String PG_URL = System.getProperty("gc.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("gc.test.pg.user", "postgres");
    static final String PG_PASSWORD = System.getProperty("gc.test.pg.password", "");

    enum Backend { H2, POSTGRES }

    /** System property that narrows the {@link OnEachStore} tests to H2: the fast subset sets it (pom, profile fast). */
    static final String STORES_PROPERTY = "gc.test.stores";

    private TestStores() {
    }

    /** A store plus everything it published, cleaned up on close. */
    static final class TestStore implements AutoCloseable {
        final Database db;
        final List<ChangeEvent> events = new ArrayList<>();
        final Path h2Dir;
        final String pgSchema;

        private TestStore(Database db, ChangeBus bus, Path h2Dir, String pgSchema) {
            this.db = db;
            this.h2Dir = h2Dir;
            this.pgSchema = pgSchema;
            bus.subscribe(e -> {
                synchronized (events) {
                    events.add(e);
                }
            });
        }

        List<ChangeEvent> takeEvents() {
            synchronized (events) {
                List<ChangeEvent> copy = List.copyOf(events);
                events.clear();
                return copy;
            }
        }

        @Override
        public void close() {
            db.close();
            if (pgSchema != null) {
                dropSchema(pgSchema);
            }
            if (h2Dir != null) {
                deleteTree(h2Dir);
            }
        }
    }

    static TestStore open(Backend backend) {
        ChangeBus bus = new ChangeBus();
        if (backend == Backend.H2) {
            Path dir = tempDir();
            return new TestStore(Database.openH2(dir, bus), bus, dir, null);
        }
        String schema = freshSchemaName();
        requirePostgres();
        try {
            return new TestStore(Database.open(PG_URL, PG_USER, PG_PASSWORD, schema, bus), bus, null, schema);
        } catch (RuntimeException e) {
            dropSchema(schema);
            throw e;
        }
    }

    /**
     * The stores an {@link OnEachStore} test runs on: both, or H2 alone when {@code -Dgc.test.stores=h2}. Any other
     * value is refused, so a misspelt property cannot quietly leave PostgreSQL out.
     */
    static Stream<Backend> backends() {
        String stores = System.getProperty(STORES_PROPERTY, "all");
        return switch (stores) {
            case "all" -> Stream.of(Backend.values());
            case "h2" -> Stream.of(Backend.H2);
            default -> throw new IllegalArgumentException("-D" + STORES_PROPERTY + " must be all or h2, got " + stores);
        };
    }

    static String freshSchemaName() {
        return "gc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("gc-store-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Connection pgConnection() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", PG_USER);
        props.setProperty("password", PG_PASSWORD);
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(PG_URL, props);
    }

    /** Fails the calling test with a message that says how to bring PostgreSQL up. */
    static void requirePostgres() {
        try (Connection c = pgConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            fail("PostgreSQL is required for the store tests but is not reachable at " + PG_URL + " as "
                    + PG_USER + ": " + e.getMessage() + ". Start it with "
                    + "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, "
                    + "or point -Dgc.test.pg.url/-Dgc.test.pg.user at a server.", e);
        }
    }

    static void dropSchema(String schema) {
        try (Connection c = pgConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridcommand.common.ChangeBus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("pg")
class MigrationOnH2AndPostgresTest {
    private static final List<String> TABLES = List.of("meta", "district", "big_grid", "small_grid", "grid_head",
            "grid_worker", "camera", "resource", "cases", "audit_log", "case_event", "case_report",
            "case_evidence", "case_evidence_content");
    /** Every versioned script shipped, so a new migration does not need this test edited. */
    private static final long SCRIPTS = shippedMigrations();

    @Test
    void migratesH2AndReopeningIsANoOp() {
        Path dir = TestStores.tempDir();
        try {
            try (Database db = Database.openH2(dir, new ChangeBus())) {
                assertThat(db.describe()).startsWith("H2 local: ").contains("gridcommand");
                assertThat(tablesIn(db, "public")).containsAll(TABLES);
                assertThat(db.isEmpty()).isTrue();
                assertThat(appliedMigrations(db)).isEqualTo(SCRIPTS);
                db.putMeta("seed.version", "1");
            }
            try (Database again = Database.openH2(dir, new ChangeBus())) {
                assertThat(appliedMigrations(again)).isEqualTo(SCRIPTS);
                assertThat(again.meta("seed.version")).contains("1");
            }
        } finally {
            TestStores.deleteTree(dir);
        }
    }

    @Test
    void migratesPostgresInItsOwnSchemaAndReopeningIsANoOp() {
        TestStores.requirePostgres();
        String schema = TestStores.freshSchemaName();
        try {
            try (Database db = Database.open(TestStores.PG_URL, TestStores.PG_USER, TestStores.PG_PASSWORD, schema,
                    new ChangeBus())) {
                assertThat(db.describe()).startsWith("PostgreSQL: ").contains(schema);
                assertThat(tablesIn(db, schema)).containsAll(TABLES);
                assertThat(db.isEmpty()).isTrue();
                assertThat(appliedMigrations(db)).isEqualTo(SCRIPTS);
                db.putMeta("seed.version", "1");
                db.putMeta("seed.version", "2");
            }
            try (Database again = Database.open(TestStores.PG_URL, TestStores.PG_USER, TestStores.PG_PASSWORD, schema,
                    new ChangeBus())) {
                assertThat(appliedMigrations(again)).isEqualTo(SCRIPTS);
                assertThat(again.meta("seed.version")).contains("2");
                assertThat(again.meta("missing")).isEmpty();
            }
        } finally {
            TestStores.dropSchema(schema);
        }
    }

    @Test
    void theFastPathKnowsTheLatestShippedScript() {
        assertThat(Database.LATEST_MIGRATION)
                .as("Database.LATEST_MIGRATION must name the highest V<n>__ script in db/migration")
                .isEqualTo(highestShippedMigration())
                .isEqualTo((int) SCRIPTS);
    }

    @Test
    void opensWithoutFlywayOnlyWhenTheHistoryIsCompleteAndSuccessful() {
        Path dir = TestStores.tempDir();
        try (Database db = Database.openH2(dir, new ChangeBus())) {
            assertThat(db.isAtLatestMigration()).isTrue();
            history(db, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '1'");
            assertThat(db.isAtLatestMigration()).as("a failed migration on record").isFalse();
            history(db, "UPDATE \"flyway_schema_history\" SET \"success\" = TRUE WHERE \"version\" = '1'");
            history(db, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + Database.LATEST_MIGRATION + "'");
            assertThat(db.isAtLatestMigration()).as("the latest migration missing").isFalse();
        } finally {
            TestStores.deleteTree(dir);
        }
        Path newer = TestStores.tempDir();
        try (Database db = Database.openH2(newer, new ChangeBus())) {
            history(db, "INSERT INTO \"flyway_schema_history\" SELECT \"installed_rank\" + 100, '"
                    + (Database.LATEST_MIGRATION + 1) + "', \"description\", \"type\", 'V9__later.sql', \"checksum\","
                    + " \"installed_by\", \"installed_on\", \"execution_time\", TRUE FROM \"flyway_schema_history\""
                    + " WHERE \"version\" = '1'");
            assertThat(db.isAtLatestMigration()).as("a store migrated by a newer console").isFalse();
        } finally {
            TestStores.deleteTree(newer);
        }
    }

    @Test
    void aStoreMissingItsLatestMigrationIsMigratedOnOpen() {
        Path dir = TestStores.tempDir();
        try {
            try (Database db = Database.openH2(dir, new ChangeBus())) {
                history(db, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '"
                        + Database.LATEST_MIGRATION + "'");
                assertThat(appliedMigrations(db)).isEqualTo(SCRIPTS - 1);
            }
            // Flyway runs again and fails on the tables that already exist: proof that the fast path stood aside.
            assertThatThrownBy(() -> Database.openH2(dir, new ChangeBus()).close())
                    .isInstanceOf(StoreException.class).hasMessageContaining("cannot open the local database");
        } finally {
            TestStores.deleteTree(dir);
        }
    }

    private static void history(Database db, String sql) {
        db.write("editing the migration history", c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate(sql);
            }
            return null;
        });
    }

    private static int highestShippedMigration() {
        java.net.URL dir = MigrationOnH2AndPostgresTest.class.getClassLoader().getResource("db/migration");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of(dir.toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0);
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the migration scripts", e);
        }
    }

    private static long shippedMigrations() {
        java.net.URL dir = MigrationOnH2AndPostgresTest.class.getClassLoader().getResource("db/migration");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of(dir.toURI()))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the migration scripts", e);
        }
    }

    static List<String> tablesIn(Database db, String schema) {
        return db.read("listing tables", c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                    + " WHERE LOWER(table_schema) = ?")) {
                ps.setString(1, schema.toLowerCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
            return names;
        });
    }

    private static long appliedMigrations(Database db) {
        return db.read("counting migrations", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\""
                         + " WHERE \"version\" IS NOT NULL AND \"success\" = TRUE")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}

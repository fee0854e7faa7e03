package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.gridcommand.common.ChangeBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upgrading the local store's schema never leaves it half migrated: H2 commits each DDL statement by itself, so
 * the store is copied before a migration and the copy is put back when the migration fails, or on the next
 * start when the process died during it.
 */
class LocalStoreMigrationTest {
    private Path dir;
    private Path folder;
    private String url;

    @BeforeEach
    void setUp() {
        dir = TestStores.tempDir();
        folder = dir.resolve("db");
        url = "jdbc:h2:file:" + folder.resolve("gridcommand");
    }

    @AfterEach
    void tearDown() {
        TestStores.deleteTree(dir);
    }

    @Test
    void aMigrationFailingHalfWayPutsTheStoreBackAsItWasAndItUpgradesOnceTheCauseIsGone() throws Exception {
        // A store as a console of schema version 5 left it, plus the index V6 makes in its second statement:
        // V6 fails after its first statement made the table shift_handover.
        Flyway.configure(getClass().getClassLoader()).dataSource(url, "sa", "").locations("classpath:db/migration")
                .target("5").load().migrate();
        sql("CREATE INDEX case_event_at_idx ON case_event (at)", "INSERT INTO meta (meta_key, meta_value) VALUES ('k', 'kept')");

        assertThatThrownBy(() -> Database.openH2(dir, new ChangeBus()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the local database at " + folder.resolve("gridcommand") + ": ")
                .hasMessageContaining("Index \"CASE_EVENT_AT_IDX\" already exists");

        assertThat(count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'SHIFT_HANDOVER'"))
                .as("the table V6 made before it failed").isZero();
        assertThat(count("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")).isZero();
        assertThat(leftBehind()).as("copies left in " + folder).isEmpty();

        sql("DROP INDEX case_event_at_idx");
        try (Database db = Database.openH2(dir, new ChangeBus())) {
            assertThat(db.isAtLatestMigration()).isTrue();
            assertThat(db.meta("k")).contains("kept");
        }
        assertThat(leftBehind()).isEmpty();
    }

    @Test
    void aMigrationInterruptedByTheDeathOfTheProcessIsUndoneOnTheNextStart() throws Exception {
        try (Database db = Database.openH2(dir, new ChangeBus())) {
            db.putMeta("state", "before the migration");
        }
        // What a console killed during a migration leaves: the whole copy beside a store it had begun to change.
        Files.copy(folder.resolve("gridcommand.mv.db"), folder.resolve("gridcommand.mv.db.before-migration"));
        Files.writeString(folder.resolve("gridcommand.mv.db.before-migration.partial"), "an unfinished copy");
        sql("UPDATE meta SET meta_value = 'half migrated' WHERE meta_key = 'state'", "CREATE TABLE half_made (x INT)");

        try (Database db = Database.openH2(dir, new ChangeBus())) {
            assertThat(db.meta("state")).contains("before the migration");
            assertThat(db.isAtLatestMigration()).isTrue();
        }
        assertThat(count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'HALF_MADE'")).isZero();
        assertThat(leftBehind()).isEmpty();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private java.util.List<Path> leftBehind() throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().contains("before-migration")).toList();
        }
    }
}

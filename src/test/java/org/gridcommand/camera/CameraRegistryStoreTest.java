package org.gridcommand.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gridcommand.camera.CameraRepository.ImportMode;
import org.gridcommand.camera.CameraRepository.RegistryChange;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.store.Database;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CameraRepository.importRegistry on both stores: counts, events, and all or nothing. */
@Tag("pg")
class CameraRegistryStoreTest {
    private static final String PG_URL = System.getProperty("gc.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("gc.test.pg.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("gc.test.pg.password", "");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void upsertAndReplaceCountAndPublishOnce(String backend) throws Exception {
        List<ChangeEvent> events = new ArrayList<>();
        ChangeBus bus = new ChangeBus();
        bus.subscribe(events::add);
        String schema = "cam_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Database db = open(backend, bus, schema)) {
            CameraRepository repo = db.cameras();
            List<Camera> first = List.of(camera("A", 0), camera("B", 0), camera("C", 0));
            assertThat(repo.importRegistry(first, ImportMode.UPSERT)).isEqualTo(new RegistryChange(3, 0, 0));
            assertThat(events).containsExactly(new ChangeEvent("camera", null, ChangeEvent.Kind.BULK_LOADED));

            List<Camera> second = List.of(camera("B", 90), camera("D", 0));
            assertThat(repo.importRegistry(second, ImportMode.UPSERT)).isEqualTo(new RegistryChange(1, 1, 0));
            assertThat(repo.findAll()).extracting(Camera::id).containsExactly("A", "B", "C", "D");
            assertThat(repo.findById("B")).contains(camera("B", 90));

            assertThat(repo.importRegistry(second, ImportMode.REPLACE)).isEqualTo(new RegistryChange(0, 2, 2));
            assertThat(repo.findAll()).containsExactly(camera("B", 90), camera("D", 0));

            events.clear();
            assertThat(repo.importRegistry(List.of(camera("E", 0)), ImportMode.UPSERT)).isEqualTo(new RegistryChange(1, 0, 0));
            assertThat(events).containsExactly(new ChangeEvent("camera", "E", ChangeEvent.Kind.CREATED));

            // A failing import (a name the schema refuses) leaves the registry as it was: one transaction.
            events.clear();
            Camera tooLong = new Camera("F", new BilingualName("长".repeat(201), "x"), new GeoPoint(113.58, 22.36),
                    0, 60, 100, "rtsp://h/F", "rtsp://h/F", null, null);
            assertThatThrownBy(() -> repo.importRegistry(List.of(camera("G", 0), tooLong), ImportMode.REPLACE))
                    .isInstanceOf(RuntimeException.class);
            assertThat(repo.findAll()).extracting(Camera::id).containsExactly("B", "D", "E");
            assertThat(events).isEmpty();

            assertThatThrownBy(() -> repo.importRegistry(List.of(camera("H", 0), camera("H", 1)), ImportMode.UPSERT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("H appears twice");
        } finally {
            if (backend.equals("postgres")) {
                try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                     Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    private Database open(String backend, ChangeBus bus, String schema) {
        return backend.equals("h2") ? Database.openH2(dir, bus) : Database.open(PG_URL, PG_USER, PG_PASSWORD, schema, bus);
    }

    private static Camera camera(String id, double heading) {
        return new Camera(id, new BilingualName("摄像机" + id, "Camera " + id), new GeoPoint(113.58, 22.36), heading, 60,
                100, "rtsp://h/" + id, "rtsp://h/" + id + "/sub", "440402104001", "440402104001001");
    }
}

package org.gridcommand.store;

import static org.gridcommand.store.Columns.getName;
import static org.gridcommand.store.Columns.getPoint;
import static org.gridcommand.store.Columns.setName;
import static org.gridcommand.store.Columns.setPoint;
import static org.gridcommand.store.Columns.setString;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraRepository;
import org.gridcommand.common.ChangeEvent;

final class JdbcCameraRepository implements CameraRepository {
    private static final String COLUMNS = "id, name_zh, name_en, lon, lat, heading_deg, fov_deg, range_m,"
            + " main_url, sub_url, group_code, small_grid_code";
    private static final String INSERT = "INSERT INTO camera (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database db;

    JdbcCameraRepository(Database db) {
        this.db = db;
    }

    @Override
    public void saveAll(List<Camera> cameras) {
        Objects.requireNonNull(cameras, "cameras");
        if (cameras.isEmpty()) {
            return;
        }
        int existed = db.write("saving " + cameras.size() + " camera(s)",
                c -> Upsert.replace(c, "camera", cameras, Camera::id, INSERT, JdbcCameraRepository::bind));
        db.publish(Upsert.event("camera", cameras, Camera::id, existed));
    }

    @Override
    public RegistryChange importRegistry(List<Camera> cameras, ImportMode mode) {
        Objects.requireNonNull(cameras, "cameras");
        Objects.requireNonNull(mode, "mode");
        Set<String> ids = new HashSet<>();
        for (Camera camera : cameras) {
            if (!ids.add(camera.id())) {
                throw new IllegalArgumentException("camera id " + camera.id() + " appears twice in the import");
            }
        }
        RegistryChange change = db.write("importing " + cameras.size() + " camera(s) (" + mode + ")", c -> {
            Set<String> stored = new HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM camera")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            int updated = 0;
            for (String id : ids) {
                if (stored.contains(id)) {
                    updated++;
                }
            }
            int removed = 0;
            if (mode == ImportMode.REPLACE) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM camera");
                }
                Batch.insert(c, INSERT, cameras, JdbcCameraRepository::bind);
                removed = stored.size() - updated;
            } else {
                Upsert.replace(c, "camera", cameras, Camera::id, INSERT, JdbcCameraRepository::bind);
            }
            return new RegistryChange(cameras.size() - updated, updated, removed);
        });
        if (change.removed() > 0 || cameras.size() > 1) {
            db.publish(new ChangeEvent("camera", null, ChangeEvent.Kind.BULK_LOADED));
        } else if (cameras.size() == 1) {
            db.publish(Upsert.event("camera", cameras, Camera::id, change.updated()));
        }
        return change;
    }

    private static void bind(PreparedStatement ps, Camera cam) throws SQLException {
        ps.setString(1, cam.id());
        setName(ps, 2, cam.name());
        setPoint(ps, 4, cam.position());
        ps.setDouble(6, cam.headingDeg());
        ps.setDouble(7, cam.fovDeg());
        ps.setDouble(8, cam.rangeMetres());
        setString(ps, 9, cam.mainStreamUrl());
        setString(ps, 10, cam.subStreamUrl());
        setString(ps, 11, cam.group());
        setString(ps, 12, cam.smallGridCode());
    }

    @Override
    public List<Camera> findAll() {
        return db.read("listing cameras", c -> {
            List<Camera> result = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM camera ORDER BY id")) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<Camera> findById(String id) {
        return db.read("reading camera " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM camera WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<Camera>empty();
                }
            }
        });
    }

    @Override
    public long count() {
        return db.read("counting cameras", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM camera")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static Camera map(ResultSet rs) throws SQLException {
        return new Camera(rs.getString("id"), getName(rs), getPoint(rs, "lon", "lat"),
                rs.getDouble("heading_deg"), rs.getDouble("fov_deg"), rs.getDouble("range_m"),
                rs.getString("main_url"), rs.getString("sub_url"), rs.getString("group_code"),
                rs.getString("small_grid_code"));
    }
}

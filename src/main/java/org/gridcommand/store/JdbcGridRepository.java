package org.gridcommand.store;

import static org.gridcommand.store.Columns.getEnum;
import static org.gridcommand.store.Columns.getGeometry;
import static org.gridcommand.store.Columns.getName;
import static org.gridcommand.store.Columns.getPoint;
import static org.gridcommand.store.Columns.setEnum;
import static org.gridcommand.store.Columns.setGeometry;
import static org.gridcommand.store.Columns.setName;
import static org.gridcommand.store.Columns.setPoint;
import static org.gridcommand.store.Columns.setString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.DutyStatus;
import org.gridcommand.grid.GridHead;
import org.gridcommand.grid.GridRepository;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.locationtech.jts.geom.Geometry;

final class JdbcGridRepository implements GridRepository {
    private static final String WORKER_COLUMNS =
            "id, name_zh, name_en, phone, small_grid_code, duty_status, last_lon, last_lat";

    private final Database db;

    JdbcGridRepository(Database db) {
        this.db = db;
    }

    @Override
    public void replaceDistrict(District district) {
        Objects.requireNonNull(district, "district");
        db.write("replacing district " + district.adminCode(), c -> {
            try (Statement st = c.createStatement()) {
                // Children first: the layout tables reference each other.
                st.executeUpdate("DELETE FROM grid_worker");
                st.executeUpdate("DELETE FROM grid_head");
                st.executeUpdate("DELETE FROM small_grid");
                st.executeUpdate("DELETE FROM big_grid");
                st.executeUpdate("DELETE FROM district");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO district (admin_code, name_zh, name_en, outline_wkt) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, district.adminCode());
                setName(ps, 2, district.name());
                setGeometry(ps, 4, district.outline());
                ps.executeUpdate();
            }
            Batch.insert(c, "INSERT INTO big_grid (code, name_zh, name_en, area_wkt) VALUES (?, ?, ?, ?)",
                    district.bigGrids(), (ps, g) -> {
                        ps.setString(1, g.code());
                        setName(ps, 2, g.name());
                        setGeometry(ps, 4, g.area());
                    });
            Batch.insert(c, "INSERT INTO small_grid (code, big_grid_code, name_zh, name_en, area_wkt)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    district.smallGrids(), (ps, g) -> {
                        ps.setString(1, g.code().value());
                        ps.setString(2, g.bigGridCode());
                        setName(ps, 3, g.name());
                        setGeometry(ps, 5, g.area());
                    });
            Batch.insert(c, "INSERT INTO grid_head (id, name_zh, name_en, phone, big_grid_code)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    district.gridHeads(), (ps, h) -> {
                        ps.setString(1, h.id());
                        setName(ps, 2, h.name());
                        setString(ps, 4, h.phone());
                        ps.setString(5, h.bigGridCode());
                    });
            Batch.insert(c, "INSERT INTO grid_worker (" + WORKER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    district.gridWorkers(), (ps, w) -> {
                        ps.setString(1, w.id());
                        setName(ps, 2, w.name());
                        setString(ps, 4, w.phone());
                        ps.setString(5, w.smallGrid().value());
                        setEnum(ps, 6, w.dutyStatus());
                        setPoint(ps, 7, w.lastPosition());
                    });
            return null;
        });
        db.publish(new ChangeEvent("district", district.adminCode(), ChangeEvent.Kind.BULK_LOADED));
    }

    /**
     * Update-or-insert by code, then delete what the new layout lacks, children before parents, so the foreign
     * keys from heads and workers hold at every statement and the people rows are never touched.
     */
    @Override
    public void replaceGrids(Geometry outline, List<BigGrid> bigGrids, List<SmallGrid> smallGrids) {
        Objects.requireNonNull(outline, "outline");
        Objects.requireNonNull(bigGrids, "bigGrids");
        Objects.requireNonNull(smallGrids, "smallGrids");
        String operation = "replacing the grids";
        String adminCode = db.write(operation, c -> {
            String admin;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT admin_code FROM district")) {
                if (!rs.next()) {
                    throw new StoreException(operation + " failed: the store holds no district yet");
                }
                admin = rs.getString(1);
            }
            Set<String> newBig = new HashSet<>();
            bigGrids.forEach(g -> newBig.add(g.code()));
            Set<String> newSmall = new HashSet<>();
            smallGrids.forEach(g -> newSmall.add(g.code().value()));
            List<String> orphans = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, big_grid_code FROM grid_head ORDER BY id")) {
                while (rs.next()) {
                    if (!newBig.contains(rs.getString(2))) {
                        orphans.add("grid head " + rs.getString(1) + " (" + rs.getString(2) + ")");
                    }
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, small_grid_code FROM grid_worker ORDER BY id")) {
                while (rs.next()) {
                    if (!newSmall.contains(rs.getString(2))) {
                        orphans.add("grid worker " + rs.getString(1) + " (" + rs.getString(2) + ")");
                    }
                }
            }
            if (!orphans.isEmpty()) {
                throw new StoreException(operation + " failed: the new grids lack the grid of "
                        + (orphans.size() == 1 ? "1 person" : orphans.size() + " people") + ": " + String.join(", ", orphans));
            }
            Set<String> oldBig = codes(c, "SELECT code FROM big_grid");
            Set<String> oldSmall = codes(c, "SELECT code FROM small_grid");
            // Batch.insert batches any statement; the updates and deletes below ride on it too.
            Batch.insert(c, "UPDATE big_grid SET name_zh = ?, name_en = ?, area_wkt = ? WHERE code = ?",
                    bigGrids.stream().filter(g -> oldBig.contains(g.code())).toList(), (ps, g) -> {
                        setName(ps, 1, g.name());
                        setGeometry(ps, 3, g.area());
                        ps.setString(4, g.code());
                    });
            Batch.insert(c, "INSERT INTO big_grid (code, name_zh, name_en, area_wkt) VALUES (?, ?, ?, ?)",
                    bigGrids.stream().filter(g -> !oldBig.contains(g.code())).toList(), (ps, g) -> {
                        ps.setString(1, g.code());
                        setName(ps, 2, g.name());
                        setGeometry(ps, 4, g.area());
                    });
            Batch.insert(c, "UPDATE small_grid SET big_grid_code = ?, name_zh = ?, name_en = ?, area_wkt = ?"
                            + " WHERE code = ?",
                    smallGrids.stream().filter(g -> oldSmall.contains(g.code().value())).toList(), (ps, g) -> {
                        ps.setString(1, g.bigGridCode());
                        setName(ps, 2, g.name());
                        setGeometry(ps, 4, g.area());
                        ps.setString(5, g.code().value());
                    });
            Batch.insert(c, "INSERT INTO small_grid (code, big_grid_code, name_zh, name_en, area_wkt)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    smallGrids.stream().filter(g -> !oldSmall.contains(g.code().value())).toList(), (ps, g) -> {
                        ps.setString(1, g.code().value());
                        ps.setString(2, g.bigGridCode());
                        setName(ps, 3, g.name());
                        setGeometry(ps, 5, g.area());
                    });
            Batch.insert(c, "DELETE FROM small_grid WHERE code = ?",
                    oldSmall.stream().filter(code -> !newSmall.contains(code)).sorted().toList(),
                    (ps, code) -> ps.setString(1, code));
            Batch.insert(c, "DELETE FROM big_grid WHERE code = ?",
                    oldBig.stream().filter(code -> !newBig.contains(code)).sorted().toList(),
                    (ps, code) -> ps.setString(1, code));
            try (PreparedStatement ps = c.prepareStatement("UPDATE district SET outline_wkt = ? WHERE admin_code = ?")) {
                setGeometry(ps, 1, outline);
                ps.setString(2, admin);
                ps.executeUpdate();
            }
            return admin;
        });
        db.publish(new ChangeEvent("district", adminCode, ChangeEvent.Kind.BULK_LOADED));
    }

    private static Set<String> codes(Connection c, String sql) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    @Override
    public Optional<District> loadDistrict() {
        return db.read("loading the district", c -> {
            String adminCode;
            BilingualName name;
            Geometry outline;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT admin_code, name_zh, name_en, outline_wkt FROM district")) {
                if (!rs.next()) {
                    return Optional.<District>empty();
                }
                adminCode = rs.getString("admin_code");
                name = getName(rs);
                outline = getGeometry(rs, "outline_wkt");
                if (rs.next()) {
                    throw new StoreException("the store holds more than one district");
                }
            }
            List<BigGrid> bigGrids = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT code, name_zh, name_en, area_wkt FROM big_grid ORDER BY code")) {
                while (rs.next()) {
                    bigGrids.add(new BigGrid(rs.getString("code"), getName(rs), getGeometry(rs, "area_wkt")));
                }
            }
            List<SmallGrid> smallGrids = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT code, big_grid_code, name_zh, name_en, area_wkt FROM small_grid ORDER BY code")) {
                while (rs.next()) {
                    smallGrids.add(new SmallGrid(new UnitGridCode(rs.getString("code")),
                            rs.getString("big_grid_code"), getName(rs), getGeometry(rs, "area_wkt")));
                }
            }
            List<GridHead> heads = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT id, name_zh, name_en, phone, big_grid_code FROM grid_head ORDER BY big_grid_code, id")) {
                while (rs.next()) {
                    heads.add(new GridHead(rs.getString("id"), getName(rs), rs.getString("phone"),
                            rs.getString("big_grid_code")));
                }
            }
            List<GridWorker> workers = readWorkers(c);
            return Optional.of(new District(adminCode, name, outline, bigGrids, smallGrids, heads, workers));
        });
    }

    @Override
    public void updateWorker(GridWorker worker) {
        Objects.requireNonNull(worker, "worker");
        db.write("updating grid worker " + worker.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE grid_worker SET duty_status = ?, last_lon = ?, last_lat = ? WHERE id = ?")) {
                setEnum(ps, 1, worker.dutyStatus());
                setPoint(ps, 2, worker.lastPosition());
                ps.setString(4, worker.id());
                if (ps.executeUpdate() == 0) {
                    throw new StoreException("updating grid worker " + worker.id()
                            + " failed: no such worker in the stored layout");
                }
            }
            return null;
        });
        db.publish(new ChangeEvent("worker", worker.id(), ChangeEvent.Kind.UPDATED));
    }

    @Override
    public List<GridWorker> findWorkers() {
        return db.read("listing grid workers", JdbcGridRepository::readWorkers);
    }

    private static List<GridWorker> readWorkers(Connection c) throws SQLException {
        List<GridWorker> workers = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT " + WORKER_COLUMNS + " FROM grid_worker ORDER BY small_grid_code, id")) {
            while (rs.next()) {
                workers.add(new GridWorker(rs.getString("id"), getName(rs), rs.getString("phone"),
                        new UnitGridCode(rs.getString("small_grid_code")),
                        getEnum(rs, "duty_status", DutyStatus.class),
                        getPoint(rs, "last_lon", "last_lat")));
            }
        }
        return workers;
    }
}

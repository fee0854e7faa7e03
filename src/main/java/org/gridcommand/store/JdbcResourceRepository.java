package org.gridcommand.store;

import static org.gridcommand.store.Columns.getEnum;
import static org.gridcommand.store.Columns.getName;
import static org.gridcommand.store.Columns.getPoint;
import static org.gridcommand.store.Columns.setEnum;
import static org.gridcommand.store.Columns.setName;
import static org.gridcommand.store.Columns.setPoint;
import static org.gridcommand.store.Columns.setString;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridcommand.directory.Resource;
import org.gridcommand.directory.ResourceKind;
import org.gridcommand.directory.ResourceRepository;

/** saveAll inserts or replaces by id, like the camera store; it does not delete resources left out. */
final class JdbcResourceRepository implements ResourceRepository {
    private static final String COLUMNS = "id, kind, name_zh, name_en, lon, lat, phone";
    private static final String INSERT = "INSERT INTO resource (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Database db;

    JdbcResourceRepository(Database db) {
        this.db = db;
    }

    @Override
    public void saveAll(List<Resource> resources) {
        Objects.requireNonNull(resources, "resources");
        if (resources.isEmpty()) {
            return;
        }
        int existed = db.write("saving " + resources.size() + " resource(s)",
                c -> Upsert.replace(c, "resource", resources, Resource::id, INSERT, (ps, r) -> {
                    ps.setString(1, r.id());
                    setEnum(ps, 2, r.kind());
                    setName(ps, 3, r.name());
                    setPoint(ps, 5, r.position());
                    setString(ps, 7, r.phone());
                }));
        db.publish(Upsert.event("resource", resources, Resource::id, existed));
    }

    @Override
    public List<Resource> findAll() {
        return db.read("listing resources", c -> {
            List<Resource> result = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM resource ORDER BY kind, id")) {
                while (rs.next()) {
                    result.add(new Resource(rs.getString("id"), getEnum(rs, "kind", ResourceKind.class),
                            getName(rs), getPoint(rs, "lon", "lat"), rs.getString("phone")));
                }
            }
            return result;
        });
    }
}

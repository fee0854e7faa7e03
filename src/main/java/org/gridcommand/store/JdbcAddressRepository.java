package org.gridcommand.store;

import static org.gridcommand.store.Columns.setString;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gridcommand.address.AddressKind;
import org.gridcommand.address.AddressRepository;
import org.gridcommand.address.StandardAddress;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.geo.GeoPoint;

/** The standard address register (V9). */
final class JdbcAddressRepository implements AddressRepository {
    private static final String COLUMNS = "id, kind, full_name, town, road, house_number, compound, building,"
            + " unit_number, poi, lon, lat, small_grid_code";
    private static final String INSERT = "INSERT INTO standard_address (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database db;

    JdbcAddressRepository(Database db) {
        this.db = db;
    }

    @Override
    public RegisterChange importRegister(List<StandardAddress> addresses, ImportMode mode) {
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(mode, "mode");
        Set<String> codes = new HashSet<>();
        for (StandardAddress a : addresses) {
            if (!codes.add(a.code())) {
                throw new IllegalArgumentException("address code " + a.code() + " appears twice in the import");
            }
        }
        RegisterChange change = db.write("importing " + addresses.size() + " address(es) (" + mode + ")", c -> {
            Set<String> stored = new HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM standard_address")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            int updated = (int) codes.stream().filter(stored::contains).count();
            int removed = 0;
            if (mode == ImportMode.REPLACE) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM standard_address");
                }
                Batch.insert(c, INSERT, addresses, JdbcAddressRepository::bind);
                removed = stored.size() - updated;
            } else {
                Upsert.replace(c, "standard_address", addresses, StandardAddress::code, INSERT,
                        JdbcAddressRepository::bind);
            }
            return new RegisterChange(addresses.size() - updated, updated, removed);
        });
        db.publish(new ChangeEvent("address", null, ChangeEvent.Kind.BULK_LOADED));
        return change;
    }

    private static void bind(PreparedStatement ps, StandardAddress a) throws SQLException {
        ps.setString(1, a.code());
        ps.setString(2, a.kind().name());
        ps.setString(3, a.name());
        setString(ps, 4, a.town());
        setString(ps, 5, a.road());
        setString(ps, 6, a.houseNumber());
        setString(ps, 7, a.compound());
        setString(ps, 8, a.building());
        setString(ps, 9, a.unit());
        setString(ps, 10, a.poi());
        ps.setDouble(11, a.point().lon());
        ps.setDouble(12, a.point().lat());
        setString(ps, 13, a.smallGrid());
    }

    @Override
    public List<StandardAddress> findAll() {
        return db.read("reading the address register", c -> {
            List<StandardAddress> result = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM standard_address ORDER BY id")) {
                while (rs.next()) {
                    result.add(new StandardAddress(rs.getString("id"), AddressKind.valueOf(rs.getString("kind")),
                            rs.getString("full_name"), rs.getString("town"), rs.getString("road"),
                            rs.getString("house_number"), rs.getString("compound"), rs.getString("building"),
                            rs.getString("unit_number"), rs.getString("poi"),
                            new GeoPoint(rs.getDouble("lon"), rs.getDouble("lat")), rs.getString("small_grid_code")));
                }
            }
            return result;
        });
    }

    @Override
    public long count() {
        return db.read("counting addresses", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM standard_address")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}

package org.gridcommand.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.GeoPoint;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/** Conversions between domain values and portable column types, shared by the JDBC repositories. */
final class Columns {
    private Columns() {
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            // Always written in UTC so both vendors hold the same instant whatever the seat's zone.
            ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static void setEnum(PreparedStatement ps, int index, Enum<?> value) throws SQLException {
        setString(ps, index, value == null ? null : value.name());
    }

    static <E extends Enum<E>> E getEnum(ResultSet rs, String column, Class<E> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    static void setPoint(PreparedStatement ps, int lonIndex, GeoPoint point) throws SQLException {
        setDouble(ps, lonIndex, point == null ? null : point.lon());
        setDouble(ps, lonIndex + 1, point == null ? null : point.lat());
    }

    /** The point in lon/lat columns, or null when either is SQL NULL. */
    static GeoPoint getPoint(ResultSet rs, String lonColumn, String latColumn) throws SQLException {
        double lon = rs.getDouble(lonColumn);
        if (rs.wasNull()) {
            return null;
        }
        double lat = rs.getDouble(latColumn);
        if (rs.wasNull()) {
            return null;
        }
        return new GeoPoint(lon, lat);
    }

    static void setName(PreparedStatement ps, int zhIndex, BilingualName name) throws SQLException {
        ps.setString(zhIndex, name.zh());
        ps.setString(zhIndex + 1, name.en());
    }

    static BilingualName getName(ResultSet rs) throws SQLException {
        return new BilingualName(rs.getString("name_zh"), rs.getString("name_en"));
    }

    static void setGeometry(PreparedStatement ps, int index, Geometry geometry) throws SQLException {
        // WKTWriter is cheap and not documented as thread-safe, so one per call.
        setString(ps, index, geometry == null ? null : new WKTWriter().write(geometry));
    }

    static Geometry getGeometry(ResultSet rs, String column) throws SQLException {
        String wkt = rs.getString(column);
        if (wkt == null) {
            return null;
        }
        try {
            // WKTReader keeps parser state, so it is not shared between threads.
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new StoreException("stored geometry in column " + column + " is not valid WKT: "
                    + abbreviate(wkt), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}

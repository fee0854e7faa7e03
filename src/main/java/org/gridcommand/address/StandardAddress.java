package org.gridcommand.address;

import java.util.Objects;
import org.gridcommand.geo.GeoPoint;

/**
 * One entry of the standard address register (标准地址, the base of 一标三实): a road, a house number on it, a
 * compound, a building, a unit, or a point of interest, each with its point and the small grid the point lies in.
 * The parts are kept apart so a search can weigh a house number against a building number.
 *
 * @param code        the register's code for the address (unique)
 * @param name        the full address as written on a door plate, e.g. 唐家湾镇金鼎路30号金湾花园3栋2单元
 * @param town        town or street (镇/街道), may be null
 * @param road        road (路/街/大道), may be null
 * @param houseNumber the house number without 号 ("30", "30-1"), may be null
 * @param compound    compound (小区/花园/苑), may be null
 * @param building    building number without 栋 ("3", "A"), may be null
 * @param unit        unit number without 单元, may be null
 * @param poi         the name of a point of interest (a school, a market), may be null
 * @param point       WGS-84
 * @param smallGrid   the 15-digit code of the small grid the point lies in, null when unknown
 */
public record StandardAddress(String code, AddressKind kind, String name, String town, String road,
                              String houseNumber, String compound, String building, String unit, String poi,
                              GeoPoint point, String smallGrid) {
    public StandardAddress {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(point, "point");
    }

    /** The full name from the parts, as a door plate reads: town, road, number 号, compound, building 栋, unit 单元, POI. */
    public static String composeName(String town, String road, String houseNumber, String compound, String building,
                                     String unit, String poi) {
        StringBuilder sb = new StringBuilder();
        append(sb, town, "");
        append(sb, road, "");
        append(sb, houseNumber, "号");
        append(sb, compound, "");
        append(sb, building, "栋");
        append(sb, unit, "单元");
        append(sb, poi, "");
        return sb.toString();
    }

    private static void append(StringBuilder sb, String part, String suffix) {
        if (part != null && !part.isBlank()) {
            sb.append(part.strip()).append(suffix);
        }
    }

    public StandardAddress withSmallGrid(String gridCode) {
        return new StandardAddress(code, kind, name, town, road, houseNumber, compound, building, unit, poi, point,
                gridCode);
    }
}

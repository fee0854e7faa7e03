package org.gridcommand.address;

import java.util.List;
import java.util.Locale;
import org.gridcommand.common.CsvCells;

/** Writes a register in the CSV form {@link AddressFileReader} reads (WGS-84, with each address's small grid). */
public final class AddressCsv {
    static final String HEADER = "code,kind,name,town,road,number,compound,building,unit,poi,lon,lat,grid";

    private AddressCsv() {
    }

    public static String write(List<StandardAddress> addresses) {
        StringBuilder sb = new StringBuilder(HEADER).append(CsvCells.LINE_END);
        for (StandardAddress a : addresses) {
            sb.append(String.join(",", CsvCells.text(a.code()), a.kind().lowerName(), CsvCells.text(a.name()),
                    cell(a.town()), cell(a.road()), cell(a.houseNumber()), cell(a.compound()), cell(a.building()),
                    cell(a.unit()), cell(a.poi()),
                    String.format(Locale.ROOT, "%.7f", a.point().lon()),
                    String.format(Locale.ROOT, "%.7f", a.point().lat()), cell(a.smallGrid())))
                    .append(CsvCells.LINE_END);
        }
        return sb.toString();
    }

    private static String cell(String value) {
        return value == null ? "" : CsvCells.text(value);
    }
}

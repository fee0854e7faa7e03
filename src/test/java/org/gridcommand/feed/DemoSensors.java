package org.gridcommand.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Makes {@code assets/demo/sensors.json}, the demo district's 60 field sensors (24 smoke detectors, 18 water-level
 * gauges, 18 gas detectors), each at a seeded random point inside a small grid of the demo district. The shipped
 * file is data; {@link DemoSensorsFileTest} checks it is still exactly what this makes. Regenerate (from the
 * project folder) after {@code mvn test-compile}:
 * {@code mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp} then
 * {@code java -cp target/classes:target/test-classes:$(cat /tmp/cp) org.gridcommand.feed.DemoSensors assets/demo/sensors.json}.
 */
public final class DemoSensors {
    static final long SEED = 20_180_805L;
    /** kind code, zh, en, how many. */
    private static final Object[][] KINDS = {
            {"smoke", "烟感", "smoke detector", 24},
            {"water_level", "水位计", "water-level gauge", 18},
            {"gas", "燃气探测器", "gas detector", 18},
    };
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private DemoSensors() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/demo/sensors.json");
        Files.writeString(out, generate(), StandardCharsets.UTF_8);
    }

    /** The file's text, the same for every run. */
    static String generate() {
        District district = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();
        List<SmallGrid> grids = district.smallGrids();
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (Object[] kind : KINDS) {
            for (int k = 1; k <= (int) kind[3]; k++) {
                n++;
                SmallGrid grid = grids.get(random.nextInt(grids.size()));
                double[] p = pointIn(PreparedGeometryFactory.prepare(grid.area()), random);
                lines.add(String.format(Locale.ROOT,
                        "    { \"id\": \"S%04d\", \"kind\": \"%s\", \"lon\": %.6f, \"lat\": %.6f, \"smallGrid\": \"%s\","
                                + " \"zh\": \"%s%s%02d\", \"en\": \"%s %s %02d\" }",
                        n, kind[0], p[0], p[1], grid.code().value(),
                        grid.name().zh(), kind[1], k, grid.name().en(), kind[2], k));
            }
        }
        return "{\n"
                + "  \"_comment\": \"Demo district's field sensors (data; made by src/test/java/org/gridcommand/feed/DemoSensors.java"
                + " from the demo district, seed " + SEED + "). kind is a code of assets/feed/sensor-kinds.json; lon/lat are"
                + " WGS-84 unless a datum is given; smallGrid is the 15-digit unit grid code the sensor stands in.\",\n"
                + "  \"version\": 1,\n"
                + "  \"sensors\": [\n"
                + String.join(",\n", lines) + "\n"
                + "  ]\n"
                + "}\n";
    }

    /** A point inside the area, rounded to 6 decimals (about 0.1 m) and still inside after rounding. */
    private static double[] pointIn(PreparedGeometry area, SplittableRandom random) {
        Envelope env = area.getGeometry().getEnvelopeInternal();
        while (true) {
            double lon = Math.round((env.getMinX() + random.nextDouble() * env.getWidth()) * 1e6) / 1e6;
            double lat = Math.round((env.getMinY() + random.nextDouble() * env.getHeight()) * 1e6) / 1e6;
            if (area.containsProperly(GEOMETRY.createPoint(new Coordinate(lon, lat)))) {
                return new double[] {lon, lat};
            }
        }
    }
}

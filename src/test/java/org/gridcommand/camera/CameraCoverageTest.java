package org.gridcommand.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CameraCoverageTest {
    private static final GeoPoint AT = new GeoPoint(113.58, 22.36);
    private static final double EARTH_RADIUS = 6_371_008.8;

    @ParameterizedTest(name = "heading {0}, fov {1}: bearing {2}, {3} m → {4}")
    @CsvSource(textBlock = """
            0,   90,  30,      50,     true
            0,   90,  50,      50,     false
            0,   90,  -30,     50,     true
            0,   90,  0,       100,    true
            0,   90,  0,       100.01, false
            0,   90,  0,       101,    false
            0,   90,  180,     10,     false
            0,   90,  135,     10,     false
            0,   90,  45,      50,     true
            0,   90,  -45,     50,     true
            0,   90,  45.001,  50,     false
            350, 40,  5,       50,     true
            350, 40,  10,      50,     true
            350, 40,  15,      50,     false
            350, 40,  330,     50,     true
            350, 40,  329.9,   50,     false
            10,  40,  355,     50,     true
            10,  40,  349,     50,     false
            90,  60,  90,      99.999, true
            270, 60,  90,      20,     false
            0,   360, 180,     100,    true
            0,   360, 180,     100.5,  false
            """)
    void aPointIsCoveredWithinRangeAndAngleEdgesIncluded(double heading, double fov, double bearing, double metres,
                                                         boolean covered) {
        Camera camera = camera("C", AT, heading, fov, 100);
        GeoPoint point = destination(AT, bearing, metres);

        assertThat(CameraCoverage.covers(camera, point)).isEqualTo(covered);
        CameraMatch match = CameraCoverage.match(camera, point);
        assertThat(match.distanceMetres()).isCloseTo(metres, within(1e-6));
        assertThat(CameraCoverage.angleOffHeading(match.bearingDeg(), bearing)).isCloseTo(0, within(1e-6));
        assertThat(new CameraCoverage(List.of(camera)).at(point).fallback()).isEqualTo(!covered);
    }

    @Test
    void aPointAtTheCameraIsCoveredWhateverTheHeading() {
        Camera camera = camera("C", AT, 123, 10, 50);
        CameraMatch match = CameraCoverage.match(camera, AT);
        assertThat(match.covers()).isTrue();
        assertThat(match.distanceMetres()).isZero();
        assertThat(match.bearingDeg()).isNaN();
        assertThat(new CameraCoverage(List.of(camera)).at(AT).matches()).containsExactly(match);
    }

    @Test
    void angleOffHeadingWrapsAroundNorth() {
        assertThat(CameraCoverage.angleOffHeading(350, 10)).isCloseTo(20, within(1e-12));
        assertThat(CameraCoverage.angleOffHeading(10, 350)).isCloseTo(20, within(1e-12));
        assertThat(CameraCoverage.angleOffHeading(0, 180)).isCloseTo(180, within(1e-12));
        assertThat(CameraCoverage.angleOffHeading(360, 0)).isCloseTo(0, within(1e-12));
        assertThat(CameraCoverage.bearingDeg(AT, destination(AT, -0.5, 100))).isCloseTo(359.5, within(1e-9));
    }

    @Test
    void coveringCamerasAreRankedByDistanceAndOthersLeftOut() {
        GeoPoint incident = destination(AT, 0, 200);
        Camera far = camera("far", destination(incident, 180, 140), 0, 60, 150);
        Camera near = camera("near", destination(incident, 90, 30), 270, 30, 100);
        Camera middle = camera("middle", destination(incident, 315, 80), 135, 20, 100);
        Camera nearButLookingAway = camera("away", destination(incident, 0, 10), 0, 90, 100);
        Camera nearButShort = camera("short", destination(incident, 200, 40), 20, 90, 30);
        CameraCoverage coverage = new CameraCoverage(List.of(far, near, middle, nearButLookingAway, nearButShort));

        CoverageResult result = coverage.at(incident);

        assertThat(result.fallback()).isFalse();
        assertThat(result.cameras()).containsExactly(near, middle, far);
        assertThat(result.matches()).allMatch(CameraMatch::covers);
        assertThat(result.matches()).extracting(CameraMatch::distanceMetres).isSorted();
    }

    @Test
    void whenNoneCoversTheNearestAreGivenFlaggedAsNotCovering() {
        GeoPoint incident = AT;
        List<Camera> cameras = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            // Each looks straight away from the incident: near, but never covering.
            cameras.add(camera("C" + i, destination(incident, i * 40, i * 25.0), i * 40, 60, 500));
        }
        CameraCoverage coverage = new CameraCoverage(cameras);

        CoverageResult result = coverage.at(incident, 3);

        assertThat(result.fallback()).isTrue();
        assertThat(result.cameras()).extracting(Camera::id).containsExactly("C1", "C2", "C3");
        assertThat(result.matches()).noneMatch(CameraMatch::covers);
        assertThat(result.matches().get(0).distanceMetres()).isCloseTo(25, within(1e-6));
        assertThat(coverage.at(incident).matches()).hasSize(CameraCoverage.DEFAULT_FALLBACK);
        assertThat(coverage.at(incident, 0).matches()).isEmpty();
        assertThat(coverage.at(incident, 0).fallback()).isTrue();
        assertThat(coverage.at(incident, 20).matches()).hasSize(8);
        assertThat(new CameraCoverage(List.of()).at(incident).isEmpty()).isTrue();
    }

    @Test
    void aCameraWithoutRangeOrFieldOfViewCoversNothingButItsOwnSpot() {
        Camera blind = camera("blind", AT, 0, 0, 100);
        Camera noRange = camera("norange", AT, 0, 90, 0);
        CameraCoverage coverage = new CameraCoverage(List.of(blind, noRange));
        assertThat(coverage.at(destination(AT, 0, 10)).fallback()).isTrue();
        assertThat(coverage.at(AT).cameras()).containsExactly(blind, noRange);
    }

    /** The bucket index finds exactly what testing every camera finds, ranges from 20 m to 5 km. */
    @Test
    void theIndexAgreesWithTestingEveryCamera() {
        SplittableRandom rnd = new SplittableRandom(28181);
        List<Camera> cameras = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            GeoPoint p = new GeoPoint(113.54 + rnd.nextDouble() * 0.08, 22.33 + rnd.nextDouble() * 0.065);
            double range = i % 500 == 0 ? 5000 : 20 + rnd.nextDouble() * 280;
            double fov = i % 97 == 0 ? 360 : 20 + rnd.nextDouble() * 100;
            cameras.add(camera(String.format("%05d", i), p, rnd.nextDouble() * 360, fov, range));
        }
        CameraCoverage coverage = new CameraCoverage(cameras);
        assertThat(coverage.size()).isEqualTo(3000);
        Comparator<CameraMatch> rank = Comparator.comparingDouble(CameraMatch::distanceMetres)
                .thenComparing(m -> m.camera().id());
        int queries = 600;
        int covered = 0;
        for (int q = 0; q < queries; q++) {
            GeoPoint point = q % 10 == 0 ? cameras.get(q).position()
                    : new GeoPoint(113.53 + rnd.nextDouble() * 0.1, 22.32 + rnd.nextDouble() * 0.085);
            List<CameraMatch> all = cameras.stream().map(c -> CameraCoverage.match(c, point)).sorted(rank).toList();
            List<Camera> expected = all.stream().filter(CameraMatch::covers).map(CameraMatch::camera).toList();
            CoverageResult result = coverage.at(point, 5);
            if (expected.isEmpty()) {
                assertThat(result.fallback()).isTrue();
                assertThat(result.cameras()).isEqualTo(all.stream().limit(5).map(CameraMatch::camera).toList());
            } else {
                covered++;
                assertThat(result.fallback()).isFalse();
                assertThat(result.cameras()).as("query %d at %s", q, point).isEqualTo(expected);
            }
        }
        assertThat(covered).as("the sample tries both branches").isBetween(1, queries - 1);
    }

    static Camera camera(String id, GeoPoint at, double heading, double fov, double range) {
        return new Camera(id, new BilingualName(id, id), at, heading, fov, range, "rtsp://h/" + id, null, null, null);
    }

    /** The point at the given initial bearing and great-circle distance (the sphere of GeoPoint.distanceMetres). */
    static GeoPoint destination(GeoPoint from, double bearingDeg, double metres) {
        double delta = metres / EARTH_RADIUS;
        double theta = Math.toRadians(bearingDeg);
        double phi1 = Math.toRadians(from.lat());
        double lambda1 = Math.toRadians(from.lon());
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
        double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
        return new GeoPoint(Math.toDegrees(lambda2), Math.toDegrees(phi2));
    }
}

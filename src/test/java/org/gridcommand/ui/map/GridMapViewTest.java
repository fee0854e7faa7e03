package org.gridcommand.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.demo.DemoDistrict;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.directory.Resource;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.geo.WebMercator;
import org.gridcommand.grid.DutyStatus;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.testing.FxWait;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The map control in a real stage: input, hit tests, layers (checked on pixels), fly-to, tools, datums. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class GridMapViewTest {
    private static final int W = 1000;
    private static final int H = 700;
    private static DemoDistrict demo;
    private static SmallGrid caseGrid;
    private static GeoPoint caseAt;
    private static SmallGrid clickGrid;
    private static GeoPoint workerAt;
    private static GridWorker worker;
    private static Case urgent;

    private GridMapView map;

    @BeforeAll
    static void district() {
        demo = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);
        List<SmallGrid> grids = demo.district().smallGrids();
        caseGrid = grids.get(60);
        caseAt = interior(caseGrid);
        clickGrid = grids.get(20);
        SmallGrid workerGrid = grids.get(100);
        workerAt = interior(workerGrid);
        GridWorker w = demo.district().gridWorkers().get(0);
        worker = new GridWorker(w.id(), w.name(), w.phone(), w.smallGrid(), DutyStatus.ON_DUTY, workerAt);
        urgent = new Case("CASE-URGENT-1", Channel.HOTLINE, "0601", caseAt, caseGrid.code().value(), "", "",
                Priority.URGENT, CaseState.REPORTED, Instant.parse("2024-06-11T01:00:00Z"), null, null, null, "test");
    }

    private static GeoPoint interior(SmallGrid g) {
        Coordinate c = g.area().getInteriorPoint().getCoordinate();
        return new GeoPoint(c.x, c.y);
    }

    @Start
    void start(Stage stage) {
        map = new GridMapView();
        map.setDistrict(demo.district(), b -> b.name().en(), s -> s.code().sequence());
        map.setCameras(demo.cameras());
        map.setResources(demo.resources());
        map.setCases(List.of(urgent));
        map.setWorkers(List.of(worker));
        stage.setScene(new Scene(map, W, H));
        stage.show();
    }

    // ---------------------------------------------------------------- helpers

    private <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private void fxRun(Runnable work) throws Exception {
        fx(() -> {
            work.run();
            return null;
        });
    }

    private void awaitRendered() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(map::isRenderComplete));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D local(GeoPoint p) throws Exception {
        return fx(() -> map.screenPosition(p));
    }

    private Point2D onScreen(Point2D local) throws Exception {
        return fx(() -> map.localToScreen(local));
    }

    private Color pixel(Point2D local) throws Exception {
        WritableImage image = fx(() -> map.snapshot(null, null));
        return image.getPixelReader().getColor((int) Math.round(local.getX()), (int) Math.round(local.getY()));
    }

    private static boolean isRed(Color c) {
        return c.getRed() > 0.85 && c.getGreen() < 0.4 && c.getBlue() < 0.35;
    }

    // ---------------------------------------------------------------- tests

    @Test
    void dragPansTheView(FxRobot robot) throws Exception {
        awaitRendered();
        Point2D before = local(caseAt);
        Point2D from = onScreen(new Point2D(W * 0.5, H * 0.45));
        robot.drag(from, MouseButton.PRIMARY).dropBy(120, 80);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D after = local(caseAt);
        assertThat(after.getX() - before.getX()).isCloseTo(120, within(2.0));
        assertThat(after.getY() - before.getY()).isCloseTo(80, within(2.0));
    }

    @Test
    void wheelZoomKeepsThePointUnderTheCursor(FxRobot robot) throws Exception {
        awaitRendered();
        Point2D cursor = new Point2D(310, 260);
        robot.moveTo(onScreen(cursor));
        WaitForAsyncUtils.waitForFxEvents();
        GeoPoint under = fx(() -> map.geoAt(cursor.getX(), cursor.getY()));
        double mppBefore = fx(map::metresPerPixel);
        robot.scroll(2, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(map::metresPerPixel)).isNotCloseTo(mppBefore, within(mppBefore * 0.05));
        Point2D now = local(under);
        assertThat(now.getX()).isCloseTo(cursor.getX(), within(1.0));
        assertThat(now.getY()).isCloseTo(cursor.getY(), within(1.0));
    }

    @Test
    void zeroFitsTheDistrict(FxRobot robot) throws Exception {
        fxRun(() -> {
            map.zoomAt(6, 100, 100);
            map.panBy(-900, 400);
        });
        robot.clickOn(onScreen(new Point2D(W - 5, 5)), MouseButton.SECONDARY);
        robot.type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        Envelope e = demo.district().outline().getEnvelopeInternal();
        Point2D topLeft = local(new GeoPoint(e.getMinX(), e.getMaxY()));
        Point2D bottomRight = local(new GeoPoint(e.getMaxX(), e.getMinY()));
        assertThat(topLeft.getX()).isBetween(0.0, (double) W);
        assertThat(topLeft.getY()).isBetween(0.0, (double) H);
        assertThat(bottomRight.getX()).isBetween(0.0, (double) W);
        assertThat(bottomRight.getY()).isBetween(0.0, (double) H);
        // Fitted, not just inside: the district spans most of the width or the height.
        double spanX = bottomRight.getX() - topLeft.getX();
        double spanY = bottomRight.getY() - topLeft.getY();
        assertThat(Math.max(spanX / W, spanY / H)).isGreaterThan(0.7);
    }

    @Test
    void clickInsideAGridSelectsIt(FxRobot robot) throws Exception {
        for (MapLayerKind k : new MapLayerKind[] {MapLayerKind.CASES, MapLayerKind.WORKERS, MapLayerKind.CAMERAS,
            MapLayerKind.RESOURCES}) {
            fxRun(() -> map.layerVisibleProperty(k).set(false));
        }
        awaitRendered();
        Point2D at = local(interior(clickGrid));
        robot.clickOn(onScreen(at));
        WaitForAsyncUtils.waitForFxEvents();
        MapFeature selected = fx(() -> map.selectedProperty().get());
        assertThat(selected).isInstanceOf(MapFeature.GridFeature.class);
        assertThat(((MapFeature.GridFeature) selected).grid().code()).isEqualTo(clickGrid.code());
        GeoPoint clicked = fx(() -> map.lastClickProperty().get());
        assertThat(clicked).isNotNull();
        assertThat(clicked.distanceMetres(interior(clickGrid))).isLessThan(2 * fx(map::metresPerPixel) + 1);
    }

    @Test
    void clickOnACaseMarkerSelectsTheCase(FxRobot robot) throws Exception {
        awaitRendered();
        robot.clickOn(onScreen(local(caseAt)));
        WaitForAsyncUtils.waitForFxEvents();
        MapFeature selected = fx(() -> map.selectedProperty().get());
        assertThat(selected).isInstanceOf(MapFeature.CaseFeature.class);
        assertThat(((MapFeature.CaseFeature) selected).theCase().id()).isEqualTo("CASE-URGENT-1");
    }

    @Test
    void hoverFollowsThePointer(FxRobot robot) throws Exception {
        awaitRendered();
        robot.moveTo(onScreen(local(caseAt)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> map.hoveredProperty().get())).isInstanceOf(MapFeature.CaseFeature.class);
        MapHoverNames names = fx(() -> MapHoverNames.attach(map, org.gridcommand.common.Messages.forLocale(java.util.Locale.ENGLISH)));
        robot.moveTo(onScreen(local(workerAt)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> map.hoveredProperty().get())).isInstanceOf(MapFeature.WorkerFeature.class);
        // The worker is named where the pointer rests, with duty and phone.
        assertThat(fx(() -> names.tooltip().getText())).isEqualTo(worker.name().en() + " · grid worker, on duty · "
                + worker.phone());
        fxRun(names::dispose);
        // Beyond the district's north-west corner there is nothing.
        Envelope e = demo.district().outline().getEnvelopeInternal();
        Point2D outside = local(new GeoPoint(e.getMinX() - 0.004, e.getMaxY() + 0.004));
        robot.moveTo(onScreen(outside));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> map.hoveredProperty().get())).isNull();
    }

    @Test
    void hidingALayerRemovesItsPixels() throws Exception {
        awaitRendered();
        Point2D casePx = local(caseAt);
        assertThat(isRed(pixel(casePx))).as("urgent case drawn red at its spot: " + pixel(casePx)).isTrue();

        boolean[] shown = fx(() -> map.shownSymbols().cameras());
        Camera camera = loneCamera(shown);
        Point2D cameraPx = local(camera.position());
        assertThat(isCameraCyan(pixel(cameraPx))).as("camera dot at its spot: " + pixel(cameraPx)).isTrue();

        fxRun(() -> map.layerVisibleProperty(MapLayerKind.CASES).set(false));
        awaitRendered();
        assertThat(isRed(pixel(casePx))).as("case hidden: " + pixel(casePx)).isFalse();
        assertThat(isCameraCyan(pixel(cameraPx))).as("cameras still shown").isTrue();

        fxRun(() -> map.layerVisibleProperty(MapLayerKind.CAMERAS).set(false));
        awaitRendered();
        assertThat(isCameraCyan(pixel(cameraPx))).as("camera hidden: " + pixel(cameraPx)).isFalse();

        fxRun(() -> map.layerVisibleProperty(MapLayerKind.CASES).set(true));
        awaitRendered();
        assertThat(isRed(pixel(casePx))).as("case shown again").isTrue();
    }

    @Test
    void movingAWorkerMovesItsSymbol() throws Exception {
        awaitRendered();
        Point2D from = local(workerAt);
        assertThat(isWorkerGreen(pixel(from))).as("worker at its first spot: " + pixel(from)).isTrue();
        GeoPoint next = interior(demo.district().smallGrids().get(110));
        fxRun(() -> map.moveWorkers(Map.of(worker.id(), next)));
        awaitRendered();
        assertThat(isWorkerGreen(pixel(local(next)))).as("worker at its new spot").isTrue();
        assertThat(isWorkerGreen(pixel(from))).as("old spot cleared: " + pixel(from)).isFalse();
    }

    @Test
    void flyToEndsCentredOnTheTargetAtTheScale() throws Exception {
        awaitRendered();
        GeoPoint target = interior(demo.district().smallGrids().get(5));
        fxRun(() -> map.flyTo(target, 3.0));
        FxWait.until("the flight has landed", Duration.ofSeconds(10), () -> !map.isFlying());
        Point2D at = local(target);
        assertThat(at.getX()).isCloseTo(W / 2.0, within(0.5));
        assertThat(at.getY()).isCloseTo(H / 2.0, within(0.5));
        assertThat(fx(map::metresPerPixel)).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void aToolReceivesClicksInsteadOfSelection(FxRobot robot) throws Exception {
        awaitRendered();
        List<String> events = new ArrayList<>();
        List<GeoPoint> points = new ArrayList<>();
        MapTool tool = new MapTool() {
            @Override
            public void pressed(GeoPoint p, MouseEvent e) {
                events.add("pressed");
                points.add(p);
            }

            @Override
            public void moved(GeoPoint p, MouseEvent e) {
            }

            @Override
            public void released(GeoPoint p, MouseEvent e) {
                events.add("released");
                points.add(p);
            }

            @Override
            public boolean key(KeyEvent e) {
                events.add("key " + e.getCode());
                return e.getCode() == KeyCode.ESCAPE;
            }
        };
        fxRun(() -> map.setTool(tool));
        Point2D at = local(caseAt);
        robot.clickOn(onScreen(at));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(events).containsExactly("pressed", "released", "key ESCAPE");
        double tolerance = 2 * fx(map::metresPerPixel) + 1;
        assertThat(points.get(1).distanceMetres(caseAt)).isLessThan(tolerance);
        assertThat(fx(() -> map.selectedProperty().get())).isNull();
        assertThat(fx(() -> map.lastClickProperty().get())).isNull();
    }

    @Test
    void gcj02BaseTilesShiftTheOverlayByTheDatumOffset() throws Exception {
        awaitRendered();
        Point2D wgs = local(caseAt);
        double ppm = fx(() -> map.view().pixelsPerMetre());
        fxRun(() -> map.setBaseTiles(new BaseTiles() {
            @Override
            public Image tile(int z, long x, long y) {
                return null;
            }

            @Override
            public Datum datum() {
                return Datum.GCJ02;
            }

            @Override
            public void onTileLoaded(Runnable redraw) {
            }
        }));
        awaitRendered();
        Point2D gcj = local(caseAt);
        double[] shifted = ChinaDatums.wgs84ToGcj02(caseAt.lon(), caseAt.lat());
        double expectedDx = (WebMercator.x(shifted[0]) - WebMercator.x(caseAt.lon())) * ppm;
        double expectedDy = -(WebMercator.y(shifted[1]) - WebMercator.y(caseAt.lat())) * ppm;
        double groundOffset = caseAt.distanceMetres(new GeoPoint(shifted[0], shifted[1]));
        assertThat(groundOffset).as("GCJ-02 offset in Zhuhai, metres").isBetween(100.0, 1000.0);
        assertThat(gcj.getX() - wgs.getX()).isCloseTo(expectedDx, within(0.5));
        assertThat(gcj.getY() - wgs.getY()).isCloseTo(expectedDy, within(0.5));
        assertThat(Math.hypot(expectedDx, expectedDy)).isGreaterThan(5);
        assertThat(isRed(pixel(gcj))).as("case drawn at its GCJ-02 spot").isTrue();
        // Positions in and out stay WGS-84.
        GeoPoint back = fx(() -> map.geoAt(gcj.getX(), gcj.getY()));
        assertThat(back.distanceMetres(caseAt)).isLessThan(1.0 / ppm + 0.5);
    }

    // ---------------------------------------------------------------- fixtures

    /** A camera with no case, worker or resource near it, so its dot is what shows at its spot. */
    /** The camera farthest from every other symbol, among those the map draws at its scale. */
    private static Camera loneCamera(boolean[] shown) {
        List<GeoPoint> others = new ArrayList<>();
        others.add(caseAt);
        others.add(workerAt);
        for (Resource r : demo.resources()) {
            others.add(r.position());
        }
        return java.util.stream.IntStream.range(0, shown.length).filter(i -> shown[i])
                .mapToObj(i -> demo.cameras().get(i))
                .max(Comparator.comparingDouble(c -> others.stream()
                        .mapToDouble(o -> o.distanceMetres(c.position())).min().orElse(0)))
                .orElseThrow();
    }

    private static boolean isCameraCyan(Color c) {
        return c.getBlue() > 0.8 && c.getGreen() > 0.75 && c.getRed() < 0.65;
    }

    private static boolean isWorkerGreen(Color c) {
        return c.getGreen() > 0.7 && c.getRed() < 0.4 && c.getBlue() < 0.5;
    }
}

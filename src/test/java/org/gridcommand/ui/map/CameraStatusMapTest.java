package org.gridcommand.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.camera.CameraStatusBoard;
import org.gridcommand.common.Messages;
import org.gridcommand.demo.DemoDistrict;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Camera symbols marked by signal status from a status board: colour and shape per state, the tooltip in
 * words, lost cameras kept through thinning, and cached tiles redrawn only when a drawn state changes.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class CameraStatusMapTest {
    private static final int W = 1000;
    private static final int H = 700;
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    /** 22:00 in the district; the lost camera went dark at 21:14. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-15T14:00:00Z"), ZoneOffset.UTC);
    private static final Instant CAME_UP = Instant.parse("2025-07-15T12:30:00Z");
    private static final Instant WENT_DARK = Instant.parse("2025-07-15T13:14:00Z");
    private static DemoDistrict demo;

    private GridMapView map;
    private final CameraStatusBoard board = new CameraStatusBoard();

    @BeforeAll
    static void district() {
        demo = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);
    }

    @Start
    void start(Stage stage) {
        map = new GridMapView();
        map.setDistrict(demo.district(), b -> b.name().en(), s -> s.code().sequence());
        map.setCameras(demo.cameras());
        stage.setScene(new Scene(map, W, H));
        stage.show();
    }

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

    private Point2D local(Camera c) throws Exception {
        return fx(() -> map.screenPosition(c.position()));
    }

    private Color pixel(Point2D at, int dx, int dy) throws Exception {
        WritableImage image = fx(() -> map.snapshot(null, null));
        return image.getPixelReader().getColor((int) Math.round(at.getX()) + dx, (int) Math.round(at.getY()) + dy);
    }

    private CameraStatusLayer attachLayer() throws Exception {
        return fx(() -> new CameraStatusLayer(map, board, Messages.forLocale(Locale.ENGLISH), DISTRICT, CLOCK));
    }

    /** Shown cameras far from each other and from the edges, so each one's pixels are its own. */
    private List<Camera> loneShownCameras(int count) throws Exception {
        boolean[] shown = fx(() -> map.shownSymbols().cameras());
        List<Camera> cameras = demo.cameras();
        List<Camera> chosen = new ArrayList<>();
        List<Integer> candidates = IntStream.range(0, shown.length).filter(i -> shown[i]).boxed()
                .sorted(Comparator.comparingDouble(i -> -nearestOther(cameras, i))).toList();
        for (int i : candidates) {
            Point2D p = local(cameras.get(i));
            if (p.getX() > 40 && p.getY() > 40 && p.getX() < W - 40 && p.getY() < H - 160
                    && chosen.stream().allMatch(c -> c.position().distanceMetres(cameras.get(i).position()) > 300)) {
                chosen.add(cameras.get(i));
            }
            if (chosen.size() == count) {
                return chosen;
            }
        }
        throw new AssertionError("fewer than " + count + " lone cameras on the fitted map");
    }

    private static double nearestOther(List<Camera> cameras, int i) {
        double best = Double.MAX_VALUE;
        for (int j = 0; j < cameras.size(); j++) {
            if (j != i) {
                best = Math.min(best, cameras.get(i).position().distanceMetres(cameras.get(j).position()));
            }
        }
        return best;
    }

    private static boolean isCyan(Color c) {
        return c.getBlue() > 0.8 && c.getGreen() > 0.75 && c.getRed() < 0.65;
    }

    private static boolean isRed(Color c) {
        return c.getRed() > 0.85 && c.getGreen() < 0.45 && c.getBlue() < 0.4;
    }

    private static boolean isWhite(Color c) {
        return c.getRed() > 0.8 && c.getGreen() > 0.8 && c.getBlue() > 0.8;
    }

    private static boolean isGrey(Color c) {
        return Math.abs(c.getRed() - c.getBlue()) < 0.12 && c.getRed() > 0.4 && c.getRed() < 0.75;
    }

    private static boolean isDark(Color c) {
        return c.getBrightness() < 0.3;
    }

    @Test
    void eachStatusHasItsOwnColourAndShapeAndTheTooltipSaysSince(FxRobot robot) throws Exception {
        awaitRendered();
        List<Camera> three = loneShownCameras(3);
        Camera online = three.get(0);
        Camera lost = three.get(1);
        Camera neverSeen = three.get(2);
        Point2D onlineAt = local(online);
        Point2D lostAt = local(lost);
        Point2D neverAt = local(neverSeen);
        assertThat(isCyan(pixel(neverAt, 0, 0))).as("plain camera symbol before any status").isTrue();

        board.frameSeen(online.id(), CAME_UP);
        board.frameSeen(lost.id(), CAME_UP);
        board.signalLost(lost.id(), WENT_DARK);
        CameraStatusLayer layer = attachLayer();
        awaitRendered();

        assertThat(isCyan(pixel(onlineAt, 0, 0))).as("online: filled cyan square " + pixel(onlineAt, 0, 0)).isTrue();
        assertThat(isWhite(pixel(lostAt, 0, 0))).as("lost: white cross at the centre " + pixel(lostAt, 0, 0)).isTrue();
        assertThat(isRed(pixel(lostAt, 3, 0))).as("lost: red between the arms " + pixel(lostAt, 3, 0)).isTrue();
        assertThat(isDark(pixel(neverAt, 0, 0))).as("never seen: hollow " + pixel(neverAt, 0, 0)).isTrue();
        assertThat(isGrey(pixel(neverAt, 2, 0))).as("never seen: grey outline " + pixel(neverAt, 2, 0)).isTrue();

        assertThat(fx(() -> layer.describe(lost.id()))).isEqualTo("signal lost since 21:14");
        assertThat(fx(() -> layer.describe(online.id()))).isEqualTo("online since 20:30");
        assertThat(fx(() -> layer.describe(neverSeen.id()))).isEqualTo("never seen");
        robot.moveTo(fx(() -> map.localToScreen(lostAt)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> map.hoveredProperty().get())).isEqualTo(new MapFeature.CameraFeature(lost));
        assertThat(fx(() -> layer.tooltip().getText()))
                .isEqualTo(lost.name().en() + " (" + lost.id() + ") · signal lost since 21:14");

        // The camera comes back: the board's change reaches the map by itself, and so does the tooltip.
        board.frameSeen(lost.id(), WENT_DARK.plusSeconds(600));
        awaitRendered();
        assertThat(isCyan(pixel(lostAt, 0, 0))).as("back online " + pixel(lostAt, 0, 0)).isTrue();
        assertThat(fx(() -> layer.tooltip().getText())).endsWith("· online since 21:24");
        fxRun(layer::dispose);
    }

    @Test
    void theLegendGainsAnEntryPerStatus() throws Exception {
        awaitRendered();
        double before = fx(() -> map.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.canvas.Canvas c && c.isVisible() && c.getWidth() < W - 5)
                .mapToDouble(n -> ((javafx.scene.canvas.Canvas) n).getWidth() * ((javafx.scene.canvas.Canvas) n).getHeight())
                .sum());
        attachLayer();
        awaitRendered();
        double after = fx(() -> map.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.canvas.Canvas c && c.isVisible() && c.getWidth() < W - 5)
                .mapToDouble(n -> ((javafx.scene.canvas.Canvas) n).getWidth() * ((javafx.scene.canvas.Canvas) n).getHeight())
                .sum());
        assertThat(after).as("legend area with three more entries").isGreaterThan(before * 1.2);
    }

    @Test
    void aLostCameraIsNeverThinnedAwayByOtherCameras() throws Exception {
        awaitRendered();
        boolean[] shown = fx(() -> map.shownSymbols().cameras());
        int hidden = IntStream.range(0, shown.length).filter(i -> !shown[i]).findFirst()
                .orElseThrow(() -> new AssertionError("the fitted map thins some cameras"));
        Camera camera = demo.cameras().get(hidden);
        board.frameSeen(camera.id(), CAME_UP);
        board.signalLost(camera.id(), WENT_DARK);
        attachLayer();
        awaitRendered();
        assertThat(fx(() -> map.shownSymbols().cameras()[hidden])).as("lost camera shown").isTrue();
        assertThat(fx(() -> map.featureAt(local(camera).getX(), local(camera).getY())))
                .as("and it answers the hit test").isEqualTo(new MapFeature.CameraFeature(camera));
    }

    @Test
    void tilesAreRedrawnOnlyWhenADrawnStateChanges() throws Exception {
        awaitRendered();
        Camera camera = loneShownCameras(1).get(0);
        Map<String, CameraStatus> statuses = new HashMap<>();
        statuses.put(camera.id(), CameraStatus.online(CAME_UP, CAME_UP));
        fxRun(() -> map.setCameraStatuses(statuses));
        awaitRendered();
        GridMapView.RenderStats settled = fx(map::renderStats);

        // A newer frame and a new "since" change no pixel: nothing is rendered again.
        statuses.put(camera.id(), CameraStatus.online(CAME_UP.plusSeconds(60), WENT_DARK));
        fxRun(() -> map.setCameraStatuses(statuses));
        assertThat(fx(map::isRenderComplete)).as("no frame requested").isTrue();
        awaitRendered();
        assertThat(fx(map::renderStats).tilesRendered()).isEqualTo(settled.tilesRendered());
        assertThat(fx(map::renderStats).fullFrames()).isEqualTo(settled.fullFrames());

        statuses.put(camera.id(), CameraStatus.lost(WENT_DARK, WENT_DARK));
        fxRun(() -> map.setCameraStatuses(statuses));
        awaitRendered();
        assertThat(fx(map::renderStats).tilesRendered()).isGreaterThan(settled.tilesRendered());
        assertThat(fx(() -> map.cameraStatus(camera.id()))).isEqualTo(CameraStatus.lost(WENT_DARK, WENT_DARK));
        assertThat(isRed(pixel(local(camera), 3, 0))).isTrue();
    }
}

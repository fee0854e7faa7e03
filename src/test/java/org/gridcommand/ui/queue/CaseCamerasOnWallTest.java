package org.gridcommand.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import javafx.stage.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.testfx.framework.junit5.Start;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraCoverage;
import org.gridcommand.camera.CameraMatch;
import org.gridcommand.camera.CoverageResult;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Ulid;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.LocationAnswer;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.video.VideoWall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The acceptance of "case → cameras": select a case in the real console, one key (W), and the cameras whose
 * field of view covers the case point are on the wall, nearest first.
 */
@Tag("ui")
class CaseCamerasOnWallTest extends ConsoleQueueTestBase {
    private static final Operator OFFICER = new Operator("Sun Li", Role.DUTY_OFFICER);
    private static Case seen;

    @BeforeAll
    static void openDemoStore() throws Exception {
        openSeat("gc-case-cameras", OFFICER);
        // A place at least two cameras see: 15 m in front of some camera, where another one looks too.
        CameraCoverage coverage = new CameraCoverage(context.cameras());
        GeoPoint place = null;
        for (Camera c : context.cameras()) {
            double h = Math.toRadians(c.headingDeg());
            double metres = Math.min(15, c.rangeMetres() / 2);
            GeoPoint p = new GeoPoint(c.position().lon() + metres * Math.sin(h) / (111_320 * Math.cos(Math.toRadians(
                    c.position().lat()))), c.position().lat() + metres * Math.cos(h) / 111_320);
            CoverageResult r = coverage.at(p, 4);
            if (!r.fallback() && r.matches().size() >= 2) {
                place = p;
                break;
            }
        }
        if (place == null) {
            throw new AssertionError("the demo has no place two cameras see");
        }
        // Reported today (the queue shows open cases and today's): the seat's clock stands in the afternoon.
        Instant reported = context.clock().instant().minusSeconds(60);
        LocationAnswer where = context.locateService().locate(place);
        seen = Case.builder().id(Ulid.next()).channel(Channel.HOTLINE).categoryCode("0201").location(place)
                .smallGridCode(where.smallGrid() == null ? null : where.smallGrid().code().value())
                .description("rubbish where two cameras look").priority(Priority.NORMAL).state(CaseState.REPORTED)
                .reportedAt(reported).build();
        context.database().cases().insertAll(List.of(seen));
    }

    @Override
    protected Operator officer() {
        return OFFICER;
    }

    @Start
    void start(Stage stage) {
        startConsole(stage);
    }

    @Test
    void wPutsTheCoveringCamerasOfTheSelectedCaseOnTheWallNearestFirst(FxRobot robot) throws Exception {
        waitUntil("the queue has loaded", () -> queue.model().loadedProperty().get());
        CameraCoverage coverage = new CameraCoverage(context.cameras());
        VideoWall wall = window.videoWall();
        waitUntil("the case is in the queue", () -> queue.model().rows().stream().anyMatch(r -> r.id().equals(seen.id())));
        CoverageResult expected = coverage.at(seen.location(), wall.size());

        robot.interact(() -> queue.model().selectCase(seen.id()));
        robot.clickOn("#case-queue-table");
        robot.interact(() -> queue.model().selectCase(seen.id()));
        robot.type(KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = names(wall);
        List<String> wanted = new ArrayList<>();
        for (CameraMatch m : expected.matches().subList(0, Math.min(wall.size(), expected.matches().size()))) {
            wanted.add("Case · " + m.camera().name().in(Locale.ENGLISH));
        }
        assertThat(shown.subList(0, wanted.size())).containsExactlyElementsOf(wanted);
        // The incident view: the case's tiles framed, every other tile cleared (no unrelated camera passes for one).
        assertThat(shown.subList(wanted.size(), shown.size())).allMatch(String::isEmpty);
        for (int i = 0; i < wall.size(); i++) {
            assertThat(wall.tile(i).isCaseMarked()).as("tile " + i).isEqualTo(i < wanted.size());
        }
        for (int i = 1; i < wanted.size(); i++) {
            assertThat(expected.matches().get(i).distanceMetres())
                    .isGreaterThanOrEqualTo(expected.matches().get(i - 1).distanceMetres());
        }
        assertThat(expected.matches()).allSatisfy(m -> assertThat(m.covers()).isTrue());
        String header = robot.lookup("#video-region .label").queryAll().stream().map(n -> ((Label) n).getText())
                .filter(t -> t.contains("cover")).findFirst().orElse("");
        assertThat(header).contains(expected.matches().size() + " camera(s) cover the case");
    }

    private static List<String> names(VideoWall wall) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> wall.tiles().stream()
                .map(t -> ((Label) t.lookup(".video-tile-name")).getText()).toList()).get();
    }
}

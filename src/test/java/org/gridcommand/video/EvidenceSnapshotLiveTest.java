package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.video.VideoFx.onFx;
import static org.gridcommand.video.VideoFx.waitUntil;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.layout.StackPane;
import javax.imageio.ImageIO;
import org.gridcommand.app.AppContext;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.camera.CameraStatusBoard;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.evidence.Evidence;
import org.gridcommand.evidence.EvidenceService;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.ui.video.TileSelection;
import org.gridcommand.ui.video.WallCameraStatus;
import org.gridcommand.ui.video.evidence.SnapshotToCase;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.testing.SteadyClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real libVLC, a live ffmpeg stream and the demo store: the picture on a playing tile becomes evidence on a case
 * (a valid, non-blank PNG with camera id, time, operator, digest and its trail line), and the camera status
 * board follows the tile from online to "lost since" when the stream dies.
 */
class EvidenceSnapshotLiveTest extends LiveVideoTest {
    private static final Operator OFFICER = new Operator("Sun Li", Role.DUTY_OFFICER);
    private static final String CAMERA_ID = "44040200001320000077";
    /** The store's and the wall's clock: it moves in real time from a fixed moment, never read off the wall clock. */
    private static final SteadyClock CLOCK = SteadyClock.startingAt(ManualClock.DUTY_AFTERNOON);
    private static Path dataDir;
    private static AppContext context;
    private Process ffmpeg;

    @BeforeAll
    static void openDemoStore() throws Exception {
        dataDir = Files.createTempDirectory("gc-evidence-live");
        context = AppContext.openDemo(dataDir, Locale.ENGLISH, CLOCK);
        context.duty().signOn(OFFICER);
    }

    @AfterAll
    static void closeStore() {
        if (context != null) {
            context.close();
        }
    }

    @AfterEach
    void stopStream() throws Exception {
        LiveStreams.stop(ffmpeg);
    }

    /** An open fire case of the demo district, reported ten minutes ago. */
    private static Case openFire() {
        var grid = context.district().smallGrids().get(30);
        var inside = grid.area().getInteriorPoint();
        Instant reported = CLOCK.instant().minusSeconds(600);
        Case fire = Case.builder().id(Ulid.next()).channel(Channel.HOTLINE).categoryCode("0601")
                .location(new GeoPoint(inside.getX(), inside.getY())).smallGridCode(grid.code().value())
                .address("test address").description("smoke from a window").priority(Priority.URGENT)
                .state(CaseState.ACCEPTED).reportedAt(reported).acceptedAt(reported.plusSeconds(60)).build();
        context.database().cases().insertAll(List.of(fire));
        return fire;
    }

    @Test
    void aSnapshotOfAPlayingTileIsAttachedToTheCaseAndTheBoardFollowsTheStream() throws Exception {
        Case fire = openFire();
        int port = LiveStreams.freeUdpPort();
        ffmpeg = LiveStreams.startUdp(port);
        CameraStatusBoard board = new CameraStatusBoard();
        Path spool = dataDir.resolve("evidence-spool");
        EvidenceService evidence = new EvidenceService(context.database().evidence(), context.duty(),
                context.clock(), context.zone());
        VideoWall wall = onFx(() -> new VideoWall(engine, VideoFx.KEYS, 1, 1, CLOCK));
        SnapshotToCase action = onFx(() -> {
            wall.setHealthPolicy(HealthPolicy.DEFAULT.withStallTimeout(Duration.ofSeconds(2)));
            WallCameraStatus.attach(wall, board);
            TileSelection selection = TileSelection.track(wall);
            SnapshotToCase a = new SnapshotToCase(evidence, context.messages(), context.zone(), context.clock(), spool);
            a.setTileSource(selection::selected);
            a.setCaseSource(() -> fire);
            return a;
        });
        stage = VideoFx.showStage(new StackPane(wall), 640, 360);
        onFx(() -> wall.assign(0, CAMERA_ID, "East gate", "udp://@127.0.0.1:" + port));
        VideoTile tile = wall.tile(0);
        assertThat(waitUntil(Duration.ofSeconds(15), () -> tile.framesRendered() > 10))
                .as("frames rendered: %d, ffmpeg alive: %s", tile.framesRendered(), ffmpeg.isAlive()).isTrue();
        assertThat(board.status(CAMERA_ID).state()).isEqualTo(CameraStatus.State.ONLINE);

        Instant before = CLOCK.instant();
        CompletableFuture<Evidence> done = onFx(action::run);
        Evidence attached = done.get(30, TimeUnit.SECONDS);

        assertThat(attached.caseId()).isEqualTo(fire.id());
        assertThat(attached.cameraId()).isEqualTo(CAMERA_ID);
        assertThat(attached.cameraName()).isEqualTo("East gate");
        assertThat(attached.operatorName()).isEqualTo("Sun Li");
        // The time of the picture taken (the latest frame), so up to a moment before the action.
        assertThat(attached.takenAt()).isBetween(before.minusSeconds(5), CLOCK.instant());
        byte[] png = context.database().evidence().content(attached.id());
        assertThat(EvidenceService.sha256(png)).isEqualTo(attached.sha256());
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
        // The picture as the tile shows it (libVLC picks the decoded size), not necessarily the stream's 640x360.
        assertThat(picture.getWidth()).isEqualTo(attached.width()).isGreaterThanOrEqualTo(320);
        assertThat(picture.getHeight()).isEqualTo(attached.height()).isGreaterThanOrEqualTo(180);
        assertThat(distinctColours(picture)).as("the test pattern, not a blank frame").isGreaterThan(50);
        assertThat(evidence.list(fire.id())).containsExactly(attached);
        CaseEvent line = context.database().caseEvents().findByCase(fire.id()).stream()
                .filter(e -> e.action() == CaseAction.EVIDENCE).findFirst().orElseThrow();
        assertThat(line.id()).isEqualTo(attached.eventId());
        assertThat(line.note()).startsWith("camera " + CAMERA_ID + " (East gate) · taken ");
        assertThat(onFx(() -> action.messageProperty().get())).startsWith(
                "Snapshot of East gate attached to case " + fire.id() + " (picture of ");
        assertThat(onFx(() -> action.errorProperty().get())).isFalse();
        try (var left = Files.list(spool)) {
            assertThat(left).as("the spooled PNG is gone once stored").isEmpty();
        }

        LiveStreams.kill(ffmpeg);
        assertThat(waitUntil(Duration.ofSeconds(15),
                () -> board.status(CAMERA_ID).state() == CameraStatus.State.LOST))
                .as("board: %s", board.status(CAMERA_ID)).isTrue();
        Instant tileLostSince = onFx(tile::getLostSince);
        assertThat(board.status(CAMERA_ID).since()).isEqualTo(tileLostSince);
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 8) {
            for (int x = 0; x < image.getWidth(); x += 8) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

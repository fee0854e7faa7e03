package org.gridcommand.ui.video.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.stage.Stage;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Messages;
import org.gridcommand.duty.AuditEntry;
import org.gridcommand.duty.AuditRepository;
import org.gridcommand.duty.DutyService;
import org.gridcommand.evidence.Evidence;
import org.gridcommand.evidence.EvidenceRepository;
import org.gridcommand.evidence.EvidenceService;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.video.VideoEngine;
import org.gridcommand.video.VideoTile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the operator is told when a snapshot cannot be taken; the picture time read from the tile's file name. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class SnapshotToCaseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-15T14:00:00Z"), ZoneOffset.UTC);
    private static VideoEngine engine;
    private final List<Evidence> stored = new ArrayList<>();
    private SnapshotToCase action;

    @TempDir
    Path spool;

    @BeforeAll
    static void startEngine() {
        engine = VideoEngine.start();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Start
    void start(Stage stage) {
        // The toolkit only; the tiles are never shown, so they have no picture.
    }

    private SnapshotToCase action() {
        if (action == null) {
            AuditRepository noAudit = new AuditRepository() {
                @Override
                public void append(AuditEntry entry) {
                }

                @Override
                public List<AuditEntry> findRecent(int limit) {
                    return List.of();
                }
            };
            EvidenceRepository repository = new EvidenceRepository() {
                @Override
                public void attach(Evidence evidence, byte[] content, Function<CaseState, CaseEvent> line) {
                    stored.add(evidence);
                }

                @Override
                public List<Evidence> findByCase(String caseId) {
                    return stored;
                }

                @Override
                public Optional<Evidence> findById(String evidenceId) {
                    return Optional.empty();
                }

                @Override
                public byte[] content(String evidenceId) {
                    throw new java.util.NoSuchElementException(evidenceId);
                }

                @Override
                public long count() {
                    return stored.size();
                }
            };
            action = new SnapshotToCase(new EvidenceService(repository, new DutyService(noAudit, CLOCK), CLOCK,
                    ZoneId.of("Asia/Shanghai")), Messages.forLocale(Locale.ENGLISH), ZoneId.of("Asia/Shanghai"),
                    CLOCK, spool);
        }
        return action;
    }

    private static Case aCase(CaseState state) {
        Instant at = Instant.parse("2025-07-15T13:00:00Z");
        return Case.builder().id("01J2ZZ8Q3R4S5T6V7W8X9Y0Z1A").channel(Channel.HOTLINE).categoryCode("0601")
                .location(new GeoPoint(113.58, 22.36)).description("fire").priority(Priority.URGENT).state(state)
                .reportedAt(at).acceptedAt(at).closedAt(state == CaseState.CLOSED ? at : null).build();
    }

    /** Runs the action on the FX thread and returns what the operator reads. */
    private String refusal(VideoTile tile, Case c) throws Exception {
        CompletableFuture<Evidence> result = WaitForAsyncUtils.asyncFx(() -> {
            action().setTileSource(() -> tile);
            action().setCaseSource(() -> c);
            return action().run();
        }).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> result.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(action().errorProperty().get()).isTrue();
        assertThat(action().busyProperty().get()).isFalse();
        return action().messageProperty().get();
    }

    @Test
    void saysWhatIsMissingAndStoresNothing() throws Exception {
        VideoTile empty = WaitForAsyncUtils.asyncFx(() -> new VideoTile(engine, key -> key)).get();
        assertThat(refusal(null, aCase(CaseState.ACCEPTED))).isEqualTo("Select a video tile first (click it).");
        assertThat(refusal(empty, null)).isEqualTo("Select a case in the queue first.");
        assertThat(refusal(empty, aCase(CaseState.CLOSED)))
                .isEqualTo("Case 01J2ZZ8Q3R4S5T6V7W8X9Y0Z1A is closed: evidence is attached to open cases only.");
        assertThat(refusal(empty, aCase(CaseState.ACCEPTED))).isEqualTo("The selected video tile shows no camera.");

        // A camera assigned to a tile that is not on screen: no player, so no picture to take.
        VideoTile offScreen = WaitForAsyncUtils.asyncFx(() -> {
            VideoTile t = new VideoTile(engine, key -> key);
            t.show("44040200001320000001", "East gate", "udp://@127.0.0.1:9", false);
            return t;
        }).get();
        assertThat(refusal(offScreen, aCase(CaseState.ACCEPTED)))
                .startsWith("Snapshot not attached: no picture to snapshot on tile 'East gate'");
        assertThat(stored).isEmpty();
        try (var files = Files.list(spool)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void thePictureTimeIsTheOneInTheTilesFileName() {
        SnapshotToCase a = action();
        assertThat(a.pictureTime(Path.of("44040200001320000001_20261127T203945.123+0800.png")))
                .isEqualTo(Instant.parse("2026-11-27T12:39:45.123Z"));
        assertThat(a.pictureTime(Path.of("cam_7_20261127T203945.123+0800-2.png")))
                .isEqualTo(Instant.parse("2026-11-27T12:39:45.123Z"));
        assertThat(a.pictureTime(Path.of("holiday.png"))).as("not the tile's own name: now").isEqualTo(CLOCK.instant());
    }
}

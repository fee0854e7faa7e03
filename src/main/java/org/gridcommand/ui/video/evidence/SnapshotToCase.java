package org.gridcommand.ui.video.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.gridcommand.cases.Case;
import org.gridcommand.common.Messages;
import org.gridcommand.evidence.Evidence;
import org.gridcommand.evidence.EvidenceService;
import org.gridcommand.evidence.InvalidEvidence;
import org.gridcommand.fx.FxThread;
import org.gridcommand.video.TileHealth;
import org.gridcommand.video.VideoTile;

/**
 * "Snapshot to case": the picture on the selected video tile becomes evidence on the selected case, with the
 * tile's camera id and the time the picture arrived. The tile writes its PNG off the FX thread (into a spool
 * folder), the picture is checked and stored with its trail line in the background, and the operator is told
 * in one line what happened ({@link #messageProperty()}, {@code evidence.*} texts). The spooled file is removed
 * once the store has the picture, or when the picture is refused; when the store fails it is kept, and the
 * line says where. One snapshot at a time. Methods are for the FX thread.
 */
public final class SnapshotToCase {
    private static final System.Logger LOG = System.getLogger(SnapshotToCase.class.getName());
    /** The time part of a tile snapshot's file name, e.g. {@code 4404…_20261127T203945.123+0800.png}. */
    private static final Pattern PICTURE_TIME = Pattern.compile("_(\\d{8}T\\d{6}\\.\\d{3}[+-]\\d{4})(?:-\\d+)?\\.png$");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSZ");
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final EvidenceService service;
    private final Messages text;
    private final ZoneId zone;
    private final Clock clock;
    private final Path spool;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Supplier<VideoTile> tile = () -> null;
    private Supplier<Case> selectedCase = () -> null;
    private Button button;

    /**
     * @param spool folder for the tile's PNG until the store has it (created when needed), e.g. the seat's
     *              data folder's {@code evidence-spool}
     */
    public SnapshotToCase(EvidenceService service, Messages text, ZoneId zone, Clock clock, Path spool) {
        this.service = Objects.requireNonNull(service, "service");
        this.text = Objects.requireNonNull(text, "text");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.spool = Objects.requireNonNull(spool, "spool");
    }

    /** Where the tile to snapshot comes from: the wall's selected tile (null when none). */
    public void setTileSource(Supplier<VideoTile> source) {
        tile = Objects.requireNonNull(source, "source");
    }

    /** Where the case comes from: the queue's selected case (null when none). */
    public void setCaseSource(Supplier<Case> source) {
        selectedCase = Objects.requireNonNull(source, "source");
    }

    /** What the operator is told about the last snapshot: under way, attached, or why not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} reports a failure or refusal. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while a snapshot is being taken and stored. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A button that runs the action, disabled while one runs (made on first call). */
    public Button button() {
        if (button == null) {
            button = new Button(text.get("evidence.button"));
            button.setId("video-snapshot-to-case");
            button.setTooltip(new Tooltip(text.get("evidence.button.hint")));
            button.setFocusTraversable(false);
            button.disableProperty().bind(busy);
            button.setOnAction(e -> run());
        }
        return button;
    }

    /**
     * Takes the snapshot and attaches it. The future completes (on the FX thread, after the message is set) with
     * the stored evidence, or exceptionally with the reason it was not attached.
     */
    public CompletableFuture<Evidence> run() {
        if (busy.get()) {
            return refuse(text.get("evidence.busy"));
        }
        VideoTile source = tile.get();
        if (source == null) {
            return refuse(text.get("evidence.noTile"));
        }
        Case target = selectedCase.get();
        if (target == null) {
            return refuse(text.get("evidence.noCase"));
        }
        if (!target.isOpen()) {
            return refuse(text.format("evidence.caseClosed", target.number() != null ? target.number() : target.id()));
        }
        TileHealth health = source.health();
        if (health.cameraId().isEmpty()) {
            return refuse(text.get("evidence.noCamera"));
        }
        String camera = health.cameraName().isEmpty() ? health.cameraId() : health.cameraName();
        busy.set(true);
        say(text.format("evidence.taking", camera, target.number() != null ? target.number() : target.id()), false);
        CompletableFuture<Evidence> result = new CompletableFuture<>();
        source.snapshot(spool).whenComplete((file, failure) -> {
            if (failure != null) {
                FxThread.run(() -> finish(result, null, failure, null));
                return;
            }
            FxThread.background(() -> attach(target, health, file), evidence -> finish(result, evidence, null, file),
                    problem -> finish(result, null, problem, file));
        });
        return result;
    }

    private Evidence attach(Case target, TileHealth health, Path file) throws IOException {
        byte[] png = Files.readAllBytes(file);
        Evidence evidence = service.attach(target.id(), health.cameraId(), health.cameraName(), pictureTime(file),
                png);
        Files.deleteIfExists(file);
        return evidence;
    }

    private void finish(CompletableFuture<Evidence> result, Evidence evidence, Throwable failure, Path file) {
        busy.set(false);
        if (failure == null) {
            String camera = evidence.cameraName() == null ? evidence.cameraId() : evidence.cameraName();
            say(text.format("evidence.attached", camera, evidence.caseId(),
                    SHOWN_TIME.format(evidence.takenAt().atZone(zone))), false);
            result.complete(evidence);
            return;
        }
        String reason = String.valueOf(failure.getMessage());
        boolean kept = file != null && !(failure instanceof InvalidEvidence) && Files.exists(file);
        if (file != null && !kept) {
            deleteQuietly(file);
        }
        LOG.log(System.Logger.Level.WARNING, "snapshot not attached: " + reason, failure);
        say(kept ? text.format("evidence.failed.kept", reason, file) : text.format("evidence.failed", reason), true);
        result.completeExceptionally(failure);
    }

    /** The time the tile's picture arrived, from the snapshot's name; now, if the name does not say. */
    Instant pictureTime(Path file) {
        Matcher m = PICTURE_TIME.matcher(file.getFileName().toString());
        if (m.find()) {
            try {
                return ZonedDateTime.parse(m.group(1), FILE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // fall through: the name is not the tile's own
            }
        }
        return clock.instant();
    }

    private CompletableFuture<Evidence> refuse(String why) {
        say(why, true);
        return CompletableFuture.failedFuture(new IllegalStateException(why));
    }

    private void say(String line, boolean isError) {
        error.set(isError);
        message.set(line);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove the spooled snapshot " + file, e);
        }
    }
}

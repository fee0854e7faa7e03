package org.gridcommand.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseStateMachine;
import org.gridcommand.cases.TransitionRefused;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;

/**
 * Evidence on a case: a snapshot checked ({@link PngCheck}), hashed, stamped with the operator on duty and
 * stored with one EVIDENCE line in the case's trail, in one durable transaction; listing; export to a file.
 * Every method blocks (store, disk, PNG decoding): call it off the FX thread.
 */
public final class EvidenceService {
    /** The trail note's time: the district's wall clock with its offset, to the millisecond. */
    private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final EvidenceRepository repository;
    private final DutyService duty;
    private final Clock clock;
    private final ZoneId zone;

    public EvidenceService(EvidenceRepository repository, DutyService duty, Clock clock, ZoneId zone) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.duty = Objects.requireNonNull(duty, "duty");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Attaches a snapshot to an open case; returns once it and its trail line are durable.
     *
     * @param cameraName the camera's name as the operator saw it, or null
     * @param takenAt    when the picture was on the tile
     * @throws InvalidEvidence       when the bytes are not a whole, non-blank PNG, or the camera id is blank
     * @throws IllegalStateException when nobody is signed on at this seat
     * @throws TransitionRefused     when the case is closed or voided
     * @throws NoSuchElementException when there is no such case
     */
    public Evidence attach(String caseId, String cameraId, String cameraName, Instant takenAt, byte[] png) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(takenAt, "takenAt");
        String camera = cameraId == null ? "" : cameraId.strip();
        String where = "snapshot of camera " + (camera.isEmpty() ? "(no id)" : camera) + " for case " + caseId;
        if (camera.isEmpty()) {
            throw new InvalidEvidence(where
                    + ": the camera id is blank, so nobody could tell where the picture is from");
        }
        PngCheck.Facts facts = PngCheck.check(png, where);
        Operator operator = duty.onDuty().orElseThrow(() -> new IllegalStateException(
                "nobody is signed on at this seat: sign on before you attach a " + where));
        // Millisecond stamps: what both stores keep exactly, so the record read back equals the one returned.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant taken = takenAt.truncatedTo(ChronoUnit.MILLIS);
        String name = cameraName == null || cameraName.isBlank() ? null : cameraName.strip();
        Evidence evidence = new Evidence(Ulid.next(), caseId, Ulid.next(), camera, name, taken, now,
                operator.name(), Evidence.PNG, facts.width(), facts.height(), png.length, sha256(png));
        String note = trailNote(evidence);
        repository.attach(evidence, png.clone(), state -> {
            if (!CaseStateMachine.isAllowed(state, CaseAction.EVIDENCE)) {
                throw new TransitionRefused(caseId, state, CaseAction.EVIDENCE,
                        CaseStateMachine.allowedFrom(CaseAction.EVIDENCE),
                        "case " + caseId + " is " + state + ": cannot attach a " + where
                                + " (evidence is attached to open cases only)");
            }
            return CaseEvent.byOfficer(evidence.eventId(), caseId, now, operator.name(), operator.role(),
                    CaseAction.EVIDENCE, state, state, note);
        });
        return evidence;
    }

    /** The case's evidence, oldest first. */
    public List<Evidence> list(String caseId) {
        return repository.findByCase(Objects.requireNonNull(caseId, "caseId"));
    }

    /**
     * Writes the evidence's picture to {@code target}: a file (replaced if it exists), or an existing folder,
     * where it gets a name of its own (case, camera, time taken) that never replaces another file. The bytes
     * are checked against the SHA-256 recorded when they were attached, and the file appears whole or not
     * at all. Returns the file written.
     *
     * @throws NoSuchElementException when there is no such evidence
     * @throws IllegalStateException  when the stored bytes no longer match their SHA-256
     * @throws UncheckedIOException   when the file cannot be written (the message names it)
     */
    public Path export(String evidenceId, Path target) {
        Objects.requireNonNull(evidenceId, "evidenceId");
        Objects.requireNonNull(target, "target");
        Evidence evidence = repository.findById(evidenceId)
                .orElseThrow(() -> new NoSuchElementException("no evidence " + evidenceId));
        byte[] content = repository.content(evidenceId);
        String actual = sha256(content);
        if (!actual.equals(evidence.sha256())) {
            throw new IllegalStateException("evidence " + evidenceId + " of case " + evidence.caseId()
                    + ": the stored picture no longer matches its SHA-256 (recorded " + evidence.sha256()
                    + ", now " + actual + "); it was not exported");
        }
        boolean intoFolder = Files.isDirectory(target);
        Path folder = intoFolder ? target : target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".evidence-", ".png.part");
            try {
                Files.write(temp, content);
                return intoFolder ? moveToFreeName(temp, folder, fileName(evidence)) : replace(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export evidence " + evidenceId + " to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /** e.g. {@code 01J…_44040200001320000001_20261127T203945.png}; characters unsafe in a file name become '_'. */
    String fileName(Evidence e) {
        String camera = e.cameraId().replaceAll("[^A-Za-z0-9._-]", "_");
        return e.caseId() + "_" + camera + "_" + FILE_TIME.format(e.takenAt().atZone(zone)) + ".png";
    }

    /** The trail line's detail: camera id (and name), the picture's time in the district's zone, its digest. */
    String trailNote(Evidence e) {
        return "camera " + e.cameraId() + (e.cameraName() == null ? "" : " (" + e.cameraName() + ")")
                + " · taken " + NOTE_TIME.format(e.takenAt().atZone(zone))
                + " · " + e.width() + "x" + e.height() + " PNG · sha256 " + e.sha256();
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private static Path replace(Path temp, Path target) throws IOException {
        try {
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path moveToFreeName(Path temp, Path folder, String name) throws IOException {
        String stem = name.substring(0, name.length() - ".png".length());
        for (int serial = 1; serial <= 1000; serial++) {
            Path candidate = folder.resolve(serial == 1 ? name : stem + "-" + serial + ".png");
            try {
                // No REPLACE_EXISTING: an earlier export of the same picture stays; same folder, so a rename.
                return Files.move(temp, candidate);
            } catch (FileAlreadyExistsException e) {
                // next serial
            }
        }
        throw new IOException("no free file name for " + name + " in " + folder);
    }
}

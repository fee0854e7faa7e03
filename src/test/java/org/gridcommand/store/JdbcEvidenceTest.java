package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.TransitionRefused;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.evidence.Evidence;
import org.gridcommand.evidence.EvidenceService;
import org.gridcommand.evidence.InvalidEvidence;
import org.gridcommand.evidence.TestPictures;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Evidence on a case, on H2 and PostgreSQL: attached with its trail line, listed, exported, refused whole. */
class JdbcEvidenceTest {
    private static final Operator ZHANG = new Operator("张值班", Role.DUTY_OFFICER);
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final String CAMERA = "44040200001320000001";
    /** 2025-07-15 21:14:05.250 in the district. */
    private static final Instant TAKEN = Instant.parse("2025-07-15T13:14:05.250Z");

    private static final class Fixture implements AutoCloseable {
        final TestStore store;
        final ManualClock clock = new ManualClock(Fixtures.NOW);
        final DutyService duty;
        final EvidenceService service;
        final String caseId;

        Fixture(Backend backend, CaseState state) {
            store = TestStores.open(backend);
            duty = new DutyService(store.db.audit(), clock);
            service = new EvidenceService(store.db.evidence(), duty, clock, DISTRICT);
            Case c = Fixtures.aCase(Ulid.next(), state, Fixtures.NOW.minusSeconds(3600));
            store.db.cases().create(c, new CaseEvent(Ulid.next(), c.id(), c.reportedAt(), "王一", null,
                    CaseAction.REPORT, null, CaseState.REPORTED, null, ActorKind.WORKER));
            caseId = c.id();
            store.takeEvents();
        }

        List<CaseEvent> trail() {
            return store.db.caseEvents().findByCase(caseId);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @OnEachStore
    void attachesListsAndWritesOneTrailLine(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.DISPATCHED)) {
            f.duty.signOn(ZHANG);
            f.store.takeEvents();
            byte[] png = TestPictures.gradient(64, 36);
            Instant attachedAt = f.clock.advance(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS);

            Evidence e = f.service.attach(f.caseId, CAMERA, "拱北口岸东 East gate", TAKEN, png);

            assertThat(e.caseId()).isEqualTo(f.caseId);
            assertThat(e.cameraId()).isEqualTo(CAMERA);
            assertThat(e.takenAt()).isEqualTo(TAKEN);
            assertThat(e.attachedAt()).isEqualTo(attachedAt);
            assertThat(e.operatorName()).isEqualTo("张值班");
            assertThat(e.width()).isEqualTo(64);
            assertThat(e.height()).isEqualTo(36);
            assertThat(e.sizeBytes()).isEqualTo(png.length);
            assertThat(e.sha256()).isEqualTo(EvidenceService.sha256(png)).hasSize(64);
            assertThat(f.service.list(f.caseId)).containsExactly(e);
            assertThat(f.store.db.evidence().findById(e.id())).contains(e);
            assertThat(f.store.db.evidence().content(e.id())).isEqualTo(png);

            List<CaseEvent> trail = f.trail();
            assertThat(trail).hasSize(2);
            CaseEvent line = trail.get(1);
            assertThat(line.id()).isEqualTo(e.eventId());
            assertThat(line.action()).isEqualTo(CaseAction.EVIDENCE);
            assertThat(line.operatorName()).isEqualTo("张值班");
            assertThat(line.role()).isEqualTo(Role.DUTY_OFFICER);
            assertThat(line.fromState()).isEqualTo(CaseState.DISPATCHED);
            assertThat(line.toState()).isEqualTo(CaseState.DISPATCHED);
            assertThat(line.at()).isEqualTo(attachedAt);
            assertThat(line.note()).isEqualTo("camera " + CAMERA + " (拱北口岸东 East gate) · taken 2025-07-15 21:14:05.250"
                    + " +08:00 · 64x36 PNG · sha256 " + e.sha256());
            // The case itself is unchanged; views hear about the trail line and the new item.
            assertThat(f.store.db.cases().findById(f.caseId).orElseThrow().state()).isEqualTo(CaseState.DISPATCHED);
            assertThat(f.store.takeEvents()).containsExactly(
                    new ChangeEvent("case", f.caseId, ChangeEvent.Kind.UPDATED),
                    new ChangeEvent("evidence", e.id(), ChangeEvent.Kind.CREATED));

            Evidence second = f.service.attach(f.caseId, "44040200001320000002", null, TAKEN.plusSeconds(5),
                    TestPictures.gradient(32, 18));
            assertThat(f.service.list(f.caseId)).containsExactly(e, second);
            assertThat(f.store.db.evidence().count()).isEqualTo(2);
        }
    }

    @OnEachStore
    void aBadPictureIsRefusedByNameAndNothingIsWritten(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.ACCEPTED)) {
            f.duty.signOn(ZHANG);
            f.store.takeEvents();
            String where = "snapshot of camera " + CAMERA + " for case " + f.caseId;
            assertThatThrownBy(() -> f.service.attach(f.caseId, CAMERA, null, TAKEN, TestPictures.flat(64, 36, 0)))
                    .isInstanceOf(InvalidEvidence.class)
                    .hasMessage(where + ": the picture is blank (every pixel is about #000000); no frame was shown on the tile");
            assertThatThrownBy(() -> f.service.attach(f.caseId, CAMERA, null, TAKEN, "not a picture".getBytes()))
                    .isInstanceOf(InvalidEvidence.class).hasMessageStartingWith(where + ": not a PNG");
            assertThatThrownBy(() -> f.service.attach(f.caseId, CAMERA, null, TAKEN, new byte[0]))
                    .isInstanceOf(InvalidEvidence.class).hasMessage(where + ": the picture is empty (0 bytes)");
            assertThatThrownBy(() -> f.service.attach(f.caseId, " ", null, TAKEN, TestPictures.gradient(8, 8)))
                    .isInstanceOf(InvalidEvidence.class).hasMessageContaining("the camera id is blank");

            assertThat(f.store.db.evidence().count()).isZero();
            assertThat(f.trail()).hasSize(1);
            assertThat(f.store.takeEvents()).isEmpty();
        }
    }

    @OnEachStore
    void aFailureAfterTheTrailLineLeavesNeitherLineNorEvidence(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.ACCEPTED)) {
            byte[] png = TestPictures.gradient(16, 16);
            String eventId = Ulid.next();
            // A camera id longer than its column: the trail line is inserted, then the evidence row fails.
            Evidence tooLong = new Evidence(Ulid.next(), f.caseId, eventId, "9".repeat(65), null, TAKEN, TAKEN,
                    "张值班", Evidence.PNG, 16, 16, png.length, EvidenceService.sha256(png));
            assertThatThrownBy(() -> f.store.db.evidence().attach(tooLong, png, state -> CaseEvent.byOfficer(eventId,
                    f.caseId, TAKEN, "张值班", Role.DUTY_OFFICER, CaseAction.EVIDENCE, state, state, "x")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("attaching evidence " + tooLong.id())
                    .hasMessageContaining("case " + f.caseId);

            assertThat(f.trail()).extracting(CaseEvent::action).containsExactly(CaseAction.REPORT);
            assertThat(f.store.db.evidence().count()).isZero();
            assertThat(f.store.db.evidence().findById(tooLong.id())).isEmpty();
            assertThat(f.store.takeEvents()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"CLOSED", "VOIDED"})
    void aClosedOrVoidedCaseTakesNoEvidence(CaseState state) {
        try (Fixture f = new Fixture(Backend.H2, state)) {
            f.duty.signOn(ZHANG);
            assertThatThrownBy(() -> f.service.attach(f.caseId, CAMERA, null, TAKEN, TestPictures.gradient(16, 16)))
                    .isInstanceOf(TransitionRefused.class)
                    .hasMessage("case " + f.caseId + " is " + state + ": cannot attach a snapshot of camera " + CAMERA
                            + " for case " + f.caseId + " (evidence is attached to open cases only)");
            assertThat(f.store.db.evidence().count()).isZero();
            assertThat(f.trail()).hasSize(1);
        }
    }

    @Test
    void nobodySignedOnMeansNoEvidence() {
        try (Fixture f = new Fixture(Backend.H2, CaseState.ACCEPTED)) {
            assertThatThrownBy(() -> f.service.attach(f.caseId, CAMERA, null, TAKEN, TestPictures.gradient(16, 16)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("nobody is signed on at this seat: sign on before you attach a snapshot of camera "
                            + CAMERA + " for case " + f.caseId);
            assertThat(f.store.db.evidence().count()).isZero();
        }
    }

    @Test
    void anUnknownCaseIsNamed() {
        try (Fixture f = new Fixture(Backend.H2, CaseState.ACCEPTED)) {
            f.duty.signOn(ZHANG);
            assertThatThrownBy(() -> f.service.attach("NO-SUCH-CASE", CAMERA, null, TAKEN, TestPictures.gradient(16, 16)))
                    .isInstanceOf(java.util.NoSuchElementException.class)
                    .hasMessageStartingWith("no case NO-SUCH-CASE to attach evidence");
        }
    }

    @OnEachStore
    void exportWritesTheAttachedBytesAndRefusesBytesThatNoLongerMatch(Backend backend) throws Exception {
        try (Fixture f = new Fixture(backend, CaseState.IN_HANDLING)) {
            f.duty.signOn(ZHANG);
            byte[] png = TestPictures.gradient(40, 30);
            Evidence e = f.service.attach(f.caseId, "camera/7", null, TAKEN, png);
            Path folder = Files.createTempDirectory("gc-evidence-export");
            try {
                Path file = f.service.export(e.id(), folder.resolve("fire.png"));
                assertThat(file).isEqualTo(folder.resolve("fire.png"));
                assertThat(Files.readAllBytes(file)).isEqualTo(png);
                // Into a folder: a name of its own, never replacing an earlier export.
                Path first = f.service.export(e.id(), folder);
                Path second = f.service.export(e.id(), folder);
                assertThat(first.getFileName().toString()).isEqualTo(f.caseId + "_camera_7_20250715T211405.png");
                assertThat(second.getFileName().toString()).isEqualTo(f.caseId + "_camera_7_20250715T211405-2.png");
                assertThat(Files.readAllBytes(second)).isEqualTo(png);
                try (var files = Files.list(folder)) {
                    assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
                }

                byte[] altered = png.clone();
                altered[altered.length / 2] ^= 1;
                f.store.db.write("altering stored evidence", c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE case_evidence_content SET content = ? WHERE evidence_id = ?")) {
                        ps.setBytes(1, altered);
                        ps.setString(2, e.id());
                        return ps.executeUpdate();
                    }
                });
                assertThatThrownBy(() -> f.service.export(e.id(), folder.resolve("altered.png")))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("evidence " + e.id() + " of case " + f.caseId)
                        .hasMessageContaining("no longer matches its SHA-256");
                assertThat(folder.resolve("altered.png")).doesNotExist();
                assertThatThrownBy(() -> f.service.export("NO-SUCH", folder)).hasMessage("no evidence NO-SUCH");
            } finally {
                TestStores.deleteTree(folder);
            }
        }
    }

    @Test
    void evidenceSurvivesReopeningTheSeatStore() {
        Path dir = TestStores.tempDir();
        try {
            String caseId;
            Evidence e;
            byte[] png = TestPictures.gradient(48, 27);
            try (Database db = Database.openH2(dir, new ChangeBus())) {
                DutyService duty = new DutyService(db.audit(), new ManualClock(Fixtures.NOW));
                duty.signOn(ZHANG);
                Case c = Fixtures.aCase(Ulid.next(), CaseState.ACCEPTED, Fixtures.NOW);
                db.cases().create(c, new CaseEvent(Ulid.next(), c.id(), c.reportedAt(), "王一", null,
                        CaseAction.REPORT, null, CaseState.REPORTED, null, ActorKind.WORKER));
                caseId = c.id();
                e = new EvidenceService(db.evidence(), duty, new ManualClock(Fixtures.NOW.plusSeconds(60)), DISTRICT)
                        .attach(caseId, CAMERA, null, TAKEN, png);
            }
            try (Database again = Database.openH2(dir, new ChangeBus())) {
                assertThat(again.evidence().findByCase(caseId)).containsExactly(e);
                assertThat(again.evidence().content(e.id())).isEqualTo(png);
                assertThat(again.caseEvents().findByCase(caseId)).extracting(CaseEvent::action)
                        .containsExactly(CaseAction.REPORT, CaseAction.EVIDENCE);
            }
        } finally {
            TestStores.deleteTree(dir);
        }
    }
}

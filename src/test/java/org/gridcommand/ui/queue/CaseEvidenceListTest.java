package org.gridcommand.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.MergedReport;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.evidence.Evidence;
import org.gridcommand.evidence.EvidenceService;
import org.gridcommand.evidence.TestPictures;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.testing.CurrentThreadUiExecutor;
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The case detail lists the evidence attached to the case, and exports a picture as it was attached. The detail's
 * model loads on the FX thread itself (a current-thread executor), so what a step shows is there when it returns.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class CaseEvidenceListTest {
    private static final Operator OFFICER = new Operator("Sun Li", Role.DUTY_OFFICER);
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static Path dataDir;
    private static AppContext context;
    private static EvidenceService evidence;
    private static Case fire;
    private static Case quiet;
    private static byte[] firstPicture;
    private static Evidence first;
    private static Evidence second;

    private CaseDetailViewModel model;
    private CaseDetailView view;
    private Path exportTo;

    @BeforeAll
    static void openDemoStoreWithEvidence() throws Exception {
        dataDir = Files.createTempDirectory("gc-case-evidence");
        context = AppContext.openDemo(dataDir, Locale.ENGLISH, ManualClock.dutyAfternoon());
        context.duty().signOn(OFFICER);
        fire = openCase("smoke from a window");
        quiet = openCase("a quiet case with no pictures");
        evidence = new EvidenceService(context.database().evidence(), context.duty(), context.clock(), DISTRICT);
        firstPicture = TestPictures.gradient(64, 36);
        Instant taken = context.clock().instant().minusSeconds(30);
        first = evidence.attach(fire.id(), "44040200001320000001", "East gate", taken, firstPicture);
        second = evidence.attach(fire.id(), "44040200001320000002", null, taken.plusSeconds(5),
                TestPictures.gradient(1920, 8));
    }

    private static Case openCase(String description) {
        var grid = context.district().smallGrids().get(40);
        var inside = grid.area().getInteriorPoint();
        Instant reported = context.clock().instant().minusSeconds(900);
        Case c = Case.builder().id(Ulid.next()).channel(Channel.HOTLINE).categoryCode("0601")
                .location(new GeoPoint(inside.getX(), inside.getY())).smallGridCode(grid.code().value())
                .address("test address").description(description).priority(Priority.URGENT)
                .state(CaseState.ACCEPTED).reportedAt(reported).acceptedAt(reported.plusSeconds(60)).build();
        context.database().cases().insertAll(List.of(c));
        return c;
    }

    @AfterAll
    static void closeStore() {
        context.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        exportTo = Files.createTempDirectory("gc-evidence-export").resolve("fire.png");
        CaseQueueViewModel queue = CaseQueueViewModel.forContext(context, new CurrentThreadUiExecutor());
        model = new CaseDetailViewModel(new CaseDetailViewModel.Source() {
            @Override
            public List<CaseEvent> trail(String caseId) {
                return context.database().caseEvents().findByCase(caseId);
            }

            @Override
            public List<MergedReport> mergedReports(String caseId) {
                return context.intake().mergedReports(caseId);
            }

            @Override
            public List<Evidence> evidence(String caseId) {
                return evidence.list(caseId);
            }

            @Override
            public Path exportEvidence(String evidenceId, Path target) {
                return evidence.export(evidenceId, target);
            }
        }, queue.rowFactory(), context.clock(), context.departments(), queue.executor());
        view = new CaseDetailView(model, queue.texts());
        view.setEvidenceTargetChooser(line -> exportTo);
        stage.setScene(new Scene(view, 700, 800));
        stage.show();
    }

    private List<String> evidenceTexts(FxRobot robot) {
        VBox list = robot.lookup("#case-evidence").queryAs(VBox.class);
        return list.getChildren().stream().map(n -> ((Label) ((HBox) n).getChildren().get(0)).getText()).toList();
    }

    @Test
    void theCaseListsItsEvidenceAndExportsAPicture(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.show(fire)).get();
        assertThat(model.evidence()).as("the evidence is listed").hasSize(2);

        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<String> lines = evidenceTexts(robot);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(time.format(first.takenAt().atZone(DISTRICT)))
                .contains("East gate · 44040200001320000001").contains("by Sun Li")
                .contains("64×36").contains("SHA-256 " + first.sha256().substring(0, 12) + "…");
        assertThat(lines.get(1)).contains("44040200001320000002").contains("1920×8").doesNotContain("1,920");
        assertThat(model.timeline()).filteredOn(l -> l.action().equals("Evidence attached")).hasSize(2)
                .first().satisfies(l -> assertThat(l.note()).startsWith("camera 44040200001320000001 (East gate)"));

        robot.clickOn("#case-evidence-export-" + first.id());
        assertThat(model.evidenceMessageProperty().get()).isEqualTo("Evidence exported to " + exportTo);
        assertThat(Files.readAllBytes(exportTo)).isEqualTo(firstPicture);

        // Another case shows no evidence section and no stale line.
        WaitForAsyncUtils.asyncFx(() -> model.show(quiet)).get();
        assertThat(model.timeline()).as("the quiet case is loaded").isEmpty();
        assertThat(model.evidence()).isEmpty();
        assertThat(evidenceTexts(robot)).isEmpty();
        assertThat(model.evidenceMessageProperty().get()).isEmpty();
    }
}

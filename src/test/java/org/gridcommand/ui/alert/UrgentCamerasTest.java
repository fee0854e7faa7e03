package org.gridcommand.ui.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.app.VideoSettings;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.IntakeResult;
import org.gridcommand.cases.Priority;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.geo.Datum;
import org.gridcommand.testing.CurrentThreadUiExecutor;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.ui.queue.CaseQueueViewModel;
import org.gridcommand.ui.queue.CaseRow;
import org.gridcommand.ui.queue.QueueTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * On a real demo store: a seat whose video.json says so gets a new urgent case's cameras on the wall by
 * itself; a seat without the setting does not, and neither does a case that was already in the queue. The queue's
 * model runs on the test's thread, so each step has finished when the call that caused it returns.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class UrgentCamerasTest {
    private static final Operator OFFICER = new Operator("Sun Li", Role.DUTY_OFFICER);
    private static Path dataDir;
    private static AppContext context;

    @BeforeAll
    static void openDemoStore() throws Exception {
        dataDir = Files.createTempDirectory("gc-urgent-cameras");
        context = AppContext.openDemo(dataDir, Locale.ENGLISH, ManualClock.dutyAfternoon());
        context.duty().signOn(OFFICER);
    }

    @AfterAll
    static void closeStore() {
        context.close();
    }

    @Start
    void start(Stage stage) {
        // The toolkit only (the queue's SLA timer needs it): the queue's model is what the console's banner and this
        // watcher listen to.
    }

    @Test
    void aConfiguredSeatShowsTheNewUrgentCaseAndAnUnconfiguredOneDoesNot() throws Exception {
        Files.writeString(dataDir.resolve(VideoSettings.FILE), "{\"autoShowUrgentCases\": true}");
        VideoSettings.Loaded configured = VideoSettings.load(dataDir);
        assertThat(configured.problem()).isEmpty();
        List<Case> shownHere = new CopyOnWriteArrayList<>();
        List<Case> shownElsewhere = new CopyOnWriteArrayList<>();
        CaseQueueViewModel model = CaseQueueViewModel.forContext(context, new CurrentThreadUiExecutor());
        model.listenTo(context.changes());
        UrgentCameras.watch(model.urgentArrivals(), CaseRow::source, configured.settings(), shownHere::add);
        UrgentCameras.watch(model.urgentArrivals(), CaseRow::source, VideoSettings.DEFAULTS, shownElsewhere::add);
        model.reload();
        assertThat(model.loadedProperty().get()).as("the queue has loaded").isTrue();
        assertThat(model.rows()).isNotEmpty();
        assertThat(shownHere).as("cases already in the queue at start change nothing").isEmpty();

        Case fire = submitFire("Smoke from a third-floor window");
        assertThat(shownHere).as("the fire's cameras are asked for").extracting(Case::id).containsExactly(fire.id());
        assertThat(shownHere.get(0).location()).isEqualTo(fire.location());
        assertThat(shownElsewhere).as("off by default").isEmpty();

        // A later change to the same case (it is accepted) is no new arrival.
        context.caseService().accept(fire.id());
        assertThat(model.rows()).as("the change is loaded")
                .anyMatch(r -> r.id().equals(fire.id()) && r.source().acceptedAt() != null);
        assertThat(shownHere).hasSize(1);
        model.dispose();
    }

    private Case submitFire(String description) {
        QueueTestSupport.Spot spot = QueueTestSupport.quietSpot(context, "06");
        CaseReport report = CaseReport.builder().channel(Channel.HOTLINE).categoryCode("0601")
                .at(spot.point().lon(), spot.point().lat(), Datum.WGS84).description(description)
                .reporterName("Caller").build();
        IntakeResult result = context.intake().submit(report);
        if (result.outcome() == IntakeResult.Outcome.POSSIBLE_DUPLICATE) {
            result = context.intake().createAnyway(report);
        }
        assertThat(result.created()).isTrue();
        assertThat(result.aCase().priority()).isEqualTo(Priority.URGENT);
        return result.aCase();
    }
}

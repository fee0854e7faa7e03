package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridcommand.cases.Case;
import org.gridcommand.drill.DrillScenario;
import org.gridcommand.drill.DrillScenarioReader;
import org.gridcommand.drill.DrillScore;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A drill on a real seat: its own H2 store beside the live one, the scenario's messages through the real feed
 * (parser, intake, store), and afterwards not a trace of it in the live store. The seat's clock stands still on a
 * weekday afternoon, so the drill's day and its clock (which runs on the seat's) are the same at any hour.
 */
class DrillSessionTest {
    private static final ManualClock CLOCK = ManualClock.dutyAfternoon();
    private static Path dir;
    private static AppContext live;

    @BeforeAll
    static void openLiveSeat() throws Exception {
        dir = Files.createTempDirectory("gc-drill-test");
        live = AppContext.openDemo(dir, Locale.ENGLISH, CLOCK);
        live.duty().signOn(new Operator("Live officer", Role.DUTY_OFFICER));
    }

    @AfterAll
    static void close() {
        live.close();
    }

    @Test
    void theFireDrillRunsInItsOwnStoreAndLeavesTheLiveStoreUntouched() throws Exception {
        DrillScenario scenario = DrillScenarioReader.readShipped("residential-fire-0845");
        long liveCases = live.database().cases().count();
        List<String> liveAudit = live.database().audit().findRecent(Integer.MAX_VALUE).stream().map(e -> e.id()).toList();
        Optional<GpsFix> liveLastFix = live.database().feed().lastFix("W0108");
        long liveQuarantine = live.database().feed().quarantineCount();

        Case drillCase;
        try (DrillSession drill = DrillSession.open(live, scenario, CLOCK)) {
            assertThat(drill.context().isDrill()).isTrue();
            assertThat(drill.dir()).startsWith(dir.resolve("drills"));
            assertThat(drill.context().district().smallGrids()).hasSameSizeAs(live.district().smallGrids());
            assertThat(drill.context().database().cases().count()).as("a drill store starts without cases").isZero();
            drill.context().duty().signOn(new Operator("Trainee", Role.DUTY_OFFICER));
            drill.start();
            // Through the report at 08:45 (three events before it), the rest left for later.
            for (int i = 0; i < 3; i++) {
                assertThat(drill.runner().injectNext()).isTrue();
            }
            drillCase = Wait.forValue("the drill's report has become a case in the drill store", Duration.ofSeconds(30),
                    drill::incidentCase);
            assertThat(drillCase.reportedAt().atZone(live.zone()).toLocalTime().toString()).startsWith("08:45");
            assertThat(drillCase.smallGridCode()).as("located by the intake").isEqualTo("440402104006005");
            assertThat(drillCase.priority().name()).isEqualTo("URGENT");

            drill.context().caseService().accept(drillCase.id());
            drill.context().caseService().recordCamerasShown(drillCase.id(), "44040210001327000140");
            DrillScore score = drill.score(caseId -> Optional.empty());
            assertThat(score.line("reported").orElseThrow().reached()).isTrue();
            assertThat(score.line("accepted").orElseThrow().reached()).isTrue();
            assertThat(score.line("located").orElseThrow().took()).isEqualTo(score.line("reported").orElseThrow().took());
            assertThat(score.line("cameraShown").orElseThrow().reached()).isTrue();
            assertThat(score.line("planActivated").orElseThrow().reached()).isFalse();
            assertThat(score.line("accepted").orElseThrow().took()).isLessThan(Duration.ofMinutes(1));

            String cap = CaseCapExport.forContext(drill.context()).xml(
                    drill.context().database().cases().findById(drillCase.id()).orElseThrow());
            assertThat(cap).contains("<status>Exercise</status>").doesNotContain("<status>Actual</status>");
        }

        assertThat(live.isDrill()).isFalse();
        assertThat(live.database().cases().count()).as("live cases").isEqualTo(liveCases);
        assertThat(live.database().cases().findById(drillCase.id())).isEmpty();
        assertThat(live.database().cases().findByReportId(drillCase.reportId())).isEmpty();
        assertThat(live.database().audit().findRecent(Integer.MAX_VALUE).stream().map(e -> e.id()).toList())
                .as("live audit").containsExactlyInAnyOrderElementsOf(liveAudit);
        assertThat(live.database().feed().lastFix("W0108")).as("live worker positions").isEqualTo(liveLastFix);
        assertThat(live.database().feed().quarantineCount()).isEqualTo(liveQuarantine);
        assertThat(CaseCapExport.forContext(live).xml(live.database().cases().findOpen().get(0)))
                .contains("<status>Actual</status>");
    }
}

package org.gridcommand.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The life-cycle fields of the demo cases: stage order, reworks, flags, reasons, emergency grading. */
class DemoCaseLifeCycleTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2025-07-15T02:40:00Z");
    private static final Instant MIDNIGHT = NOW.atZone(ZONE).toLocalDate().atStartOfDay(ZONE).toInstant();

    private static List<Case> cases;
    private static long millis;

    @BeforeAll
    static void generate() {
        CategoryDictionary dict = CategoryDictionary.loadDefault();
        DemoCaseGenerator.generate(DemoTestSupport.DEMO, dict, NOW, 1); // warm-up
        long start = System.nanoTime();
        cases = DemoCaseGenerator.generate(DemoTestSupport.DEMO, dict, NOW, 2024);
        millis = (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void generationStaysFast() {
        assertThat(millis).as("ms to generate %s cases", cases.size()).isLessThan(3_000);
    }

    @Test
    void closedCasesPassEveryStageInOrder() {
        List<Case> closed = cases.stream().filter(c -> c.state() == CaseState.CLOSED).toList();
        assertThat(closed).allSatisfy(c -> {
            Instant[] stages = {c.reportedAt(), c.acceptedAt(), c.dispatchedAt(), c.handlingStartedAt(), c.fedBackAt(),
                    c.verifiedAt(), c.closedAt()};
            for (int i = 1; i < stages.length; i++) {
                assertThat(stages[i]).as("stage %d of %s", i, c.id()).isNotNull().isAfterOrEqualTo(stages[i - 1]);
            }
            assertThat(c.closedAt()).isBeforeOrEqualTo(NOW);
            assertThat(c.assignee()).isNotNull();
            assertThat(c.voidedAt()).isNull();
            assertThat(c.suspendedFrom()).isNull();
        });
        double reworked = closed.stream().filter(c -> c.reworkCount() > 0).count() / (double) closed.size();
        assertThat(reworked).isBetween(0.03, 0.10);
        assertThat(closed).anyMatch(c -> c.reworkCount() == 2);
        double supervised = closed.stream().filter(Case::supervised).count() / (double) closed.size();
        assertThat(supervised).isBetween(0.01, 0.15);
        assertThat(closed).anyMatch(Case::escalated);
        assertThat(closed).anyMatch(c -> c.assignee().kind() == Assignee.Kind.GRID_WORKER)
                .anyMatch(c -> c.assignee().kind() == Assignee.Kind.DEPARTMENT);
    }

    @Test
    void voidedCasesCarryTheirReason() {
        assertThat(cases.stream().filter(c -> c.state() == CaseState.VOIDED)).isNotEmpty().allSatisfy(c -> {
            assertThat(c.stateReason()).isNotBlank();
            assertThat(c.voidedAt()).isNotNull().isEqualTo(c.closedAt());
            assertThat(c.acceptedAt()).isNull();
        });
    }

    @Test
    void emergenciesAreGradedAndNothingElseIs() {
        assertThat(cases).allSatisfy(c -> {
            boolean emergency = c.categoryCode().startsWith("06");
            assertThat(c.eventClass() != null).as("class of %s (%s)", c.id(), c.categoryCode()).isEqualTo(emergency);
            assertThat(c.level() != null).isEqualTo(emergency);
        });
    }

    @Test
    void reportersAndPhotosLookLikeTheirChannel() {
        assertThat(cases.stream().filter(c -> c.channel() == Channel.HOTLINE))
                .allSatisfy(c -> assertThat(c.reporterContact()).isNotBlank());
        assertThat(cases.stream().filter(c -> c.channel() == Channel.GRID_WORKER))
                .allSatisfy(c -> assertThat(c.attachments()).hasSizeBetween(1, 3));
        assertThat(cases.stream().filter(c -> c.channel() == Channel.SENSOR))
                .allSatisfy(c -> assertThat(c.attachments()).isEmpty());
    }

    @Test
    void todaysOpenCasesAreStampedUpToTheirState() {
        List<Case> today = cases.stream().filter(c -> !c.reportedAt().isBefore(MIDNIGHT)).toList();
        assertThat(today).allSatisfy(c -> {
            CaseState s = c.state();
            assertThat(c.handlingStartedAt() != null).as("handling of %s in %s", c.id(), s).isEqualTo(
                    s == CaseState.IN_HANDLING || s == CaseState.FED_BACK || s == CaseState.VERIFIED
                            || s == CaseState.CLOSED || (s == CaseState.SUSPENDED && c.suspendedFrom() == CaseState.IN_HANDLING));
            assertThat(c.fedBackAt() != null).isEqualTo(s == CaseState.FED_BACK || s == CaseState.VERIFIED || s == CaseState.CLOSED);
            assertThat(c.verifiedAt() != null).isEqualTo(s == CaseState.VERIFIED || s == CaseState.CLOSED);
            assertThat(c.assignee() != null).isEqualTo(c.dispatchedAt() != null);
            for (Instant t : new Instant[] {c.handlingStartedAt(), c.fedBackAt(), c.verifiedAt(), c.suspendedAt()}) {
                if (t != null) {
                    assertThat(t).isAfterOrEqualTo(c.reportedAt()).isBeforeOrEqualTo(NOW);
                }
            }
            if (s == CaseState.SUSPENDED) {
                assertThat(c.suspendedFrom()).isIn(CaseState.DISPATCHED, CaseState.IN_HANDLING);
                assertThat(c.stateReason()).isNotBlank();
                assertThat(c.suspendedAt()).isNotNull();
            }
            assertThat(c.outsideDistrict()).isEqualTo(c.smallGridCode() == null);
        });
    }
}

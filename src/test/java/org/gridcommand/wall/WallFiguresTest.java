package org.gridcommand.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.sla.SlaLimit;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.sla.SlaState;
import org.gridcommand.sla.SlaStatus;
import org.gridcommand.sla.SlaUnit;
import org.gridcommand.sla.SlaView;
import org.junit.jupiter.api.Test;

class WallFiguresTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    // 10:00 in the district; midnight was 16:00 UTC the day before.
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-11-26T16:00:00Z");

    @Test
    void countsTheDayFromDistrictMidnightAndClosedOnTimeNeedsEveryStageMet() {
        Case urgentOverdue = open("a", Priority.URGENT, MIDNIGHT.minusSeconds(60));
        Case nearDue = open("b", Priority.NORMAL, MIDNIGHT);
        Case onTime = open("c", Priority.NORMAL, NOW.minusSeconds(600));
        Case closedWell = closed("d", MIDNIGHT.minusSeconds(7200), MIDNIGHT.plusSeconds(60));
        Case closedLate = closed("e", MIDNIGHT.plusSeconds(60), NOW.minusSeconds(60));
        Case closedYesterday = closed("f", MIDNIGHT.minusSeconds(9000), MIDNIGHT.minusSeconds(1));
        Map<String, SlaView> sla = Map.of(
                "a", running(SlaState.OVERDUE), "b", running(SlaState.NEAR_DUE), "c", running(SlaState.ON_TIME),
                "d", finished(SlaState.MET, SlaState.MET), "e", finished(SlaState.MET, SlaState.MET_LATE),
                "f", finished(SlaState.MET_LATE));

        WallFigures f = WallFigures.of(List.of(urgentOverdue, nearDue, onTime, closedWell, closedLate, closedYesterday),
                sla, NOW, ZONE);

        assertThat(f.open()).isEqualTo(3);
        assertThat(f.urgentOpen()).isEqualTo(1);
        assertThat(f.overdue()).isEqualTo(1);
        assertThat(f.nearDue()).isEqualTo(1);
        // b at exactly midnight counts, a one minute before does not; e reported after midnight does.
        assertThat(f.newToday()).isEqualTo(3);
        assertThat(f.closedToday()).isEqualTo(2);
        assertThat(f.closedOnTime()).isEqualTo(1);
        assertThat(f.onTimeShare()).isEqualTo(0.5);
    }

    @Test
    void noShareBeforeTheFirstCaseOfTheDayCloses() {
        WallFigures f = WallFigures.of(List.of(open("a", Priority.LOW, NOW)), Map.of(), NOW, ZONE);
        assertThat(f.onTimeShare()).isNull();
        assertThat(f.overdue()).isZero();
    }

    private static Case open(String id, Priority priority, Instant reported) {
        return new Case(id, Channel.HOTLINE, "0101", null, null, "addr", "desc", priority, CaseState.ACCEPTED,
                reported, reported.plusSeconds(30), null, null, "test");
    }

    private static Case closed(String id, Instant reported, Instant closedAt) {
        return new Case(id, Channel.GRID_WORKER, "0101", null, null, "addr", "desc", Priority.NORMAL,
                CaseState.CLOSED, reported, reported.plusSeconds(30), reported.plusSeconds(60), closedAt, "test");
    }

    private static SlaStatus status(SlaStage stage, SlaState state) {
        Instant start = NOW.minusSeconds(3600);
        return new SlaStatus(stage, new SlaLimit(BigDecimal.ONE, SlaUnit.WORKING_HOURS, "test"), state, start,
                start.plusSeconds(2400), start.plusSeconds(3600), null, Duration.ZERO, Duration.ZERO);
    }

    private static SlaView running(SlaState state) {
        SlaStatus current = status(SlaStage.DISPATCH, state);
        return new SlaView(SlaStage.DISPATCH, current, Map.of(SlaStage.ACCEPT, status(SlaStage.ACCEPT, SlaState.MET),
                SlaStage.DISPATCH, current));
    }

    private static SlaView finished(SlaState... states) {
        java.util.Map<SlaStage, SlaStatus> stages = new java.util.EnumMap<>(SlaStage.class);
        for (int i = 0; i < states.length; i++) {
            SlaStage stage = SlaStage.values()[i];
            stages.put(stage, status(stage, states[i]));
        }
        return new SlaView(null, null, stages);
    }
}

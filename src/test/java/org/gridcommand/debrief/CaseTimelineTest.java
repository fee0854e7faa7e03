package org.gridcommand.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Messages;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.Role;
import org.junit.jupiter.api.Test;

class CaseTimelineTest {
    private static final Instant T = Instant.parse("2026-03-02T00:45:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void theTrailReadsMinuteByMinuteInTimeOrderAndThePageEscapesWhatItQuotes() {
        Case fire = new Case("C1", Channel.GRID_WORKER, "0601", null, "440402104006005", "3 栋 <3 楼>", "smoke",
                Priority.URGENT, CaseState.ACCEPTED, T, T.plusSeconds(60), null, null, "W0108");
        List<CaseEvent> trail = List.of(
                event("e3", T.plusSeconds(120), CaseAction.CAMERAS_SHOWN, "44040210001327000140"),
                event("e1", T, CaseAction.REPORT, null),
                event("e2", T.plusSeconds(60), CaseAction.ACCEPT, "on it & calling 119"));
        Messages text = Messages.forLocale(Locale.ENGLISH);

        CaseTimeline timeline = CaseTimeline.of(fire, trail, Optional.empty(), List.of(), text);

        assertThat(timeline.lines()).extracting(CaseTimeline.Line::what).containsExactly(
                "Reported", "Accepted — on it & calling 119", "Checked on video — 44040210001327000140");
        String html = DebriefHtml.render("Case C1", "Residential fire · 3 栋 <3 楼>", false, List.of(), timeline, ZONE,
                text);
        assertThat(html).contains("<tr><td>08:45:00</td><td>W0108 (grid worker)</td><td>Reported</td></tr>")
                .contains("<tr><td>08:47:00</td><td>Zhang (Duty officer)</td><td>Checked on video — 44040210001327000140</td></tr>")
                .contains("on it &amp; calling 119").contains("3 栋 &lt;3 楼&gt;")
                .doesNotContain("演练 DRILL").doesNotContain("<h2>Scores</h2>");
        assertThat(DebriefHtml.minutes(Duration.ofSeconds(125))).isEqualTo("2:05");
    }

    private static CaseEvent event(String id, Instant at, CaseAction action, String note) {
        String who = action == CaseAction.REPORT ? "W0108" : "Zhang";
        return new CaseEvent(id, "C1", at, who, action == CaseAction.REPORT ? null : Role.DUTY_OFFICER, action,
                action == CaseAction.REPORT ? null : CaseState.ACCEPTED, CaseState.ACCEPTED, note,
                action == CaseAction.REPORT ? ActorKind.WORKER : ActorKind.OFFICER);
    }
}

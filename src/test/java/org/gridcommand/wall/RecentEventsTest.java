package org.gridcommand.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.junit.jupiter.api.Test;

class RecentEventsTest {
    private static final Instant T = Instant.parse("2026-11-27T01:00:00Z");

    @Test
    void everyStageInstantIsAnEventNewestFirstAndTheFutureIsLeftOut() {
        Case closed = new Case("c1", Channel.HOTLINE, "0101", null, null, "a", "d", Priority.NORMAL, CaseState.CLOSED,
                T, T.plusSeconds(60), T.plusSeconds(120), T.plusSeconds(600), "x");
        Case fresh = new Case("c2", Channel.SENSOR, "0101", null, null, "a", "d", Priority.URGENT, CaseState.REPORTED,
                T.plusSeconds(300), null, null, null, "x");
        Case ahead = new Case("c3", Channel.SENSOR, "0101", null, null, "a", "d", Priority.URGENT, CaseState.REPORTED,
                T.plusSeconds(5000), null, null, null, "x");

        List<RecentEvents.Event> events = RecentEvents.latest(List.of(closed, fresh, ahead), T.plusSeconds(700), 10);

        assertThat(events).extracting(e -> e.source().id() + ":" + e.stage()).containsExactly(
                "c1:CLOSED", "c2:REPORTED", "c1:DISPATCHED", "c1:ACCEPTED", "c1:REPORTED");
        assertThat(RecentEvents.latest(List.of(closed, fresh), T.plusSeconds(700), 2)).hasSize(2);
    }
}

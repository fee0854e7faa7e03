package org.gridcommand.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.Test;

/** The alarm centre's order, made from cases and their SLA as they stand (the console's list and its restart). */
class AlarmBoardTest {
    private static final Instant NOW = ManualClock.DUTY_AFTERNOON;
    private final Map<String, SlaView> sla = new HashMap<>();

    @Test
    void urgentUnacceptedComeFirstThenOverdueByHowLateThenNearDue() {
        Case roadDirt = open("road-dirt", Priority.LOW, CaseState.ACCEPTED, SlaStage.DISPATCH, SlaState.OVERDUE,
                Duration.ofHours(-5));
        Case hazmat = open("hazmat", Priority.URGENT, CaseState.REPORTED, SlaStage.ACCEPT, SlaState.OVERDUE,
                Duration.ofMinutes(-166));
        Case newFire = open("new-fire", Priority.URGENT, CaseState.REPORTED, SlaStage.ACCEPT, SlaState.NEAR_DUE,
                Duration.ofMinutes(1));
        Case calmFire = open("calm-fire", Priority.URGENT, CaseState.REPORTED, SlaStage.ACCEPT, SlaState.ON_TIME,
                Duration.ofMinutes(4));
        Case acceptedFire = open("accepted-fire", Priority.URGENT, CaseState.DISPATCHED, SlaStage.HANDLE,
                SlaState.ON_TIME, Duration.ofMinutes(30));
        Case lateLamp = open("late-lamp", Priority.NORMAL, CaseState.DISPATCHED, SlaStage.HANDLE, SlaState.OVERDUE,
                Duration.ofMinutes(-20));
        Case soonDrain = open("soon-drain", Priority.NORMAL, CaseState.ACCEPTED, SlaStage.DISPATCH, SlaState.NEAR_DUE,
                Duration.ofMinutes(9));
        Case sooner = open("sooner", Priority.HIGH, CaseState.ACCEPTED, SlaStage.DISPATCH, SlaState.NEAR_DUE,
                Duration.ofMinutes(3));
        Case closedLate = Case.builder().id("closed").channel(Channel.HOTLINE).categoryCode("0201")
                .priority(Priority.URGENT).state(CaseState.CLOSED).reportedAt(NOW.minusSeconds(9000)).build();
        sla.put("closed", view(SlaStage.CLOSE, SlaState.OVERDUE, Duration.ofHours(-1)));

        List<Case> cases = new ArrayList<>(List.of(roadDirt, hazmat, newFire, calmFire, acceptedFire, lateLamp,
                soonDrain, sooner, closedLate));
        // Whatever order the store hands them in.
        Collections.shuffle(cases, new Random(7));
        List<Alarm> alarms = AlarmBoard.alarms(cases, c -> sla.get(c.id()));

        assertThat(alarms).extracting(a -> a.caseId() + " " + a.kind()).containsExactly(
                "hazmat URGENT_UNACCEPTED",      // 2 h 46 min past its acceptance limit
                "new-fire URGENT_UNACCEPTED",    // one minute left to accept
                "calm-fire URGENT_UNACCEPTED",
                "road-dirt OVERDUE",             // five hours over
                "late-lamp OVERDUE",             // twenty minutes over
                "sooner NEAR_DUE",               // due in three minutes
                "soon-drain NEAR_DUE");
        assertThat(alarms.get(3).overrun()).isEqualTo(Duration.ofHours(5));
        assertThat(alarms.get(3).key()).isEqualTo("O:road-dirt:DISPATCH:" + NOW.minus(Duration.ofHours(5))
                .getEpochSecond());
        assertThat(alarms.get(0).key()).isEqualTo("U:hazmat");
        assertThat(Alarm.caseIdOf(alarms.get(0).key())).isEqualTo("hazmat");
        assertThat(Alarm.caseIdOf(alarms.get(3).key())).isEqualTo("road-dirt");
    }

    @Test
    void acknowledgedAlarmsLeaveTheListAndANewConditionOnTheSameCaseIsANewAlarm() {
        Case lamp = open("lamp", Priority.NORMAL, CaseState.ACCEPTED, SlaStage.DISPATCH, SlaState.NEAR_DUE,
                Duration.ofMinutes(5));
        List<Alarm> before = AlarmBoard.alarms(List.of(lamp), c -> sla.get(c.id()));
        Set<String> acknowledged = Set.of(before.get(0).key());
        assertThat(AlarmBoard.pending(before, acknowledged)).isEmpty();

        // Ten minutes on the same stage is overdue: acknowledging "due soon" did not acknowledge "overdue".
        sla.put("lamp", view(SlaStage.DISPATCH, SlaState.OVERDUE, Duration.ofMinutes(-5)));
        List<Alarm> after = AlarmBoard.pending(AlarmBoard.alarms(List.of(lamp), c -> sla.get(c.id())), acknowledged);
        assertThat(after).extracting(Alarm::kind).containsExactly(AlarmKind.OVERDUE);
    }

    @Test
    void anUrgentCaseOnceAcceptedIsNoLongerAnUrgentAlarm() {
        Case fire = open("fire", Priority.URGENT, CaseState.REPORTED, SlaStage.ACCEPT, SlaState.ON_TIME,
                Duration.ofMinutes(4));
        assertThat(AlarmBoard.alarms(List.of(fire), c -> sla.get(c.id()))).hasSize(1);
        Case accepted = fire.toBuilder().state(CaseState.ACCEPTED).acceptedAt(NOW).build();
        sla.put("fire", view(SlaStage.DISPATCH, SlaState.ON_TIME, Duration.ofMinutes(10)));
        assertThat(AlarmBoard.alarms(List.of(accepted), c -> sla.get(c.id()))).isEmpty();
    }

    @Test
    void anUrgentCaseWithoutAnSlaStillAlarmsAndCasesWithoutAnSlaOtherwiseDoNot() {
        Case fire = Case.builder().id("fire").channel(Channel.SENSOR).categoryCode("9999").priority(Priority.URGENT)
                .state(CaseState.REPORTED).reportedAt(NOW.minusSeconds(60)).build();
        Case quiet = Case.builder().id("quiet").channel(Channel.HOTLINE).categoryCode("9999")
                .priority(Priority.NORMAL).state(CaseState.REPORTED).reportedAt(NOW.minusSeconds(60)).build();
        List<Alarm> alarms = AlarmBoard.alarms(List.of(quiet, fire), c -> null);
        assertThat(alarms).extracting(Alarm::caseId).containsExactly("fire");
        assertThat(alarms.get(0).due()).isNull();
    }

    private Case open(String id, Priority priority, CaseState state, SlaStage stage, SlaState slaState,
                      Duration dueIn) {
        sla.put(id, view(stage, slaState, dueIn));
        return Case.builder().id(id).channel(Channel.HOTLINE).categoryCode("0201").priority(priority).state(state)
                .reportedAt(NOW.minus(Duration.ofHours(6))).build();
    }

    private static SlaView view(SlaStage stage, SlaState state, Duration dueIn) {
        Instant due = NOW.plus(dueIn);
        Duration remaining = dueIn.isNegative() ? Duration.ZERO : dueIn;
        Duration overrun = dueIn.isNegative() ? dueIn.negated() : Duration.ZERO;
        SlaStatus status = new SlaStatus(stage, SlaLimit.of(1, SlaUnit.values()[0]), state,
                NOW.minus(Duration.ofHours(6)), due.minus(Duration.ofMinutes(10)), due, null, remaining, overrun);
        return new SlaView(stage, status, Map.of(stage, status));
    }
}

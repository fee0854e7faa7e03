package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseService;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.DistrictTime;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.sla.OverdueNotice;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.store.Database;
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overdue escalation on a real H2 store with the shipped SLA limits and working calendar: an overdue
 * case gets one ESCALATE line by the system and one notice; later scans, and a restart on the same store,
 * announce nothing again for the same stage and due time, while a case that becomes overdue later, or a
 * new stage, still is.
 */
class OverdueEscalationTest {
    private static final ZoneId SHANGHAI = DistrictTime.ZONE;
    private static final String RUBBISH = "0201";   // ACCEPT 30 natural minutes, DISPATCH 1 and HANDLE 4 working hours
    private static final GeoPoint SPOT = new GeoPoint(113.58, 22.36);

    static SlaEngine sla;

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(at("2026-11-23T09:00"), SHANGHAI);   // a Monday
    Database db;

    @BeforeAll
    static void loadTables() {
        sla = SlaEngine.loadDefault(CategoryDictionary.loadDefault());
    }

    @AfterEach
    void closeStore() {
        if (db != null) {
            db.close();
        }
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private Database open() {
        db = Database.openH2(dir, new ChangeBus());
        return db;
    }

    private Database restart() {
        db.close();
        db = null;
        return open();
    }

    private OverdueEscalation escalation(List<OverdueNotice> told) {
        return new OverdueEscalation(db.cases(), db.caseEvents(), sla, clock, SHANGHAI, told::add);
    }

    private static Case reported(Instant reportedAt) {
        return Case.builder().id(Ulid.next()).channel(Channel.HOTLINE).categoryCode(RUBBISH).location(SPOT)
                .address("Lane 3").description("Rubbish by the bus stop").priority(Priority.NORMAL)
                .state(CaseState.REPORTED).reportedAt(reportedAt).build();
    }

    private List<CaseEvent> escalations(String caseId) {
        return db.caseEvents().findByCase(caseId).stream().filter(e -> e.action() == CaseAction.ESCALATE).toList();
    }

    @Test
    void anOverdueCaseIsEscalatedOnceAndNotAgainAfterARestart() {
        open();
        Case late = reported(at("2026-11-23T08:00"));     // accept due 08:30: overdue at 09:00
        Case early = reported(at("2026-11-23T08:45"));    // accept due 09:15
        db.cases().save(late);
        db.cases().save(early);
        List<OverdueNotice> told = new CopyOnWriteArrayList<>();
        OverdueEscalation escalation = escalation(told);

        List<OverdueNotice> first = escalation.scan();
        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.caseId()).isEqualTo(late.id());
            assertThat(n.stage()).isEqualTo(SlaStage.ACCEPT);
            assertThat(n.due()).isEqualTo(at("2026-11-23T08:30"));
        });
        assertThat(told).isEqualTo(first);
        assertThat(escalations(late.id())).singleElement().satisfies(e -> {
            assertThat(e.operatorName()).isEqualTo(OverdueEscalation.ACTOR);
            assertThat(e.role()).as("the system wrote it, not the officer on duty").isNull();
            assertThat(e.at()).isEqualTo(clock.instant());
            assertThat(e.fromState()).isEqualTo(CaseState.REPORTED);
            assertThat(e.toState()).isEqualTo(CaseState.REPORTED);
            assertThat(e.note()).isEqualTo(
                    "overdue: stage ACCEPT due at 08:30 on 2026-11-23, escalated to the shift supervisor");
        });
        Case stored = db.cases().findById(late.id()).orElseThrow();
        assertThat(stored.escalated()).isTrue();
        assertThat(stored.state()).isEqualTo(CaseState.REPORTED);
        assertThat(db.caseEvents().findByCase(early.id())).isEmpty();

        clock.set(at("2026-11-23T09:10"));
        assertThat(escalation.scan()).isEmpty();
        assertThat(told).hasSize(1);
        assertThat(escalations(late.id())).hasSize(1);

        // Restart: a new process on the same store finds the line in the trail and stays quiet about it.
        restart();
        List<OverdueNotice> toldAfterRestart = new CopyOnWriteArrayList<>();
        OverdueEscalation reopened = escalation(toldAfterRestart);
        assertThat(reopened.scan()).isEmpty();
        assertThat(toldAfterRestart).isEmpty();
        assertThat(escalations(late.id())).hasSize(1);

        // …but still escalates what became overdue since.
        clock.set(at("2026-11-23T09:20"));
        assertThat(reopened.scan()).extracting(OverdueNotice::caseId).containsExactly(early.id());
        assertThat(toldAfterRestart).extracting(OverdueNotice::caseId).containsExactly(early.id());
        assertThat(escalations(early.id())).hasSize(1);
        assertThat(escalations(late.id())).hasSize(1);
        assertThat(reopened.scan()).isEmpty();
    }

    @Test
    void aCaseSuspendedOverTheRestartIsNotAnnouncedAgainOnResumeButItsNextStageIs() {
        open();
        Case c = reported(at("2026-11-23T08:20")).toBuilder().state(CaseState.ACCEPTED)
                .acceptedAt(at("2026-11-23T08:30")).build();   // dispatch due 09:30 (1 working hour)
        db.cases().save(c);
        clock.set(at("2026-11-23T09:45"));
        List<OverdueNotice> told = new CopyOnWriteArrayList<>();
        assertThat(escalation(told).scan()).singleElement().satisfies(n -> {
            assertThat(n.stage()).isEqualTo(SlaStage.DISPATCH);
            assertThat(n.due()).isEqualTo(at("2026-11-23T09:30"));
        });

        clock.set(at("2026-11-23T09:50"));
        service().suspend(c.id(), "waiting for the owner");
        restart();
        List<OverdueNotice> toldAfterRestart = new CopyOnWriteArrayList<>();
        OverdueEscalation reopened = escalation(toldAfterRestart);
        clock.set(at("2026-11-23T10:00"));
        assertThat(reopened.scan()).as("a suspended case runs no clock").isEmpty();

        // Resumed, the dispatch stage runs from its old start again: the same due time, already announced.
        clock.set(at("2026-11-23T10:05"));
        service().resume(c.id());
        clock.set(at("2026-11-23T10:06"));
        assertThat(reopened.scan()).isEmpty();
        assertThat(escalations(c.id())).hasSize(1);

        // Dispatched at 10:10, handling (4 working hours) is due 16:10 after the lunch break: a new stage.
        clock.set(at("2026-11-23T10:10"));
        service().dispatch(c.id(), Assignee.worker("worker-1"));
        clock.set(at("2026-11-23T16:30"));
        assertThat(reopened.scan()).singleElement().satisfies(n -> {
            assertThat(n.stage()).isEqualTo(SlaStage.HANDLE);
            assertThat(n.due()).isEqualTo(at("2026-11-23T16:10"));
        });
        assertThat(escalations(c.id())).extracting(CaseEvent::note).containsExactly(
                "overdue: stage DISPATCH due at 09:30 on 2026-11-23, escalated to the shift supervisor",
                "overdue: stage HANDLE due at 16:10 on 2026-11-23, escalated to the shift supervisor");
        assertThat(toldAfterRestart).hasSize(1);
    }

    private CaseService service() {
        DutyService duty = new DutyService(db.audit(), clock);
        duty.signOn(new Operator("Zhao Min", Role.DUTY_OFFICER));
        return new CaseService(db.cases(), db.caseEvents(), duty, clock);
    }
}

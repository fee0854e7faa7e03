package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridcommand.alarm.Alarm;
import org.gridcommand.alarm.AlarmAcknowledgement;
import org.gridcommand.alarm.AlarmKind;
import org.gridcommand.alarm.AlarmService;
import org.gridcommand.alarm.AlarmSettings;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.duty.AuditEntry;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;
import org.gridcommand.testing.ManualClock;

/**
 * Acknowledged alarms on real stores: kept once per alarm (a second seat's or a retry's changes nothing), read back
 * for open cases only, still there after the store is reopened, each one a line in the audit trail.
 */
class AlarmAckStoreTest {
    private static final Operator OFFICER = new Operator("林值班", Role.DUTY_OFFICER);

    @OnEachStore
    void acknowledgementsAreKeptOnceSurviveAReopenAndCountOnlyForOpenCases(Backend backend) {
        ManualClock clock = ManualClock.dutyAfternoon();
        try (TestStore store = TestStores.open(backend)) {
            Instant reported = clock.instant().minus(Duration.ofHours(3));
            Case open = Fixtures.aCase("01OPENCASE000000000000000A", CaseState.REPORTED, reported);
            Case closed = Fixtures.aCase("01CLOSEDCASE0000000000000B", CaseState.CLOSED, reported);
            store.db.cases().insertAll(List.of(open, closed));
            DutyService duty = new DutyService(store.db.audit(), clock);
            duty.signOn(OFFICER);
            AlarmService alarms = new AlarmService(store.db.alarmAcks(), duty, clock, AlarmSettings.DEFAULTS);
            store.takeEvents();

            Alarm urgent = new Alarm(Alarm.keyOf(AlarmKind.URGENT_UNACCEPTED, open.id(), null, null),
                    AlarmKind.URGENT_UNACCEPTED, open, SlaStage.ACCEPT, reported.plusSeconds(300),
                    Duration.ofMinutes(175));
            Alarm overdueOnClosed = new Alarm(Alarm.keyOf(AlarmKind.OVERDUE, closed.id(), SlaStage.CLOSE, reported),
                    AlarmKind.OVERDUE, closed, SlaStage.CLOSE, reported, Duration.ofHours(3));
            AlarmAcknowledgement ack = alarms.acknowledge(urgent);
            clock.advance(Duration.ofSeconds(30));
            alarms.acknowledge(urgent);   // another seat, or a retry after a lost answer
            alarms.acknowledge(overdueOnClosed);

            assertThat(ack.operatorName()).isEqualTo(OFFICER.name());
            assertThat(ack.at()).isEqualTo(ManualClock.DUTY_AFTERNOON);
            assertThat(alarms.acknowledged()).containsExactly(urgent.key());
            assertThat(store.takeEvents()).filteredOn(e -> e.entity().equals("alarm"))
                    .extracting(ChangeEvent::id).containsExactlyInAnyOrder(urgent.key(), overdueOnClosed.key());
            assertThat(store.db.audit().findRecent(10)).filteredOn(e -> e.action().equals(AlarmService.AUDIT_ACTION))
                    .extracting(AuditEntry::subjectId).contains(open.id(), closed.id());

            Database reopened = reopen(store);
            try {
                assertThat(reopened.alarmAcks().acknowledgedOnOpenCases()).containsExactly(urgent.key());
            } finally {
                if (reopened != store.db) {
                    reopened.close();
                }
            }
        }
    }

    private static Database reopen(TestStore store) {
        if (store.h2Dir != null) {
            store.db.close();
            return Database.openH2(store.h2Dir, new ChangeBus());
        }
        return Database.open(TestStores.PG_URL, TestStores.PG_USER, TestStores.PG_PASSWORD, store.pgSchema,
                new ChangeBus());
    }
}

package org.gridcommand.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.sla.SlaTestTables.at;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridcommand.cases.CaseState;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverdueWatcherTest {
    private static final String RUBBISH = "0201";   // HANDLE 4 working hours; VERIFY 1 working day (default)

    @TempDir
    Path dir;
    final List<SlaCase> open = new CopyOnWriteArrayList<>();
    final List<OverdueNotice> audited = new CopyOnWriteArrayList<>();
    final List<OverdueNotice> told = new CopyOnWriteArrayList<>();
    ManualClock clock;
    OverdueWatcher watcher;

    @BeforeEach
    void setUp() {
        clock = new ManualClock(at("2026-11-23T09:00"), SlaTestTables.SHANGHAI);
        watcher = new OverdueWatcher(() -> open, SlaTestTables.engine(dir), clock, told::add, audited::add);
    }

    private static SlaCase handling(String id, Instant dispatchedAt) {
        return new SlaCase(id, RUBBISH, CaseState.IN_HANDLING, dispatchedAt.minusSeconds(1800),
                dispatchedAt.minusSeconds(600), dispatchedAt, null, null, null);
    }

    @Test
    void emitsOncePerCaseAndStage() {
        open.add(handling("A", at("2026-11-23T08:30")));   // due 14:30
        open.add(handling("B", at("2026-11-23T10:00")));   // due 16:00
        assertThat(watcher.scan()).isEmpty();

        clock.set(at("2026-11-23T15:00"));
        List<OverdueNotice> first = watcher.scan();
        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.caseId()).isEqualTo("A");
            assertThat(n.stage()).isEqualTo(SlaStage.HANDLE);
            assertThat(n.due()).isEqualTo(at("2026-11-23T14:30"));
            assertThat(n.overrun()).isEqualTo(Duration.ofMinutes(30));
        });
        assertThat(watcher.scan()).isEmpty();

        clock.set(at("2026-11-23T17:00"));
        assertThat(watcher.scan()).extracting(OverdueNotice::caseId).containsExactly("B");
        assertThat(watcher.scan()).isEmpty();
        assertThat(audited).extracting(OverdueNotice::caseId).containsExactly("A", "B");
        assertThat(told).isEqualTo(audited);
        assertThat(audited.get(0).auditDetail()).isEqualTo("HANDLE overdue: due 2026-11-23T06:30:00Z, overrun PT30M");
    }

    @Test
    void aNewStageAfterATransitionCanEmitAgain() {
        SlaCase a = handling("A", at("2026-11-23T08:30"));
        open.add(a);
        clock.set(at("2026-11-23T15:00"));
        assertThat(watcher.scan()).hasSize(1);

        // Fed back late at 15:30; verification (1 working day) runs out Tue 15:30.
        open.set(0, new SlaCase("A", RUBBISH, CaseState.FED_BACK, a.reportedAt(), a.acceptedAt(), a.dispatchedAt(),
                at("2026-11-23T15:30"), null, null));
        clock.set(at("2026-11-24T15:00"));
        assertThat(watcher.scan()).isEmpty();
        clock.set(at("2026-11-24T15:31"));
        assertThat(watcher.scan()).singleElement().satisfies(n -> {
            assertThat(n.stage()).isEqualTo(SlaStage.VERIFY);
            assertThat(n.due()).isEqualTo(at("2026-11-24T15:30"));
        });

        // Verification failed at 16:00: back to handling with a fresh 4 working hours; overdue again later.
        open.set(0, new SlaCase("A", RUBBISH, CaseState.IN_HANDLING, a.reportedAt(), a.acceptedAt(), a.dispatchedAt(),
                null, null, null, at("2026-11-24T16:00")));
        clock.set(at("2026-11-25T11:00"));
        assertThat(watcher.scan()).isEmpty();
        clock.set(at("2026-11-25T11:01"));
        assertThat(watcher.scan()).singleElement().satisfies(n -> {
            assertThat(n.stage()).isEqualTo(SlaStage.HANDLE);
            assertThat(n.due()).isEqualTo(at("2026-11-25T11:00"));
        });
        assertThat(watcher.scan()).isEmpty();
        assertThat(audited).hasSize(3);
    }

    @Test
    void aNoticeWhoseAuditWriteFailsIsRetried() {
        List<OverdueNotice> written = new ArrayList<>();
        boolean[] storeDown = {true};
        OverdueWatcher flaky = new OverdueWatcher(() -> open, SlaTestTables.engine(dir), clock, told::add, n -> {
            if (storeDown[0]) {
                throw new IllegalStateException("store unavailable");
            }
            written.add(n);
        });
        open.add(handling("A", at("2026-11-23T08:30")));
        clock.set(at("2026-11-23T15:00"));
        assertThat(flaky.scan()).isEmpty();
        assertThat(told).isEmpty();
        storeDown[0] = false;
        assertThat(flaky.scan()).hasSize(1);
        assertThat(flaky.scan()).isEmpty();
        assertThat(written).hasSize(1);
        assertThat(told).hasSize(1);
    }

    @Test
    void noticesAlreadyInTheAuditTrailAreNotRepeated() {
        open.add(handling("A", at("2026-11-23T08:30")));
        watcher.markNotified("A", SlaStage.HANDLE, at("2026-11-23T14:30"));
        clock.set(at("2026-11-23T15:00"));
        assertThat(watcher.scan()).isEmpty();
    }

    @Test
    void aCaseThatCannotBeAssessedDoesNotHideTheOthers() {
        open.add(new SlaCase("BROKEN", RUBBISH, CaseState.ACCEPTED, at("2026-11-23T08:00"), null, null, null, null, null));
        open.add(handling("A", at("2026-11-23T08:30")));
        clock.set(at("2026-11-23T15:00"));
        assertThat(watcher.scan()).extracting(OverdueNotice::caseId).containsExactly("A");
    }

    @Test
    void runsOnAScheduleUntilStopped() throws InterruptedException {
        open.add(handling("A", at("2026-11-23T08:30")));
        clock.set(at("2026-11-23T15:00"));
        CountDownLatch heard = new CountDownLatch(1);
        AtomicInteger scans = new AtomicInteger();
        OverdueWatcher scheduled = new OverdueWatcher(() -> {
            scans.incrementAndGet();
            return open;
        }, SlaTestTables.engine(dir), clock, n -> heard.countDown(), audited::add);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            scheduled.start(executor, Duration.ofMillis(20));
            assertThat(scheduled.isRunning()).isTrue();
            assertThat(heard.await(5, TimeUnit.SECONDS)).isTrue();
            // Later scans find the same overdue stage: they must not announce or audit it again.
            int heardAt = scans.get();
            Wait.until("three more scans ran", Duration.ofSeconds(5), () -> scans.get() >= heardAt + 3);
            scheduled.stop();
            assertThat(scheduled.isRunning()).isFalse();
            assertThat(audited).hasSize(1);
        } finally {
            executor.shutdownNow();
        }
    }
}

package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.DistrictTime;
import org.gridcommand.common.Ulid;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.sla.OverdueNotice;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.store.Database;
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's overdue watch on a real H2 store and the shipped SLA limits: held, it escalates on its own
 * thread and tells every subscriber; it runs while any holder holds it, and closing stops it for good.
 */
class OverdueWatchTest {
    private static final ZoneId SHANGHAI = DistrictTime.ZONE;
    private static final String RUBBISH = "0201";   // ACCEPT within 30 natural minutes
    private static final Duration WAIT = Duration.ofSeconds(20);

    static SlaEngine sla;

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(at("2026-11-23T09:00"), SHANGHAI);   // a Monday
    Database db;
    OverdueWatch watch;

    @BeforeAll
    static void loadTables() {
        sla = SlaEngine.loadDefault(CategoryDictionary.loadDefault());
    }

    @BeforeEach
    void open() {
        db = Database.openH2(dir, new ChangeBus());
        // Scans back to back: the test waits on what they write, not on the period.
        watch = new OverdueWatch(listener -> new OverdueEscalation(db.cases(), db.caseEvents(), sla, clock, SHANGHAI,
                listener), Duration.ZERO, Duration.ofMillis(20));
    }

    @AfterEach
    void close() {
        watch.close();
        db.close();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private Case reported(String local) {
        Case c = Case.builder().id(Ulid.next()).channel(Channel.HOTLINE).categoryCode(RUBBISH)
                .location(new GeoPoint(113.58, 22.36)).address("Lane 3").description("Rubbish by the bus stop")
                .priority(Priority.NORMAL).state(CaseState.REPORTED).reportedAt(at(local)).build();
        db.cases().save(c);
        return c;
    }

    private List<CaseEvent> escalations(String caseId) {
        return db.caseEvents().findByCase(caseId).stream().filter(e -> e.action() == CaseAction.ESCALATE).toList();
    }

    private static OverdueNotice next(BlockingQueue<OverdueNotice> told) throws InterruptedException {
        OverdueNotice n = told.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(n).as("a notice within " + WAIT.toSeconds() + " s").isNotNull();
        return n;
    }

    @Test
    void aHeldWatchEscalatesOnItsOwnAndTellsEverySubscriber() throws Exception {
        Case late = reported("2026-11-23T08:00");     // accept due 08:30: overdue at 09:00
        Case early = reported("2026-11-23T08:45");    // accept due 09:15
        BlockingQueue<OverdueNotice> strip = new LinkedBlockingQueue<>();
        BlockingQueue<OverdueNotice> other = new LinkedBlockingQueue<>();
        watch.subscribe(strip::add);
        Runnable stopOther = watch.subscribe(other::add);
        watch.subscribe(n -> {
            throw new IllegalStateException("a broken subscriber");
        });

        Runnable release = watch.hold();
        assertThat(watch.isRunning()).isTrue();
        assertThat(next(strip).caseId()).isEqualTo(late.id());
        assertThat(next(other).caseId()).as("a failing subscriber does not keep the others from hearing")
                .isEqualTo(late.id());
        assertThat(escalations(late.id())).singleElement().satisfies(e -> {
            assertThat(e.operatorName()).isEqualTo(OverdueEscalation.ACTOR);
            assertThat(e.role()).isNull();
        });

        // Later scans come by themselves: the second case is escalated once it is overdue, told only to whoever
        // still listens, and the first is not announced again.
        stopOther.run();
        clock.set(at("2026-11-23T09:20"));
        assertThat(next(strip).caseId()).isEqualTo(early.id());
        assertThat(escalations(early.id())).hasSize(1);
        assertThat(escalations(late.id())).hasSize(1);
        assertThat(other).isEmpty();
        release.run();
        assertThat(watch.isRunning()).isFalse();
        assertThat(strip).isEmpty();
    }

    @Test
    void theWatchRunsWhileAnyHolderHoldsItAndClosingStopsItForGood() {
        Runnable console = watch.hold();
        Runnable secondWindow = watch.hold();
        assertThat(watch.escalation().isRunning()).isTrue();

        console.run();
        console.run();   // a second release of the same hold does not take the other's away
        assertThat(watch.isRunning()).as("the second window still holds it").isTrue();
        secondWindow.run();
        assertThat(watch.isRunning()).isFalse();
        assertThat(watch.escalation().isRunning()).isFalse();

        Runnable reopened = watch.hold();
        assertThat(watch.isRunning()).as("a console opened again starts it again").isTrue();
        watch.close();
        assertThat(watch.isRunning()).isFalse();
        reopened.run();
        assertThat(watch.isRunning()).isFalse();
        assertThatThrownBy(watch::hold).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}

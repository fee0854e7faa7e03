package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseStateMachine;
import org.gridcommand.common.ChangeBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 a process that takes reports and moves cases along the life cycle, then reopen the store:
 * every case the process acknowledged must be exactly as acknowledged, with its whole trail. A step that
 * committed but was not yet acknowledged may be there too (the kill can land between commit and print),
 * but never half of one: a case change without its trail line, or a line without its change.
 */
@Tag("slow")
class CaseDurabilityAfterKillTest {
    private static final int ACKS_BEFORE_KILL = 150;

    private Path dir;
    private KilledChild child;

    private record Ack(int trailLines, String caseText) {
    }

    @BeforeEach
    void setUp() {
        dir = TestStores.tempDir();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (child != null) {
            child.close();
        }
        TestStores.deleteTree(dir);
    }

    @Test
    void everyAcknowledgedCaseAndTrailSurvivesKill9() throws Exception {
        Map<String, Ack> acked = runAndKill();
        assertThat(acked).hasSizeGreaterThan(10);

        try (Database db = Database.openH2(dir, new ChangeBus())) {
            for (Map.Entry<String, Ack> e : acked.entrySet()) {
                String id = e.getKey();
                Ack ack = e.getValue();
                Case stored = db.cases().findById(id).orElse(null);
                if (stored == null) {
                    fail("case " + id + " was acknowledged but is missing after kill -9");
                }
                List<CaseEvent> trail = db.caseEvents().findByCase(id);
                assertThat(trail.get(0).action()).isEqualTo(CaseAction.REPORT);
                // The trail's last line names the state the case is in: change and line went together.
                assertThat(trail.get(trail.size() - 1).toState()).as("case %s", id).isEqualTo(stored.state());
                if (trail.size() == ack.trailLines()) {
                    assertThat(stored.toString()).as("case %s after kill -9", id).isEqualTo(ack.caseText());
                } else {
                    // One more step committed before the kill, its ACK never printed.
                    assertThat(trail).as("trail of case %s", id).hasSize(ack.trailLines() + 1);
                    CaseEvent extra = trail.get(trail.size() - 1);
                    assertThat(CaseStateMachine.isAllowed(extra.fromState(), extra.action())).isTrue();
                }
            }
            // Cases whose REPORT committed unacknowledged may exist; nothing else may.
            assertThat(db.cases().count()).isBetween((long) acked.size(), (long) acked.size() + 1);
        }
    }

    /** Runs the child until it has acknowledged enough, kills it, and returns the last ACK per case. */
    private Map<String, Ack> runAndKill() throws Exception {
        child = KilledChild.start(dir, CaseDurabilityChild.class, dir.toString());
        Map<String, Ack> acked = new LinkedHashMap<>();
        child.readUntil(ACKS_BEFORE_KILL, line -> record(acked, line));
        child.killAndDrain(line -> record(acked, line));
        return acked;
    }

    private static boolean record(Map<String, Ack> acked, String line) {
        if (!line.startsWith("ACK ")) {
            return false;
        }
        String[] parts = line.split(" ");
        if (parts.length != 5 || !parts[4].equals("END")) {
            // A line cut by the kill was never fully acknowledged.
            return false;
        }
        String text;
        try {
            text = new String(Base64.getDecoder().decode(parts[3]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException cut) {
            return false;
        }
        acked.put(parts[1], new Ack(Integer.parseInt(parts[2]), text));
        return true;
    }
}

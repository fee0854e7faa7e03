package org.gridcommand.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.CaseService;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.IntakeService;
import org.gridcommand.cases.IntakeSettings;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.geo.Datum;
import org.gridcommand.grid.LocateService;

/**
 * The process CaseDurabilityAfterKillTest kills: submits cases through the intake and moves them along
 * the life cycle, printing after each call has returned {@code ACK caseId trailLines base64(case) END}, the
 * case exactly as the service answered it. It never stops on its own.
 */
public final class CaseDurabilityChild {
    private CaseDurabilityChild() {
    }

    public static void main(String[] args) throws Exception {
        KilledChild.startOrphanGuard();
        Database db = Database.openH2(Path.of(args[0]), new ChangeBus());
        // Millisecond stamps: what the store keeps is then exactly what the service returned.
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        DutyService duty = new DutyService(db.audit(), clock);
        duty.signOn(new Operator("夜班值班员", Role.DUTY_OFFICER));
        // Duplicate offers would stop the loop; every report here is a case of its own.
        IntakeService intake = new IntakeService(db.cases(), CategoryDictionary.loadDefault(),
                new LocateService(Fixtures.district()), duty, new IntakeSettings(0, Duration.ZERO), clock);
        CaseService service = new CaseService(db.cases(), db.caseEvents(), duty, clock);

        for (long n = 0; ; n++) {
            CaseReport report = CaseReport.builder().channel(Channel.GRID_WORKER).reportId("KILL-" + n)
                    .categoryCode(n % 2 == 0 ? "0601" : "0301")
                    .at(113.545 + (n % 100) * 0.0001, 22.255 + (n / 100 % 100) * 0.0001, Datum.WGS84)
                    .reportedBy("W" + n).description("kill test " + n).build();
            Case c = intake.submit(report).aCase();
            ack(c, 1);
            String id = c.id();
            List<Function<String, Case>> steps = switch ((int) (n % 4)) {
                case 0 -> List.of(service::accept, x -> service.dispatch(x, Assignee.department("FIRE")),
                        service::startHandling, x -> service.feedBack(x, "done"),
                        x -> service.verify(x, false, "not clean"), x -> service.feedBack(x, "again"),
                        x -> service.verify(x, true, null), service::close);
                case 1 -> List.of(x -> service.voidCase(x, "重复上报"));
                case 2 -> List.of(service::accept, x -> service.suspend(x, "等待审批"), service::resume,
                        service::supervise, x -> service.escalate(x, "上报"));
                default -> List.of(service::accept, x -> service.dispatch(x, Assignee.worker("W1")));
            };
            int lines = 1;
            for (Function<String, Case> step : steps) {
                Case answered = step.apply(id);
                ack(answered, ++lines);
            }
        }
    }

    private static void ack(Case c, int trailLines) {
        String encoded = Base64.getEncoder().encodeToString(c.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println("ACK " + c.id() + " " + trailLines + " " + encoded + " END");
        System.out.flush();
    }
}

package org.gridcommand.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseRepository;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.BilingualName;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.track.ShiftWindow;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.handover.HandoverReport.NotableEvent;
import org.gridcommand.handover.HandoverReport.OfflineCamera;
import org.gridcommand.handover.HandoverReport.OpenCase;
import org.gridcommand.handover.HandoverReport.OpenStep;
import org.gridcommand.handover.HandoverReport.Whereabouts;
import org.gridcommand.handover.HandoverReport.WorkerAway;
import org.gridcommand.plans.Checklist;
import org.gridcommand.plans.PlanStep;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.sla.SlaView;

/**
 * Builds a shift's handover report from the stores as they are at {@code now}: open cases judged by the same
 * SLA engine as the queue's column (most urgent first: overdue, near due, on time; then by priority), every
 * open case's required plan steps not done, the cameras the console's status board has as lost, the on-duty
 * workers whose last fix is outside their grid or too old, and the shift's notable trail lines plus the urgent
 * cases reported in it. Reads only; safe off the FX thread.
 */
public final class HandoverBuilder {
    /** Where the builder reads; each is a method reference onto a store or a live board. */
    public record Sources(CaseRepository cases, Function<String, Optional<Checklist>> checklists,
                          HandoverRepository trail, List<Camera> cameras,
                          Supplier<Map<String, CameraStatus>> cameraStatus, Supplier<List<GridWorker>> workers,
                          Function<String, Optional<GpsFix>> lastFix, GridLocator locator) {
        public Sources {
            Objects.requireNonNull(cases, "cases");
            Objects.requireNonNull(checklists, "checklists");
            Objects.requireNonNull(trail, "trail");
            Objects.requireNonNull(cameras, "cameras");
            Objects.requireNonNull(cameraStatus, "cameraStatus");
            Objects.requireNonNull(workers, "workers");
            Objects.requireNonNull(lastFix, "lastFix");
            Objects.requireNonNull(locator, "locator");
        }
    }

    private final Sources sources;
    private final SlaEngine sla;
    private final CategoryDictionary categories;
    private final HandoverSettings settings;

    public HandoverBuilder(Sources sources, SlaEngine sla, CategoryDictionary categories, HandoverSettings settings) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.categories = Objects.requireNonNull(categories, "categories");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public HandoverSettings settings() {
        return settings;
    }

    /** The report of {@code shift} as things stand at {@code now} (events up to the earlier of now and its end). */
    public HandoverReport build(ShiftWindow shift, Instant now, String handedOverBy) {
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(now, "now");
        List<Case> open = sources.cases().findOpen();
        return new HandoverReport(shift, now, handedOverBy, openCases(open, now), openSteps(open, now),
                offlineCameras(), workersAway(now), notableEvents(shift, now));
    }

    private List<OpenCase> openCases(List<Case> open, Instant now) {
        record Judged(Case c, SlaView view) {
        }
        List<Judged> judged = new ArrayList<>();
        for (Case c : open) {
            judged.add(new Judged(c, sla.assess(c, now)));
        }
        judged.sort(Comparator.comparing(Judged::view, SlaView.MOST_URGENT_FIRST)
                .thenComparing(j -> j.c().priority())
                .thenComparing(j -> j.c().reportedAt()));
        List<OpenCase> out = new ArrayList<>();
        for (Judged j : judged) {
            Case c = j.c();
            SlaView v = j.view();
            out.add(new OpenCase(c.id(), c.categoryCode(), categoryName(c.categoryCode()), c.priority(), c.state(),
                    v.stage(), v.state().orElse(null), v.due().orElse(null), c.address()));
        }
        return out;
    }

    private BilingualName categoryName(String code) {
        return code == null ? null : categories.find(code).map(x -> x.name()).orElse(null);
    }

    private List<OpenStep> openSteps(List<Case> open, Instant now) {
        List<OpenStep> out = new ArrayList<>();
        for (Case c : open) {
            Optional<Checklist> list = sources.checklists().apply(c.id());
            if (list.isEmpty()) {
                continue;
            }
            Checklist checklist = list.get();
            for (PlanStep s : checklist.requiredOpen()) {
                out.add(new OpenStep(c.id(), checklist.run().planName(), s.number(), s.title(), s.dueAt(),
                        s.overdueAt(now)));
            }
        }
        // Overdue steps first, then by due time (steps without one last).
        out.sort(Comparator.comparing((OpenStep s) -> !s.overdue())
                .thenComparing(OpenStep::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    private List<OfflineCamera> offlineCameras() {
        Map<String, CameraStatus> board = sources.cameraStatus().get();
        List<OfflineCamera> out = new ArrayList<>();
        for (Camera camera : sources.cameras()) {
            CameraStatus s = board.get(camera.id());
            if (s != null && s.state() == CameraStatus.State.LOST) {
                out.add(new OfflineCamera(camera.id(), camera.name(), s.since()));
            }
        }
        out.sort(Comparator.comparing(OfflineCamera::lostSince, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    private List<WorkerAway> workersAway(Instant now) {
        Duration notSeen = settings.workerNotSeenAfter();
        List<WorkerAway> out = new ArrayList<>();
        for (GridWorker w : sources.workers().get()) {
            if (!w.onDuty()) {
                continue;
            }
            String own = w.smallGrid() == null ? null : w.smallGrid().value();
            Optional<GpsFix> fix = sources.lastFix().apply(w.id());
            if (fix.isEmpty() || fix.get().at().isBefore(now.minus(notSeen))) {
                out.add(new WorkerAway(w.id(), w.name(), own, Whereabouts.NOT_SEEN, null,
                        fix.map(GpsFix::at).orElse(null)));
                continue;
            }
            GpsFix f = fix.get();
            Optional<SmallGrid> at = sources.locator().locate(f.position().lon(), f.position().lat());
            if (at.isEmpty()) {
                out.add(new WorkerAway(w.id(), w.name(), own, Whereabouts.OUTSIDE_DISTRICT, null, f.at()));
            } else if (!at.get().code().value().equals(own)) {
                out.add(new WorkerAway(w.id(), w.name(), own, Whereabouts.OFF_GRID, at.get().code().value(), f.at()));
            }
        }
        out.sort(Comparator.comparing(WorkerAway::whereabouts).thenComparing(WorkerAway::workerId));
        return out;
    }

    private List<NotableEvent> notableEvents(ShiftWindow shift, Instant now) {
        Instant to = now.isBefore(shift.to()) ? now : shift.to();
        List<NotableEvent> out = new ArrayList<>();
        if (to.isAfter(shift.from())) {
            EnumSet<CaseAction> actions = settings.notableActions().isEmpty()
                    ? EnumSet.noneOf(CaseAction.class) : EnumSet.copyOf(settings.notableActions());
            if (!actions.isEmpty()) {
                for (CaseEvent e : sources.trail().caseEventsBetween(shift.from(), to, actions)) {
                    out.add(new NotableEvent(e.at(), e.caseId(), e.action(), e.operatorName(), e.note()));
                }
            }
            for (Case c : sources.cases().findReportedBetween(shift.from(), to)) {
                if (c.priority() == Priority.URGENT) {
                    out.add(new NotableEvent(c.reportedAt(), c.id(), CaseAction.REPORT,
                            c.reportedBy() == null ? c.channel().name() : c.reportedBy(), c.description()));
                }
            }
        }
        out.sort(Comparator.comparing(NotableEvent::at).thenComparing(NotableEvent::caseId));
        return out;
    }
}

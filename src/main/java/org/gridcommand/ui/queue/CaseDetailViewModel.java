package org.gridcommand.ui.queue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.MergedReport;
import org.gridcommand.cases.TrailActor;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.directory.Department;
import org.gridcommand.directory.DepartmentDirectory;
import org.gridcommand.evidence.Evidence;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.sla.SlaStatus;
import org.gridcommand.sla.SlaView;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.ui.shared.CaseTexts;

/**
 * The selected case in full: its fields, the SLA of every stage measured so far, its trail (oldest first),
 * the reports merged into it and the evidence attached to it. Reads the trail, merged reports and evidence in
 * the background whenever the case changes, and again when the store says the case changed (a merge or a
 * snapshot leaves the case itself as it was).
 */
public final class CaseDetailViewModel {
    private static final System.Logger LOG = System.getLogger(CaseDetailViewModel.class.getName());

    /** A label and its value. */
    public record Field(String key, String label, String value) {
    }

    /** One stage: its name, due time, and the state in words with its mark and style. */
    public record SlaLine(SlaStage stage, String name, String due, String state, String mark, String style) {
    }

    /** One trail line as shown: time in the district's zone, action word, operator (role), note. */
    public record TimelineLine(CaseEvent event, String time, String action, String operator, String note) {
        /** The whole line as one text (what the officer reads, and what the tests look for). */
        public String text() {
            return time + "  " + action + "  " + operator + (note.isEmpty() ? "" : "  — " + note);
        }
    }

    /** One evidence item as listed: when taken, camera, who attached it, size and the start of its digest. */
    public record EvidenceLine(Evidence evidence, String text) {
    }

    /** What is read from the store for one case. */
    public interface Source {
        List<CaseEvent> trail(String caseId);

        List<MergedReport> mergedReports(String caseId);

        /** The case's evidence, oldest first; none unless the console wires the evidence service in. */
        default List<Evidence> evidence(String caseId) {
            return List.of();
        }

        /** Writes an evidence item's picture to a file and returns it (blocking: called in the background). */
        default Path exportEvidence(String evidenceId, Path target) {
            throw new UnsupportedOperationException("this console cannot export evidence");
        }
    }

    /** What the console reads for a case: the trail from the case service, merged reports, evidence. */
    public static Source sourceFor(AppContext context) {
        return new Source() {
            @Override
            public List<CaseEvent> trail(String caseId) {
                return context.caseService().trail(caseId);
            }

            @Override
            public List<MergedReport> mergedReports(String caseId) {
                return context.intake().mergedReports(caseId);
            }

            @Override
            public List<Evidence> evidence(String caseId) {
                return context.evidence().list(caseId);
            }

            @Override
            public Path exportEvidence(String evidenceId, Path target) {
                return context.evidence().export(evidenceId, target);
            }
        };
    }

    private final Source source;
    private final CaseRowFactory rows;
    private final CaseTexts texts;
    private final Clock clock;
    private final UiExecutor ui;
    private final Function<String, java.util.Optional<Department>> departments;
    private final ReadOnlyObjectWrapper<Case> shown = new ReadOnlyObjectWrapper<>(this, "case");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<SlaLine> sla = FXCollections.observableArrayList();
    private final ObservableList<TimelineLine> timeline = FXCollections.observableArrayList();
    private final ObservableList<String> merged = FXCollections.observableArrayList();
    private final ObservableList<EvidenceLine> evidence = FXCollections.observableArrayList();
    private final ObservableList<EvidenceLine> readOnlyEvidence = FXCollections.unmodifiableObservableList(evidence);
    private final ReadOnlyStringWrapper evidenceMessage = new ReadOnlyStringWrapper(this, "evidenceMessage", "");
    private final ObservableList<Field> readOnlyFields = FXCollections.unmodifiableObservableList(fields);
    private final ObservableList<SlaLine> readOnlySla = FXCollections.unmodifiableObservableList(sla);
    private final ObservableList<TimelineLine> readOnlyTimeline = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<String> readOnlyMerged = FXCollections.unmodifiableObservableList(merged);
    private Runnable unsubscribe = () -> { };
    private long generation;

    public CaseDetailViewModel(Source source, CaseRowFactory rows, Clock clock, DepartmentDirectory departments,
                               UiExecutor ui) {
        this.source = Objects.requireNonNull(source, "source");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.texts = rows.texts();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.departments = departments::find;
    }

    /** Reloads the shown case's trail whenever the store reports a change to it. */
    public void listenTo(ChangeBus changes) {
        unsubscribe.run();
        unsubscribe = changes.subscribe(event -> {
            if ("case".equals(event.entity())) {
                ui.onUiThread(() -> {
                    Case c = shown.get();
                    if (c != null && (event.id() == null || event.id().equals(c.id()))) {
                        load(c);
                    }
                });
            }
        });
    }

    public void dispose() {
        unsubscribe.run();
        unsubscribe = () -> { };
    }

    /** Shows a case (null clears the pane). The fields show at once; trail and SLA follow from the background. */
    public void show(Case c) {
        shown.set(c);
        evidenceMessage.set("");
        if (c == null) {
            generation++;
            title.set(texts.get("detail.none"));
            fields.clear();
            sla.clear();
            timeline.clear();
            merged.clear();
            evidence.clear();
            problem.set("");
            return;
        }
        title.set(texts.format("detail.title", texts.categoryName(c.categoryCode()), texts.gridName(c), texts.number(c)));
        fields.setAll(fieldsOf(c));
        load(c);
    }

    private record Loaded(List<SlaLine> sla, List<TimelineLine> timeline, List<String> merged,
                          List<EvidenceLine> evidence) {
    }

    private void load(Case c) {
        long mine = ++generation;
        ui.background(() -> new Loaded(slaOf(c), timelineOf(source.trail(c.id())),
                mergedOf(source.mergedReports(c.id())), evidenceOf(source.evidence(c.id()))), loaded -> {
            if (mine != generation) {
                return;
            }
            sla.setAll(loaded.sla());
            timeline.setAll(loaded.timeline());
            merged.setAll(loaded.merged());
            evidence.setAll(loaded.evidence());
            problem.set("");
        }, error -> {
            if (mine == generation) {
                LOG.log(System.Logger.Level.WARNING, "could not load the trail of case " + c.id(), error);
                problem.set(texts.format("detail.loadProblem", String.valueOf(error.getMessage())));
            }
        });
    }

    private List<Field> fieldsOf(Case c) {
        List<Field> out = new ArrayList<>();
        add(out, "id", texts.number(c));
        String state = texts.state(c) + (c.stateReason() == null ? "" : " — " + c.stateReason());
        add(out, "state", state);
        add(out, "priority", texts.priority(c));
        add(out, "category", texts.categoryPath(c.categoryCode()) + " (" + c.categoryCode() + ")");
        add(out, "channel", texts.channel(c));
        add(out, "reportedAt", texts.fullTime(c.reportedAt()));
        String grid = texts.gridName(c);
        if (c.smallGridCode() != null) {
            grid = grid + " · " + c.smallGridCode();
        }
        add(out, "grid", grid);
        if (c.location() != null) {
            add(out, "location", String.format(java.util.Locale.ROOT, "%.6f, %.6f (WGS-84)", c.location().lon(),
                    c.location().lat()) + (c.outsideDistrict() ? " — " + texts.get("queue.outsideDistrict") : ""));
        }
        add(out, "address", c.address());
        add(out, "reporter", c.reporterName());
        add(out, "contact", c.reporterContact());
        add(out, "reportedBy", c.reportedBy());
        add(out, "description", c.description());
        if (c.eventClass() != null) {
            add(out, "emergency", texts.get("emergency.class." + c.eventClass().name())
                    + (c.level() == null ? "" : " · " + texts.get("emergency.level." + c.level().name())));
        }
        if (c.assignee() != null) {
            add(out, "assignee", assignee(c.assignee()));
        }
        List<String> flags = new ArrayList<>();
        if (c.supervised()) {
            flags.add("⚑ " + texts.get("queue.flag.supervised"));
        }
        if (c.escalated()) {
            flags.add("⇪ " + texts.get("queue.flag.escalated"));
        }
        if (c.reworkCount() > 0) {
            flags.add("↻ " + texts.format("queue.flag.rework", c.reworkCount()));
        }
        add(out, "flags", String.join("  ", flags));
        if (!c.attachments().isEmpty()) {
            add(out, "attachments", String.join(", ", c.attachments().stream().map(a -> a.name()).toList()));
        }
        add(out, "acceptedAt", texts.fullTime(c.acceptedAt()));
        add(out, "dispatchedAt", texts.fullTime(c.dispatchedAt()));
        add(out, "handlingStartedAt", texts.fullTime(c.handlingStartedAt()));
        add(out, "fedBackAt", texts.fullTime(c.fedBackAt()));
        add(out, "verifiedAt", texts.fullTime(c.verifiedAt()));
        add(out, "closedAt", texts.fullTime(c.closedAt()));
        add(out, "voidedAt", texts.fullTime(c.voidedAt()));
        add(out, "suspendedAt", texts.fullTime(c.suspendedAt()));
        return out;
    }

    private void add(List<Field> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new Field(key, texts.get("detail.field." + key), value));
        }
    }

    private String assignee(Assignee a) {
        if (a.kind() == Assignee.Kind.GRID_WORKER) {
            return texts.worker(a.code()).map(w -> texts.format("detail.assignee.worker",
                    w.name().in(texts.messages().locale()), w.phone() == null ? "" : w.phone()))
                    .orElse(a.code());
        }
        return departments.apply(a.code()).map(d -> texts.format("detail.assignee.department",
                d.name().in(texts.messages().locale()), d.hotline() == null ? "" : d.hotline())).orElse(a.code());
    }

    private List<SlaLine> slaOf(Case c) {
        SlaView view = rows.assess(c, clock.instant());
        if (view == null) {
            return List.of();
        }
        List<SlaLine> out = new ArrayList<>();
        for (SlaStatus s : view.stages().values()) {
            CaseTexts.SlaCell cell = texts.runningCell(s);
            out.add(new SlaLine(s.stage(), texts.get("sla.stage." + s.stage().name()), texts.fullTime(s.due()),
                    texts.slaStateWord(s.state()) + (s.isRunning() || s.state() == org.gridcommand.sla.SlaState.MET_LATE
                            ? " · " + cell.text() : ""), cell.mark(), cell.style()));
        }
        return out;
    }

    private List<TimelineLine> timelineOf(List<CaseEvent> events) {
        List<TimelineLine> out = new ArrayList<>(events.size());
        for (CaseEvent e : events) {
            String operator = TrailActor.label(e, texts.messages());
            out.add(new TimelineLine(e, texts.fullTime(e.at()), texts.get("caseAction." + e.action().name()), operator,
                    e.note() == null ? "" : e.note()));
        }
        return out;
    }

    private List<String> mergedOf(List<MergedReport> reports) {
        List<String> out = new ArrayList<>(reports.size());
        for (MergedReport m : reports) {
            var r = m.report();
            out.add(texts.format("detail.merged.line", texts.fullTime(m.mergedAt()),
                    texts.get("channel." + (r.channel() == null ? "HOTLINE" : r.channel().name())),
                    r.reporterName() == null ? (r.reportedBy() == null ? "" : r.reportedBy()) : r.reporterName(),
                    r.description() == null ? "" : r.description()));
        }
        return out;
    }

    private List<EvidenceLine> evidenceOf(List<Evidence> items) {
        List<EvidenceLine> out = new ArrayList<>(items.size());
        for (Evidence e : items) {
            String camera = e.cameraName() == null ? e.cameraId() : e.cameraName() + " · " + e.cameraId();
            // Sizes as text: MessageFormat would group 1920 as "1,920".
            out.add(new EvidenceLine(e, texts.format("evidence.line", texts.fullTime(e.takenAt()), camera,
                    e.operatorName(), String.valueOf(e.width()), String.valueOf(e.height()),
                    e.sha256().substring(0, 12))));
        }
        return out;
    }

    /**
     * Exports an evidence item's picture to {@code target} in the background; {@link #evidenceMessageProperty()}
     * then says where it went, or why not.
     */
    public void exportEvidence(Evidence item, Path target) {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(target, "target");
        ui.background(() -> source.exportEvidence(item.id(), target),
                written -> evidenceMessage.set(texts.format("evidence.exported", written)),
                error -> evidenceMessage.set(texts.format("evidence.exportFailed",
                        String.valueOf(error.getMessage()))));
    }

    /** The case's evidence, oldest first. */
    public ObservableList<EvidenceLine> evidence() {
        return readOnlyEvidence;
    }

    /** The outcome of the last evidence export ("" before any). */
    public ReadOnlyStringProperty evidenceMessageProperty() {
        return evidenceMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Case> caseProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<Field> fields() {
        return readOnlyFields;
    }

    public ObservableList<SlaLine> sla() {
        return readOnlySla;
    }

    public ObservableList<TimelineLine> timeline() {
        return readOnlyTimeline;
    }

    public ObservableList<String> mergedReports() {
        return readOnlyMerged;
    }
}

package org.gridcommand.ui.queue;

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
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.MergedReport;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.directory.Department;
import org.gridcommand.directory.DepartmentDirectory;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.sla.SlaStatus;
import org.gridcommand.sla.SlaView;
import org.gridcommand.ui.fx.FxThread;

/**
 * The selected case in full: its fields, the SLA of every stage measured so far, its trail (oldest first)
 * and the reports merged into it. Reads the trail and merged reports in the background whenever the case
 * changes, and again when the store says the case changed (a merge leaves the case itself as it was).
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

    /** What is read from the store for one case. */
    public interface Source {
        List<CaseEvent> trail(String caseId);

        List<MergedReport> mergedReports(String caseId);
    }

    private final Source source;
    private final CaseRowFactory rows;
    private final QueueTexts texts;
    private final Clock clock;
    private final Function<String, java.util.Optional<Department>> departments;
    private final ReadOnlyObjectWrapper<Case> shown = new ReadOnlyObjectWrapper<>(this, "case");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<SlaLine> sla = FXCollections.observableArrayList();
    private final ObservableList<TimelineLine> timeline = FXCollections.observableArrayList();
    private final ObservableList<String> merged = FXCollections.observableArrayList();
    private final ObservableList<Field> readOnlyFields = FXCollections.unmodifiableObservableList(fields);
    private final ObservableList<SlaLine> readOnlySla = FXCollections.unmodifiableObservableList(sla);
    private final ObservableList<TimelineLine> readOnlyTimeline = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<String> readOnlyMerged = FXCollections.unmodifiableObservableList(merged);
    private Runnable unsubscribe = () -> { };
    private long generation;

    public CaseDetailViewModel(Source source, CaseRowFactory rows, Clock clock, DepartmentDirectory departments) {
        this.source = Objects.requireNonNull(source, "source");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.texts = rows.texts();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.departments = departments::find;
    }

    /** Reloads the shown case's trail whenever the store reports a change to it. */
    public void listenTo(ChangeBus changes) {
        unsubscribe.run();
        unsubscribe = changes.subscribe(event -> {
            if ("case".equals(event.entity())) {
                FxThread.run(() -> {
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
        if (c == null) {
            generation++;
            title.set(texts.get("detail.none"));
            fields.clear();
            sla.clear();
            timeline.clear();
            merged.clear();
            problem.set("");
            return;
        }
        title.set(texts.format("detail.title", texts.categoryName(c.categoryCode()), texts.gridName(c), c.id()));
        fields.setAll(fieldsOf(c));
        load(c);
    }

    private record Loaded(List<SlaLine> sla, List<TimelineLine> timeline, List<String> merged) {
    }

    private void load(Case c) {
        long mine = ++generation;
        FxThread.background(() -> new Loaded(slaOf(c), timelineOf(source.trail(c.id())),
                mergedOf(source.mergedReports(c.id()))), loaded -> {
            if (mine != generation) {
                return;
            }
            sla.setAll(loaded.sla());
            timeline.setAll(loaded.timeline());
            merged.setAll(loaded.merged());
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
        add(out, "id", c.id());
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
            QueueTexts.SlaCell cell = texts.runningCell(s);
            out.add(new SlaLine(s.stage(), texts.get("sla.stage." + s.stage().name()), texts.fullTime(s.due()),
                    texts.slaStateWord(s.state()) + (s.isRunning() || s.state() == org.gridcommand.sla.SlaState.MET_LATE
                            ? " · " + cell.text() : ""), cell.mark(), cell.style()));
        }
        return out;
    }

    private List<TimelineLine> timelineOf(List<CaseEvent> events) {
        List<TimelineLine> out = new ArrayList<>(events.size());
        for (CaseEvent e : events) {
            String operator = e.role() == null ? e.operatorName()
                    : texts.format("detail.operator", e.operatorName(), texts.get("role." + e.role().name()));
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

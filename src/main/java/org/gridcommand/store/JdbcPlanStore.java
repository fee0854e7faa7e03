package org.gridcommand.store;

import static org.gridcommand.store.Columns.getEnum;
import static org.gridcommand.store.Columns.getInstant;
import static org.gridcommand.store.Columns.setEnum;
import static org.gridcommand.store.Columns.setInstant;
import static org.gridcommand.store.Columns.setString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.duty.Role;
import org.gridcommand.plans.ActionKind;
import org.gridcommand.plans.Answer;
import org.gridcommand.plans.Checklist;
import org.gridcommand.plans.ContactRef;
import org.gridcommand.plans.Delivery;
import org.gridcommand.plans.DeliveryState;
import org.gridcommand.plans.Notification;
import org.gridcommand.plans.NotificationRecord;
import org.gridcommand.plans.PlanRun;
import org.gridcommand.plans.PlanState;
import org.gridcommand.plans.PlanStep;
import org.gridcommand.plans.PlanStore;
import org.gridcommand.plans.PlanUpdate;
import org.gridcommand.plans.StepKind;
import org.gridcommand.plans.StepNote;
import org.gridcommand.plans.StepStatus;

/**
 * Plan runs, steps, notes and notifications ({@code V5__plans.sql}). Every change goes through {@link #apply},
 * which locks the case row first: plan changes of one case are serialised with each other and with the case's
 * close, so the close guard never judges a checklist that a tick is changing at that moment.
 */
final class JdbcPlanStore implements PlanStore {
    private static final String RUN_COLUMNS = "id, case_id, plan_id, plan_version, plan_name_zh, plan_name_en, "
            + "response_level, activated_at, activated_by, level_since, override_by, override_role, override_at, "
            + "override_reason";
    private static final String STEP_COLUMNS = "run_id, step_key, seq, step_number, phase_key, phase_name_zh, "
            + "phase_name_en, title_zh, title_en, step_role, kind, action_kind, required, step_level, due_minutes, "
            + "added_at, due_at, contacts, on_yes, on_no, gate_key, gate_answer, status, answer, done_by, done_role, "
            + "done_at, outcome";
    /** The columns a step's life changes; the rest is what the plan file said and never changes. */
    private static final String STEP_UPDATE = "UPDATE plan_step SET status = ?, answer = ?, done_by = ?, done_role = ?, "
            + "done_at = ?, outcome = ? WHERE run_id = ? AND step_key = ?";
    private static final String NOTIFICATION_COLUMNS = "id, run_id, case_id, step_key, contact, contact_name, address, "
            + "message, channel, sent_by, sent_at, state, detail";

    private final Database db;

    JdbcPlanStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Checklist> findByCase(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return db.read("reading the plan of case " + caseId, c -> Optional.ofNullable(read(c, caseId)));
    }

    @Override
    public Checklist apply(String caseId, Function<PlanState, PlanUpdate> change) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(change, "change");
        boolean[] caseChanged = new boolean[1];
        Checklist after = db.write("changing the plan of case " + caseId, c -> {
            Case current = JdbcCaseRepository.lockForUpdate(c, caseId);
            Checklist before = read(c, caseId);
            PlanUpdate update = Objects.requireNonNull(change.apply(new PlanState(current, before)),
                    "the plan change returned nothing");
            if (update.caseChange() != null) {
                if (!update.caseChange().after().id().equals(caseId)) {
                    throw new IllegalArgumentException("a plan change of case " + caseId + " changed case "
                            + update.caseChange().after().id());
                }
                JdbcCaseRepository.write(c, update.caseChange());
                caseChanged[0] = true;
            }
            if (update.run() != null) {
                if (!update.run().caseId().equals(caseId)) {
                    throw new IllegalArgumentException("a plan change of case " + caseId + " wrote a run of case "
                            + update.run().caseId());
                }
                if (before == null) {
                    insertRun(c, update.run());
                } else if (before.run().id().equals(update.run().id())) {
                    updateRun(c, update.run());
                } else {
                    throw new IllegalStateException("case " + caseId + " already has plan run " + before.run().id());
                }
            }
            String runId = update.run() != null ? update.run().id() : before == null ? null : before.run().id();
            for (PlanStep step : update.steps()) {
                if (!step.runId().equals(runId)) {
                    throw new IllegalArgumentException("step " + step.key() + " belongs to run " + step.runId()
                            + ", not to run " + runId + " of case " + caseId);
                }
                if (!updateStep(c, step)) {
                    insertStep(c, step);
                }
            }
            for (StepNote note : update.notes()) {
                insertNote(c, note);
            }
            return read(c, caseId);
        });
        db.publish(new ChangeEvent("plan", caseId, ChangeEvent.Kind.UPDATED));
        if (caseChanged[0]) {
            db.publish(new ChangeEvent("case", caseId, ChangeEvent.Kind.UPDATED));
        }
        return after;
    }

    @Override
    public void recordNotification(NotificationRecord record) {
        Objects.requireNonNull(record, "record");
        Notification n = record.notification();
        db.write("recording the notification of " + n.contact() + " for case " + n.caseId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_notification (" + NOTIFICATION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, n.id());
                ps.setString(2, n.runId());
                ps.setString(3, n.caseId());
                ps.setString(4, n.stepKey());
                ps.setString(5, n.contact().toString());
                setString(ps, 6, n.contactName());
                setString(ps, 7, n.address());
                ps.setString(8, n.message());
                ps.setString(9, record.channel());
                ps.setString(10, record.sentBy());
                setInstant(ps, 11, n.at());
                setEnum(ps, 12, record.delivery().state());
                setString(ps, 13, record.delivery().detail());
                ps.executeUpdate();
            }
            return null;
        });
        db.publish(new ChangeEvent("plan", n.caseId(), ChangeEvent.Kind.UPDATED));
    }

    @Override
    public List<NotificationRecord> findNotifications(String runId) {
        Objects.requireNonNull(runId, "runId");
        return db.read("reading the notifications of plan run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + NOTIFICATION_COLUMNS
                    + " FROM plan_notification WHERE run_id = ? ORDER BY sent_at, id")) {
                ps.setString(1, runId);
                List<NotificationRecord> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Notification n = new Notification(rs.getString("id"), rs.getString("case_id"),
                                rs.getString("run_id"), rs.getString("step_key"), ContactRef.parse(rs.getString("contact")),
                                rs.getString("contact_name"), rs.getString("address"), rs.getString("message"),
                                getInstant(rs, "sent_at"));
                        result.add(new NotificationRecord(n, rs.getString("channel"), rs.getString("sent_by"),
                                new Delivery(getEnum(rs, "state", DeliveryState.class), rs.getString("detail"))));
                    }
                }
                return result;
            }
        });
    }

    // ------------------------------------------------------------------ reading

    private static Checklist read(Connection c, String caseId) throws SQLException {
        PlanRun run;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM plan_run WHERE case_id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                run = new PlanRun(rs.getString("id"), rs.getString("case_id"), rs.getString("plan_id"),
                        rs.getString("plan_version"), new BilingualName(rs.getString("plan_name_zh"),
                        rs.getString("plan_name_en")), getEnum(rs, "response_level", EmergencyLevel.class),
                        getInstant(rs, "activated_at"), rs.getString("activated_by"), getInstant(rs, "level_since"),
                        rs.getString("override_by"), getEnum(rs, "override_role", Role.class),
                        getInstant(rs, "override_at"), rs.getString("override_reason"));
            }
        }
        Map<String, List<StepNote>> notes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, run_id, step_key, at, written_by, note FROM plan_note WHERE run_id = ? ORDER BY at, id")) {
            ps.setString(1, run.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StepNote note = new StepNote(rs.getString("id"), rs.getString("run_id"), rs.getString("step_key"),
                            getInstant(rs, "at"), rs.getString("written_by"), rs.getString("note"));
                    notes.computeIfAbsent(note.stepKey(), k -> new ArrayList<>()).add(note);
                }
            }
        }
        List<PlanStep> steps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + STEP_COLUMNS + " FROM plan_step WHERE run_id = ? ORDER BY seq")) {
            ps.setString(1, run.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString("step_key");
                    steps.add(new PlanStep(rs.getString("run_id"), key, rs.getInt("seq"), rs.getString("step_number"),
                            rs.getString("phase_key"), new BilingualName(rs.getString("phase_name_zh"),
                            rs.getString("phase_name_en")), new BilingualName(rs.getString("title_zh"),
                            rs.getString("title_en")), rs.getString("step_role"), getEnum(rs, "kind", StepKind.class),
                            getEnum(rs, "action_kind", ActionKind.class), rs.getBoolean("required"),
                            getEnum(rs, "step_level", EmergencyLevel.class), rs.getInt("due_minutes"),
                            getInstant(rs, "added_at"), getInstant(rs, "due_at"), contacts(rs.getString("contacts")),
                            keys(rs.getString("on_yes")), keys(rs.getString("on_no")), rs.getString("gate_key"),
                            getEnum(rs, "gate_answer", Answer.class), getEnum(rs, "status", StepStatus.class),
                            getEnum(rs, "answer", Answer.class), rs.getString("done_by"),
                            getEnum(rs, "done_role", Role.class), getInstant(rs, "done_at"),
                            notes.getOrDefault(key, List.of()), rs.getString("outcome")));
                }
            }
        }
        return new Checklist(run, steps);
    }

    private static List<ContactRef> contacts(String text) {
        return keys(text).stream().map(ContactRef::parse).toList();
    }

    private static List<String> keys(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }

    private static String joined(List<?> items) {
        return items.isEmpty() ? null : items.stream().map(Object::toString).collect(Collectors.joining(","));
    }

    // ------------------------------------------------------------------ writing

    private static void insertRun(Connection c, PlanRun r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_run (" + RUN_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.caseId());
            ps.setString(3, r.planId());
            ps.setString(4, r.planVersion());
            ps.setString(5, r.planName().zh());
            ps.setString(6, r.planName().en());
            setEnum(ps, 7, r.level());
            setInstant(ps, 8, r.activatedAt());
            ps.setString(9, r.activatedBy());
            setInstant(ps, 10, r.levelSince());
            setString(ps, 11, r.overrideBy());
            setEnum(ps, 12, r.overrideRole());
            setInstant(ps, 13, r.overrideAt());
            setString(ps, 14, r.overrideReason());
            ps.executeUpdate();
        }
    }

    /** The level and the override change; the plan a run was started from never does. */
    private static void updateRun(Connection c, PlanRun r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE plan_run SET response_level = ?, level_since = ?, "
                + "override_by = ?, override_role = ?, override_at = ?, override_reason = ? WHERE id = ?")) {
            setEnum(ps, 1, r.level());
            setInstant(ps, 2, r.levelSince());
            setString(ps, 3, r.overrideBy());
            setEnum(ps, 4, r.overrideRole());
            setInstant(ps, 5, r.overrideAt());
            setString(ps, 6, r.overrideReason());
            ps.setString(7, r.id());
            ps.executeUpdate();
        }
    }

    private static boolean updateStep(Connection c, PlanStep s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STEP_UPDATE)) {
            setEnum(ps, 1, s.status());
            setEnum(ps, 2, s.answer());
            setString(ps, 3, s.doneBy());
            setEnum(ps, 4, s.doneRole());
            setInstant(ps, 5, s.doneAt());
            setString(ps, 6, s.outcome());
            ps.setString(7, s.runId());
            ps.setString(8, s.key());
            return ps.executeUpdate() > 0;
        }
    }

    private static void insertStep(Connection c, PlanStep s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_step (" + STEP_COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.runId());
            ps.setString(2, s.key());
            ps.setInt(3, s.seq());
            ps.setString(4, s.number());
            ps.setString(5, s.phaseKey());
            ps.setString(6, s.phaseName().zh());
            ps.setString(7, s.phaseName().en());
            ps.setString(8, s.title().zh());
            ps.setString(9, s.title().en());
            ps.setString(10, s.role());
            setEnum(ps, 11, s.kind());
            setEnum(ps, 12, s.action());
            ps.setBoolean(13, s.required());
            setEnum(ps, 14, s.level());
            ps.setInt(15, s.dueMinutes());
            setInstant(ps, 16, s.addedAt());
            setInstant(ps, 17, s.dueAt());
            setString(ps, 18, joined(s.contacts()));
            setString(ps, 19, joined(s.onYes()));
            setString(ps, 20, joined(s.onNo()));
            setString(ps, 21, s.gateKey());
            setEnum(ps, 22, s.gateAnswer());
            setEnum(ps, 23, s.status());
            setEnum(ps, 24, s.answer());
            setString(ps, 25, s.doneBy());
            setEnum(ps, 26, s.doneRole());
            setInstant(ps, 27, s.doneAt());
            setString(ps, 28, s.outcome());
            ps.executeUpdate();
        }
    }

    private static void insertNote(Connection c, StepNote n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO plan_note (id, run_id, step_key, at, written_by, note) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, n.id());
            ps.setString(2, n.runId());
            ps.setString(3, n.stepKey());
            setInstant(ps, 4, n.at());
            ps.setString(5, n.by());
            ps.setString(6, n.text());
            ps.executeUpdate();
        }
    }
}

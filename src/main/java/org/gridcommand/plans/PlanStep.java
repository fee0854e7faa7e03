package org.gridcommand.plans;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.BilingualName;
import org.gridcommand.duty.Role;

/**
 * One step of a running plan, with what the plan file said when the step was added (so a revised file never
 * changes a checklist in progress) and what happened to it: who did it when, the branch answer, notes and the
 * outcome of an action (notes are read with the step and written as {@link PlanUpdate#notes()}). {@code seq} is
 * the step's place in the plan; {@code number} is what the checklist
 * prints ("2.3": phase 2, step 3). {@code gateKey}/{@code gateAnswer} name the branch answer the step waits for.
 */
public record PlanStep(String runId, String key, int seq, String number, String phaseKey, BilingualName phaseName,
                       BilingualName title, String role, StepKind kind, ActionKind action, boolean required,
                       EmergencyLevel level, int dueMinutes, Instant addedAt, Instant dueAt,
                       List<ContactRef> contacts, List<String> onYes, List<String> onNo,
                       String gateKey, Answer gateAnswer,
                       StepStatus status, Answer answer, String doneBy, Role doneRole, Instant doneAt,
                       List<StepNote> notes, String outcome) {
    public PlanStep {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(phaseKey, "phaseKey");
        Objects.requireNonNull(phaseName, "phaseName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        onYes = onYes == null ? List.of() : List.copyOf(onYes);
        onNo = onNo == null ? List.of() : List.copyOf(onNo);
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (kind == StepKind.ACTION && action == null) {
            throw new IllegalArgumentException("step " + key + " is an ACTION step without an action");
        }
    }

    /** Open and past its deadline at {@code now}. */
    public boolean overdueAt(Instant now) {
        return status == StepStatus.OPEN && now.isAfter(dueAt);
    }

    /** Done after its deadline. */
    public boolean doneLate() {
        return status == StepStatus.DONE && doneAt != null && doneAt.isAfter(dueAt);
    }

    /** An open required step keeps the case from closing (waiting and skipped ones do not). */
    public boolean blocksClose() {
        return required && status == StepStatus.OPEN;
    }

    public List<String> opens(Answer a) {
        return a == Answer.YES ? onYes : onNo;
    }

    public PlanStep withStatus(StepStatus next) {
        return new PlanStep(runId, key, seq, number, phaseKey, phaseName, title, role, kind, action, required, level,
                dueMinutes, addedAt, dueAt, contacts, onYes, onNo, gateKey, gateAnswer, next, answer, doneBy, doneRole,
                doneAt, notes, outcome);
    }

    public PlanStep withDone(String by, Role byRole, Instant at, Answer givenAnswer, String doneOutcome) {
        return new PlanStep(runId, key, seq, number, phaseKey, phaseName, title, role, kind, action, required, level,
                dueMinutes, addedAt, dueAt, contacts, onYes, onNo, gateKey, gateAnswer, StepStatus.DONE, givenAnswer, by,
                byRole, at, notes, doneOutcome);
    }

    public PlanStep withOutcome(String text) {
        return new PlanStep(runId, key, seq, number, phaseKey, phaseName, title, role, kind, action, required, level,
                dueMinutes, addedAt, dueAt, contacts, onYes, onNo, gateKey, gateAnswer, status, answer, doneBy, doneRole,
                doneAt, notes, text);
    }
}

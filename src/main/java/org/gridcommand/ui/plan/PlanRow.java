package org.gridcommand.ui.plan;

import org.gridcommand.plans.PlanStep;

/**
 * One line of the checklist: a phase header (step == null) or a step with the texts that do not change with the
 * clock (title, role, required mark, who did it, notes, outcome). The due cell is computed against the panel's
 * clock by {@link PlanPanelModel#dueText}, so the timers tick without rebuilding the list.
 */
public record PlanRow(String phaseTitle, PlanStep step, String title, String role, String mark, String status,
                      String details) {
    public static PlanRow header(String phaseTitle) {
        return new PlanRow(phaseTitle, null, phaseTitle, "", "", "", "");
    }

    public boolean isHeader() {
        return step == null;
    }

    public String key() {
        return step == null ? null : step.key();
    }
}

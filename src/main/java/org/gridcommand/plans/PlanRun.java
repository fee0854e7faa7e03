package org.gridcommand.plans;

import java.time.Instant;
import java.util.Objects;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.BilingualName;
import org.gridcommand.duty.Role;

/**
 * A plan started for a case (one per case). It keeps the plan's id, version and name as they were at activation,
 * the level it runs at and since when ({@code levelSince}: activation, or the last raise), and the shift
 * supervisor's override of the close guard, if one was given (a later raise withdraws it: new required steps came).
 */
public record PlanRun(String id, String caseId, String planId, String planVersion, BilingualName planName,
                      EmergencyLevel level, Instant activatedAt, String activatedBy, Instant levelSince,
                      String overrideBy, Role overrideRole, Instant overrideAt, String overrideReason) {
    public PlanRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(planVersion, "planVersion");
        Objects.requireNonNull(planName, "planName");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(activatedAt, "activatedAt");
        Objects.requireNonNull(activatedBy, "activatedBy");
        Objects.requireNonNull(levelSince, "levelSince");
    }

    public boolean overridden() {
        return overrideAt != null;
    }

    public PlanRun withLevel(EmergencyLevel newLevel, Instant since) {
        return new PlanRun(id, caseId, planId, planVersion, planName, newLevel, activatedAt, activatedBy, since,
                null, null, null, null);
    }

    public PlanRun withOverride(String by, Role role, Instant at, String reason) {
        return new PlanRun(id, caseId, planId, planVersion, planName, level, activatedAt, activatedBy, levelSince,
                by, role, at, reason);
    }
}

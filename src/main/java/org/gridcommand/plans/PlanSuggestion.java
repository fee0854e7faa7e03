package org.gridcommand.plans;

import org.gridcommand.cases.EmergencyLevel;

/** The plan that fits a case, the level it would start at, and the rule that chose it. */
public record PlanSuggestion(PlanDefinition plan, EmergencyLevel level, SuggestionRule because) {
}

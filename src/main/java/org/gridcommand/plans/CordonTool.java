package org.gridcommand.plans;

import org.gridcommand.cases.Case;

/** The "draw cordon" action: the map opens its cordon tool at the case (FX thread). */
@FunctionalInterface
public interface CordonTool {
    /** @return the step's outcome, e.g. "cordon tool open at 113.57, 22.26" */
    String openCordonFor(Case aCase);
}

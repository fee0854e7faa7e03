package org.gridcommand.plans;

import org.gridcommand.cases.Case;

/** The "export CAP" action: writes the case as a CAP 1.2 alert (off the FX thread). */
@FunctionalInterface
public interface CapAlertExport {
    /**
     * @param exercise true in a drill: the alert's status is Exercise, never Actual
     * @return the step's outcome, e.g. the file written
     */
    String export(Case aCase, boolean exercise);
}

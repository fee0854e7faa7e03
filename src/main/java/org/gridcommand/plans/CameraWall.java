package org.gridcommand.plans;

import org.gridcommand.cases.Case;

/** The "show cameras" action: the console puts the case's covering cameras on the wall (FX thread). */
@FunctionalInterface
public interface CameraWall {
    /** @return the line for the officer and the step's outcome, e.g. "4 covering cameras on the wall" */
    String showCamerasFor(Case aCase);
}

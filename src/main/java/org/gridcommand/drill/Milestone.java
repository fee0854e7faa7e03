package org.gridcommand.drill;

/** What a drill scores, each timed from the incident's injection. */
public enum Milestone {
    /** The report is a case in the queue (the intake took it). */
    REPORTED("reported"),
    /** The duty officer accepted the case (受理). */
    ACCEPTED("accepted"),
    /** The case has its small grid (located on the map). */
    LOCATED("located"),
    /** A camera covering the case point was put on the wall. */
    CAMERA_SHOWN("cameraShown"),
    /** The emergency plan was activated for the case. */
    PLAN_ACTIVATED("planActivated"),
    /** The case was closed. */
    CLOSED("closed");

    private final String fileName;

    Milestone(String fileName) {
        this.fileName = fileName;
    }

    /** The key in a scenario's {@code targets}. */
    public String fileName() {
        return fileName;
    }

    public static java.util.Optional<Milestone> fromFileName(String name) {
        return java.util.Arrays.stream(values()).filter(m -> m.fileName.equals(name)).findFirst();
    }
}

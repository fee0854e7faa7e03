package org.gridcommand.plans;

/** The things a plan step can make the console do. */
public enum ActionKind {
    /** The case's covering cameras go on the video wall. */
    SHOW_CAMERAS(true),
    /** Everyone in the step's call tree is notified through the notification channel, each one recorded. */
    NOTIFY(false),
    /** The case is written out as a CAP 1.2 alert (status Exercise in a drill). */
    EXPORT_CAP(false),
    /** The map's cordon tool opens at the case. */
    DRAW_CORDON(true);

    private final boolean onScreen;

    ActionKind(boolean onScreen) {
        this.onScreen = onScreen;
    }

    /**
     * True for the actions that change what the console shows: the view runs them on its own thread and then
     * records the outcome ({@link PlanService#recordAction}); the others run in the service ({@link PlanService#performAction}).
     */
    public boolean onScreen() {
        return onScreen;
    }
}
